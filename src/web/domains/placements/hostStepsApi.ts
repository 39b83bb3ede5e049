import type { expenseList } from "@shared/schemas/host-partnership.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl } from "@web/api/client.js";
import type { z } from "zod";

export type ExpenseList = z.infer<typeof expenseList>;

/** The host's copy of the current agreement as a PDF. */
export function hostAgreementUrl(placementId: string): string {
  return apiUrl(`/placements/${placementId}/agreement/document`);
}

/** Records the introduction meeting or the check-in with the host; answers the placement as it is then. */
export function useHostStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: { kind: "introduction" | "host-check-in"; body: Record<string, unknown> }) =>
      api<PlacementOutput>(`/placements/${id}/${step.kind}`, { method: "POST", body: step.body }),
    onSuccess: (placement) => {
      queryClient.setQueryData(["placements", "one", placement.id], placement);
      void queryClient.invalidateQueries({ queryKey: ["work-queue"] });
    },
  });
}

/** A placement's expense allowances with the year's limits. */
export function useExpenses(id: string) {
  return useQuery({ queryKey: ["placements", "expenses", id], queryFn: () => api<ExpenseList>(`/placements/${id}/expenses`) });
}

/** Records an allowance, or that one was paid. */
export function useExpenseAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: "expenses" | "expense-payments"; body: Record<string, unknown> }) =>
      api<ExpenseList>(`/placements/${id}/${action.kind}`, { method: "POST", body: action.body }),
    onSuccess: (list) => queryClient.setQueryData(["placements", "expenses", id], list),
  });
}
