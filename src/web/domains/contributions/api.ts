import type { ContributionInput, contributionList, contributionOutput } from "@shared/schemas/contributions.js";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type ContributionList = z.infer<typeof contributionList>;
export type ContributionOutput = z.infer<typeof contributionOutput>;

/** The volunteer work a client already does, formalised, and whether the client counts as contributing. */
export function useContributions(clientId: string) {
  return useQuery({ queryKey: ["contributions", clientId], queryFn: () => api<ContributionList>(`/clients/${clientId}/contributions`) });
}

/** Reloads what formalising or its undoing changes: the contributions, the letters and the hours asked. */
function refresh(queryClient: QueryClient, clientId: string) {
  for (const key of [
    ["contributions", clientId],
    ["letters", clientId],
    ["plans", clientId],
  ])
    void queryClient.invalidateQueries({ queryKey: key });
}

/** Formalises volunteer work the client already does; the server makes the agreement letter. */
export function useAddContribution(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContributionInput) =>
      api<ContributionOutput>(`/clients/${clientId}/contributions`, { method: "POST", body: input }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

/** Undoes formalising a contribution while its agreement letter is still inside: it no longer counts. */
export function useUndoContribution(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/contributions/${id}/undo`, { method: "POST" }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

/** Asks again, shortly after the agreement letter was downloaded to print, whether formalising can still be undone. */
export function useRecheckContributions(clientId: string) {
  const queryClient = useQueryClient();
  return () => {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["contributions", clientId] }), 1000);
  };
}
