import type { PlanOutput, PlanStepInput, PlanStepUpdateInput, planList } from "@shared/schemas/plans.js";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type PlanList = z.infer<typeof planList>;

/** All versions of a client's plan, newest first. */
export function usePlans(clientId: string) {
  return useQuery({ queryKey: ["plans", clientId], queryFn: () => api<PlanList>(`/clients/${clientId}/plans`) });
}

// Shows the changed version at once, then reloads the list: a change can create or supersede other versions.
function refresh(queryClient: QueryClient, clientId: string, plan: PlanOutput) {
  queryClient.setQueryData<PlanList>(["plans", clientId], (current) =>
    current
      ? { ...current, items: [plan, ...current.items.filter((item) => item.id !== plan.id)].sort((a, b) => b.version - a.version) }
      : current,
  );
  for (const key of [["plans", clientId], ["letters", clientId], ["work-queue"], ["decisions", "client", clientId]])
    void queryClient.invalidateQueries({ queryKey: key });
}

/** Adds a step to the draft (a new draft version when the plan was confirmed). */
export function useAddPlanStep(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanStepInput) => api<PlanOutput>(`/clients/${clientId}/plan-steps`, { method: "POST", body: input }),
    onSuccess: (plan) => refresh(queryClient, clientId, plan),
  });
}

/** Changes a step: hours, dates, status, or stops it with a reason. */
export function useUpdatePlanStep(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stepId, input }: { stepId: string; input: PlanStepUpdateInput }) =>
      api<PlanOutput>(`/plan-steps/${stepId}`, { method: "PATCH", body: input }),
    onSuccess: (plan) => refresh(queryClient, clientId, plan),
  });
}

/** Confirms the draft with the client; the server makes the plan letter. */
export function useConfirmPlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, reportingFrequencyWeeks }: { planId: string; reportingFrequencyWeeks: number }) =>
      api<PlanOutput>(`/plans/${planId}/confirmation`, { method: "POST", body: { reportingFrequencyWeeks } }),
    onSuccess: (plan) => refresh(queryClient, clientId, plan),
  });
}

/** Undoes the confirmation of the plan in force while its letter is inside: the version is a draft again. */
export function useUndoPlanConfirmation(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => api<PlanOutput>(`/plans/${planId}/confirmation`, { method: "DELETE" }),
    onSuccess: (plan) => refresh(queryClient, clientId, plan),
  });
}

/** Asks again, shortly after the plan letter was downloaded to print, whether the confirmation can still be undone. */
export function useRecheckPlans(clientId: string) {
  const queryClient = useQueryClient();
  return () => {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["plans", clientId] }), 1000);
  };
}
