import type { ContributionInput, contributionList } from "@shared/schemas/contributions.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type ContributionList = z.infer<typeof contributionList>;

/** The volunteer work a client already does, formalised, and whether the client counts as contributing. */
export function useContributions(clientId: string) {
  return useQuery({ queryKey: ["contributions", clientId], queryFn: () => api<ContributionList>(`/clients/${clientId}/contributions`) });
}

/** Formalises volunteer work the client already does; the server makes the agreement letter. */
export function useAddContribution(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContributionInput) => api<unknown>(`/clients/${clientId}/contributions`, { method: "POST", body: input }),
    onSuccess: () => {
      for (const key of [
        ["contributions", clientId],
        ["letters", clientId],
        ["plans", clientId],
      ])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
