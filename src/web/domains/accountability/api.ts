import type { AccountabilityRequestOutput, accountabilityResponseInput } from "@shared/schemas/accountability.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type AccountabilityResponseInput = z.infer<typeof accountabilityResponseInput>;

/** A client's accountability requests: is the contribution still going on? */
export function useAccountabilityRequests(clientId: string) {
  return useQuery({
    queryKey: ["accountability", clientId],
    queryFn: () => api<{ items: AccountabilityRequestOutput[] }>(`/clients/${clientId}/accountability-requests`),
  });
}

/** Answers a request: the activity continues, or it has stopped. */
export function useRespond(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AccountabilityResponseInput }) =>
      api<AccountabilityRequestOutput>(`/accountability-requests/${id}/responses`, { method: "POST", body: input }),
    onSuccess: () => {
      // A stopped activity ends the contribution or caregiving it is about.
      for (const key of [["accountability", clientId], ["contributions", clientId], ["caregiving", clientId], ["work-queue"]])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/** Reloads a client's requests, e.g. after proof was uploaded. */
export function useReloadAccountability(clientId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ["accountability", clientId] });
}
