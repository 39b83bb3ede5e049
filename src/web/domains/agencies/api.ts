import type {
  AgencyCreateInput,
  AgencyOutput,
  AgencyResultsOutput,
  AgencyUpdateInput,
  AssignmentCreateInput,
  AssignmentEndInput,
  AssignmentOutput,
  agencyPage,
  assignmentPage,
} from "@shared/schemas/agencies.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type AgencyPage = z.infer<typeof agencyPage>;
type AssignmentPage = z.infer<typeof assignmentPage>;

/** The agencies the caller may see (all for admins and team leads, their own for an agency worker). */
export function useAgencies(enabled = true) {
  return useQuery({ queryKey: ["agencies", "list"], queryFn: () => api<AgencyPage>("/agencies", { query: { pageSize: 200 } }), enabled });
}

/** One agency (404 outside the caller's scope). */
export function useAgency(id: string | undefined) {
  return useQuery({ queryKey: ["agencies", "one", id], queryFn: () => api<AgencyOutput>(`/agencies/${id}`), enabled: id !== undefined });
}

/** Each agency's targets against results and client outcomes (team leads, admins). */
export function useAgencyResults(enabled: boolean) {
  return useQuery({ queryKey: ["agencies", "results"], queryFn: () => api<AgencyResultsOutput>("/agency-results"), enabled });
}

/** An agency's assignments of clients in the caller's scope. */
export function useAgencyAssignments(agencyId: string | undefined) {
  return useQuery({
    queryKey: ["agencies", "assignments", agencyId],
    queryFn: () => api<AssignmentPage>(`/agencies/${agencyId}/assignments`, { query: { pageSize: 200 } }),
    enabled: agencyId !== undefined,
  });
}

/** Registers an agency (admin). */
export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyCreateInput) => api<AgencyOutput>("/agencies", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["agencies"] }),
  });
}

/** Gives a client to an agency for a period (team lead). */
export function useAssignClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agencyId, input }: { agencyId: string; input: AssignmentCreateInput }) =>
      api<AssignmentOutput>(`/agencies/${agencyId}/assignments`, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["agencies"] }),
  });
}

/** Changes an agency's registration (admin). */
export function useUpdateAgency(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyUpdateInput) => api<AgencyOutput>(`/agencies/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["agencies"] }),
  });
}

/** Ends an assignment early (team lead). */
export function useEndAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AssignmentEndInput }) =>
      api<AssignmentOutput>(`/agency-assignments/${id}/end`, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["agencies"] }),
  });
}
