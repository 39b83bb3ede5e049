import type { RescheduleRequestOutput } from "@shared/schemas/appointments.js";
import type { ClientOverview, PlanSummary } from "@shared/schemas/overview.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The client's start page: next appointment, what is asked now, what waits for an answer, the consultant. */
export function useClientOverview(clientId: string) {
  return useQuery({ queryKey: ["overview", clientId], queryFn: () => api<ClientOverview>(`/clients/${clientId}/overview`) });
}

/** The client's plan, placements with their agreements, and the intake's outcome. */
export function usePlanSummary(clientId: string) {
  return useQuery({
    queryKey: ["plan-summary", clientId],
    queryFn: () => api<PlanSummary>(`/clients/${clientId}/plan-summary`),
    enabled: Boolean(clientId),
  });
}

/** "Ik kan niet": asks for another time for an appointment, with an optional reason. */
export function useRequestReschedule(clientId: string, appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason?: string }) =>
      api<RescheduleRequestOutput>(`/appointments/${appointmentId}/reschedule-requests`, { method: "POST", body: input }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["overview", clientId] });
    },
  });
}
