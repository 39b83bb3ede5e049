import type { ClientSideInput, PlacementFeedbackInput, PlacementSummary } from "@shared/schemas/placements.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The client's own running and ended placements, newest first, each with what they may still do. */
export function useMyPlacements(clientId: string) {
  return useQuery({
    queryKey: ["my-placements", clientId],
    queryFn: () => api<{ items: PlacementSummary[] }>(`/clients/${clientId}/placements`),
  });
}

/** The client gives their side of an ending, or rates a placement. */
export function useClientVoice(clientId: string, placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: "client-side"; input: ClientSideInput } | { kind: "feedback"; input: PlacementFeedbackInput }) =>
      api<PlacementSummary>(`/placements/${placementId}/${action.kind}`, { method: "POST", body: action.input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["my-placements", clientId] }),
  });
}
