import type {
  ActivityProposalDecisionInput,
  ActivityProposalInput,
  ActivityProposalOutput,
  activityProposalList,
} from "@shared/schemas/activity-proposals.js";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type { ActivityProposalOutput };
export type ActivityProposalList = z.infer<typeof activityProposalList>;

/** A client's proposals of their own activity, newest first, with the hours still free. */
export function useActivityProposals(clientId: string, enabled = true) {
  return useQuery({
    queryKey: ["activity-proposals", clientId],
    queryFn: () => api<ActivityProposalList>(`/clients/${clientId}/activity-proposals`),
    enabled,
  });
}

/** Reloads what a proposal or its decision changes: the proposals, and once decided the contribution, care and letters. */
export function refreshProposals(queryClient: QueryClient, clientId: string) {
  for (const key of [
    ["activity-proposals", clientId],
    ["contributions", clientId],
    ["caregiving", clientId],
    ["letters", clientId],
    ["decisions", "client", clientId],
    ["work-queue"],
  ])
    void queryClient.invalidateQueries({ queryKey: key });
}

/** Sends a proposal: the client's own, or staff's on the client's behalf. */
export function useProposeActivity(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityProposalInput) =>
      api<ActivityProposalOutput>(`/clients/${clientId}/activity-proposals`, { method: "POST", body: input }),
    onSuccess: () => refreshProposals(queryClient, clientId),
  });
}

/** Accepts (perhaps for fewer hours) or declines a proposal, with reasons. */
export function useDecideProposal(proposal: Pick<ActivityProposalOutput, "id" | "clientId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityProposalDecisionInput) =>
      api<ActivityProposalOutput>(`/activity-proposals/${proposal.id}/decision`, { method: "POST", body: input }),
    onSuccess: () => refreshProposals(queryClient, proposal.clientId),
  });
}

/** Undoes the decision on a proposal while its letter is still inside: the proposal waits for a decision again. */
export function useUndoProposalDecision(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposalId: string) => api<ActivityProposalOutput>(`/activity-proposals/${proposalId}/decision`, { method: "DELETE" }),
    onSuccess: () => refreshProposals(queryClient, clientId),
  });
}

/** Asks again, shortly after the decision letter was downloaded to print, whether the decision can still be undone. */
export function useRecheckProposals(clientId: string) {
  const queryClient = useQueryClient();
  return () => {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["activity-proposals", clientId] }), 1000);
  };
}
