import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { guidanceOverview } from "@shared/schemas/placements.js";
import type { OrganisationOutput } from "@shared/schemas/organisations.js";
import { api } from "@web/api/client.js";

type GuidanceOverview = z.infer<typeof guidanceOverview>;

/** One host organisation. */
export function useOrganisation(id: string | undefined) {
  return useQuery({ queryKey: ["organisations", "one", id], queryFn: () => api<OrganisationOutput>(`/organisations/${id}`), enabled: Boolean(id) });
}

/** Guidance hours a week the organisation offers against what its placements and open referrals ask. */
export function useGuidance(id: string | undefined) {
  return useQuery({ queryKey: ["guidance", id], queryFn: () => api<GuidanceOverview>(`/organisations/${id}/guidance`), enabled: Boolean(id) });
}
