import type {
  AgreementParty,
  HostClientProfile,
  PlacementAttributionInput,
  PlacementOutput,
  PlacementUndoOutput,
  placementCreateInput,
  placementEndInput,
  placementListQuery,
  placementPage,
} from "@shared/schemas/placements.js";
import type { roleOptionPage } from "@shared/schemas/roles.js";
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type PlacementPage = z.infer<typeof placementPage>;
export type PlacementSummary = PlacementPage["items"][number];
export type PlacementListParams = Partial<z.infer<typeof placementListQuery>>;
export type PlacementEndInput = z.infer<typeof placementEndInput>;
export type { PlacementAttributionInput };
export interface AgreementValues {
  startDate: string;
  endDate: string;
  hoursPerWeek: number | string;
  tasks: string;
  contactPerson: string;
  guidanceArrangement: string;
}

/** Placements the user may see, newest first, filtered by status, client or organisation. */
export function usePlacements(params: PlacementListParams) {
  return useQuery({ queryKey: ["placements", "list", params], queryFn: () => api<PlacementPage>("/placements", { query: params }) });
}

/** The roles a client can be proposed for now, nearest first, by words and distance, one page at a time. */
export function useRoleOptions(
  clientId: string,
  params: { q?: string | undefined; maxDistanceKm?: number | undefined; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ["roles", "options", clientId, params],
    queryFn: () => api<z.infer<typeof roleOptionPage>>(`/clients/${clientId}/role-options`, { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** One placement with its signed agreement versions and notes. */
export function usePlacement(id: string) {
  return useQuery({ queryKey: ["placements", "one", id], queryFn: () => api<PlacementOutput>(`/placements/${id}`) });
}

/** What a host may know of a referred client: first name, availability, hours, skills, languages, guidance need. */
export function useHostProfile(clientId: string) {
  return useQuery({ queryKey: ["clients", "host-profile", clientId], queryFn: () => api<HostClientProfile>(`/clients/${clientId}`) });
}

function refresh(queryClient: QueryClient, placement: PlacementOutput) {
  queryClient.setQueryData(["placements", "one", placement.id], placement);
  // An ending attributed to the client is a decision with a letter; the sanction form lists ended placements.
  const keys = [
    ["placements", "list"],
    ["roles"],
    ["guidance"],
    ["work-queue"],
    ["letters", placement.clientId],
    ["decisions", "client", placement.clientId],
  ];
  for (const key of keys) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/**
 * Undoes a referral before it reaches the host: it is gone, its place and guidance hours free again, and a placement
 * proposal it came from is open again.
 */
export function useUndoReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<PlacementUndoOutput>(`/placements/${id}/undo`, { method: "POST" }),
    onSuccess: (undone) => {
      queryClient.removeQueries({ queryKey: ["placements", "one", undone.id] });
      for (const key of [
        ["placements", "list"],
        ["roles"],
        ["guidance"],
        ["work-queue"],
        ["suggestions", undone.clientId],
        ["match-plans"],
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

/** Proposes (refers) a client to a role. */
export function useProposePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof placementCreateInput>) => api<PlacementOutput>("/placements", { method: "POST", body: input }),
    onSuccess: (placement) => refresh(queryClient, placement),
  });
}

type Action =
  | { kind: "accept" }
  | { kind: "decline"; reason: string }
  | { kind: "start"; agreement: AgreementValues }
  | { kind: "agreements"; agreement: AgreementValues }
  | { kind: "end"; input: PlacementEndInput }
  | { kind: "attribution"; input: PlacementAttributionInput }
  | { kind: "notes"; note: string };

function bodyOf(action: Action): unknown {
  switch (action.kind) {
    case "accept":
      return undefined;
    case "decline":
      return { reason: action.reason };
    case "start":
    case "agreements":
      return { agreement: action.agreement };
    case "end":
    case "attribution":
      return action.input;
    case "notes":
      return { note: action.note };
  }
}

/**
 * One step in a placement's life: accept, decline, start with the agreement, a new agreement version, end, the
 * consultant's determination of to whom the ending is attributable, a note.
 */
export function usePlacementAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => api<PlacementOutput>(`/placements/${id}/${action.kind}`, { method: "POST", body: bodyOf(action) }),
    onSuccess: (placement) => refresh(queryClient, placement),
  });
}

/** One party's signature under the current agreement version; the municipality's makes the decision with its letter. */
export function useSignAgreement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { party: AgreementParty; signedOn?: string }) =>
      api<PlacementOutput>(`/placements/${id}/agreement/signatures`, { method: "POST", body: input }),
    onSuccess: (placement) => {
      refresh(queryClient, placement);
      void queryClient.invalidateQueries({ queryKey: ["decisions", "client", placement.clientId] });
    },
  });
}
