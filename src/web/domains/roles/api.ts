import type {
  displacementComplaintInput,
  displacementComplaintOutput,
  RoleCreateInput,
  RoleOutput,
  roleListQuery,
  rolePage,
} from "@shared/schemas/roles.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type RolePage = z.infer<typeof rolePage>;
export type RoleListParams = Partial<z.infer<typeof roleListQuery>>;
type ComplaintInput = z.infer<typeof displacementComplaintInput>;
type ComplaintOutput = z.infer<typeof displacementComplaintOutput>;

/** One page of volunteer roles; a host sees only its own organisation's. */
export function useRoles(params: RoleListParams, enabled = true) {
  return useQuery({
    queryKey: ["roles", "list", params],
    queryFn: () => api<RolePage>("/roles", { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One volunteer role with its displacement status. */
export function useRole(id: string) {
  return useQuery({ queryKey: ["roles", "one", id], queryFn: () => api<RoleOutput>(`/roles/${id}`) });
}

/** Describes a new role; the server runs the displacement check at once. */
export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleCreateInput) => api<RoleOutput>("/roles", { method: "POST", body: input }),
    onSuccess: (role) => {
      queryClient.setQueryData(["roles", "one", role.id], role);
      void queryClient.invalidateQueries({ queryKey: ["roles", "list"] });
    },
  });
}

/** Undoes a review's rejection while none of its letters has left the building: the role and its placements as before. */
export function useUndoRoleReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<RoleOutput>(`/roles/${id}/displacement-reviews/latest`, { method: "DELETE" }),
    onSuccess: (role) => {
      queryClient.setQueryData(["roles", "one", id], role);
      for (const key of ["roles", "placements", "work-queue", "letters"]) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/**
 * Undoes an upheld complaint while its letters are inside: the role, its placements and the complaint as before (the
 * complaint open again).
 */
export function useUndoComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (complaintId: string) => api<ComplaintOutput>(`/displacement-complaints/${complaintId}/decision`, { method: "DELETE" }),
    // Also when refused: a letter may have left meanwhile, and the page should say so.
    onSettled: () => {
      for (const key of ["roles", "placements", "work-queue", "letters"]) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** A team lead decides a role that needs review. */
export function useReviewRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { outcome: "approved" | "rejected"; reason: string }) =>
      api<RoleOutput>(`/roles/${id}/displacement-reviews`, { method: "POST", body: input }),
    onSuccess: (role) => {
      queryClient.setQueryData(["roles", "one", id], role);
      void queryClient.invalidateQueries({ queryKey: ["roles", "list"] });
      // A rejection ends the role's placements, which puts their clients on the work queue.
      if (role.status === "rejected")
        for (const key of ["placements", "work-queue"]) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** Anyone files a displacement complaint about a role; no login needed. */
export function useFileComplaint(roleId: string) {
  return useMutation({
    mutationFn: (input: ComplaintInput) =>
      api<ComplaintOutput>(`/roles/${roleId}/displacement-complaints`, { method: "POST", body: input }),
  });
}

/** The displacement complaints about a role, newest first (team leads and admins). */
export function useRoleComplaints(roleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["roles", roleId, "complaints"],
    queryFn: () => api<{ items: ComplaintOutput[] }>(`/roles/${roleId}/displacement-complaints`),
    enabled,
  });
}

export function useDecideComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ complaintId, ...input }: { complaintId: string; outcome: "upheld" | "dismissed"; reason: string }) =>
      api<ComplaintOutput>(`/displacement-complaints/${complaintId}/decision`, { method: "POST", body: input }),
    // An upheld complaint ends the role's placements, which puts their clients on the work queue.
    onSuccess: () => {
      for (const key of ["roles", "placements", "work-queue"]) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
