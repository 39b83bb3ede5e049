import type {
  OrganisationCreateInput,
  OrganisationOutput,
  organisationListQuery,
  organisationPage,
} from "@shared/schemas/organisations.js";
import type { guidanceOverview } from "@shared/schemas/placements.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type GuidanceOverview = z.infer<typeof guidanceOverview>;
type OrganisationPage = z.infer<typeof organisationPage>;
export type OrganisationListParams = Partial<z.infer<typeof organisationListQuery>>;

/** One page of host organisations, searched by name (staff). */
export function useOrganisations(params: OrganisationListParams) {
  return useQuery({
    queryKey: ["organisations", "list", params],
    queryFn: () => api<OrganisationPage>("/organisations", { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** One host organisation. */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ["organisations", "one", id],
    queryFn: () => api<OrganisationOutput>(`/organisations/${id}`),
    enabled: Boolean(id),
  });
}

/** Registers a host organisation. */
export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationCreateInput) => api<OrganisationOutput>("/organisations", { method: "POST", body: input }),
    onSuccess: (organisation) => {
      queryClient.setQueryData(["organisations", "one", organisation.id], organisation);
      void queryClient.invalidateQueries({ queryKey: ["organisations", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["organisations", "search"] });
    },
  });
}

/** Guidance hours a week the organisation offers against what its placements and open referrals ask. */
export function useGuidance(id: string | undefined) {
  return useQuery({
    queryKey: ["guidance", id],
    queryFn: () => api<GuidanceOverview>(`/organisations/${id}/guidance`),
    enabled: Boolean(id),
  });
}

/** Up to ten organisations matching a name, for pickers. */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ["organisations", "search", q],
    queryFn: () => api<OrganisationPage>("/organisations", { query: { q, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
}
