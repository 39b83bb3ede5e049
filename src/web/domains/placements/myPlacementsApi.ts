import type { ClientSideInput, clientPlacementList, PlacementFeedbackInput, PlacementSummary } from "@shared/schemas/placements.js";
import type { z } from "zod";

export type MyPlacement = z.infer<typeof clientPlacementList>["items"][number];

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The client's own running and ended placements, newest first, each with what they may still do. */
export function useMyPlacements(clientId: string) {
  return useQuery({
    queryKey: ["my-placements", clientId],
    queryFn: () => api<{ items: MyPlacement[] }>(`/clients/${clientId}/placements`),
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

/** The client signs their current agreement in the portal. */
export function useSignMyAgreement(clientId: string, placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>(`/placements/${placementId}/agreement/signatures`, { method: "POST", body: { party: "client" } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["my-placements", clientId] }),
  });
}
