import type {
  MatchPlanOutput,
  matchPlanList,
  ProposalOutput,
  ProposalRejectInput,
  proposalPage,
  SuggestionsOutput,
} from "@shared/schemas/matching.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type MatchPlanList = z.infer<typeof matchPlanList>;
export type ProposalPage = z.infer<typeof proposalPage>;
export type ProposalStatus = ProposalOutput["status"];

/** A plan is still being made while it is queued or running. */
export function isPlanBusy(plan: Pick<MatchPlanOutput, "status">): boolean {
  return plan.status === "queued" || plan.status === "running";
}

// Polling interval while a plan is being made.
const POLL_MS = 1000;

/** The best fitting open roles for a client, with the reasons, and why others were left out. */
export function useSuggestions(clientId: string) {
  return useQuery({
    queryKey: ["suggestions", clientId],
    queryFn: () => api<SuggestionsOutput>(`/clients/${clientId}/suggestions`, { query: { limit: 10 } }),
  });
}

/** Proposes the client for a suggested role with the suggested hours; afterwards the suggestions are fetched again. */
export function useProposeSuggestion(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { roleId: string; hoursPerWeek: number }) =>
      api<PlacementOutput>("/placements", { method: "POST", body: { clientId, ...input } }),
    onSuccess: (placement) => {
      queryClient.setQueryData(["placements", "one", placement.id], placement);
      for (const key of [
        ["suggestions", clientId],
        ["placements", "list"],
        ["roles"],
        ["guidance"],
        ["work-queue"],
        ["letters", clientId],
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

/** The last 20 placement plans; asked again every second while one of them is being made. */
export function useMatchPlans() {
  return useQuery({
    queryKey: ["match-plans", "list"],
    queryFn: () => api<MatchPlanList>("/match-plans"),
    refetchInterval: (query) => (query.state.data?.items.some(isPlanBusy) ? POLL_MS : false),
  });
}

/** One placement plan; asked again every second while it is being made. */
export function useMatchPlan(id: string) {
  return useQuery({
    queryKey: ["match-plans", "one", id],
    queryFn: () => api<MatchPlanOutput>(`/match-plans/${id}`),
    refetchInterval: (query) => (query.state.data && isPlanBusy(query.state.data) ? POLL_MS : false),
  });
}

/** Starts a plan for one district, or (admins) for the whole city when no district is given. */
export function useStartMatchPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (district: string | null) => api<MatchPlanOutput>("/match-plans", { method: "POST", body: district ? { district } : {} }),
    onSuccess: (plan) => {
      queryClient.setQueryData(["match-plans", "one", plan.id], plan);
      void queryClient.invalidateQueries({ queryKey: ["match-plans", "list"] });
    },
  });
}

export interface ProposalParams {
  status?: ProposalStatus;
  district?: string;
  consultantId?: string;
  page: number;
  pageSize: number;
}

/** One page of a plan's proposals for clients in the user's scope. */
export function useProposals(planId: string, params: ProposalParams, enabled: boolean) {
  return useQuery({
    queryKey: ["match-plans", "proposals", planId, params],
    queryFn: () => api<ProposalPage>(`/match-plans/${planId}/proposals`, { query: { ...params } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function refreshAfterDecision(queryClient: QueryClient, proposal: ProposalOutput) {
  // Following a proposal creates a referral: placements, roles, guidance and the client's suggestions change too.
  for (const key of [
    ["match-plans"],
    ["placements", "list"],
    ["roles"],
    ["guidance"],
    ["work-queue"],
    ["suggestions", proposal.clientId],
    ["letters", proposal.clientId],
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

export type ProposalDecision = { kind: "accept" } | ({ kind: "reject" } & ProposalRejectInput);

/** Follows a proposal (it becomes a referral) or does not, with the reason. */
export function useDecideProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ProposalDecision) =>
      api<ProposalOutput>(`/match-proposals/${id}/${decision.kind}`, {
        method: "POST",
        body: decision.kind === "reject" ? { reasonCode: decision.reasonCode, reason: decision.reason } : {},
      }),
    onSuccess: (proposal) => refreshAfterDecision(queryClient, proposal),
  });
}
