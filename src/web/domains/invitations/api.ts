import type { InvitationBatchOutput, invitationBulkInput } from "@shared/schemas/appointments.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type InvitationInput = z.infer<typeof invitationBulkInput>;
export type Invitations = InvitationBatchOutput;

const INVALIDATED = [["clients", "list"], ["appointments"], ["letters"], ["work-queue"], ["team"]];

/** Invites clients to an intake: each gets the next free slot and a registered letter. All or nothing. */
export function useInviteClients() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) => api<Invitations>("/invitations", { method: "POST", body: input }),
    onSuccess: (batch) => {
      queryClient.setQueryData(["invitation-batches", batch.batchId], batch);
      for (const key of INVALIDATED) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/**
 * An invitation batch as it stands, starting from what the invitation answered. While it can be undone it is asked
 * again now and then, since a print, a delivery or the client's notice elsewhere ends that.
 */
export function useInvitationBatch(initial: Invitations | undefined) {
  const batchId = initial?.batchId ?? "";
  return useQuery({
    queryKey: ["invitation-batches", batchId],
    queryFn: () => api<Invitations>(`/invitation-batches/${batchId}`),
    enabled: initial !== undefined && initial.withdrawnAt === null,
    ...(initial ? { initialData: initial } : {}),
    refetchInterval: (query) => (query.state.data?.abilities.undo ? 10_000 : false),
  });
}

/** Asks again, shortly after a print started, whether the batch can still be undone. */
export function useRecheckBatch() {
  const queryClient = useQueryClient();
  return (batchId: string) => {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["invitation-batches", batchId] }), 1000);
  };
}

/** Undoes a whole invitation batch while none of its letters has left the building. */
export function useUndoInvitations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => api<Invitations>(`/invitation-batches/${batchId}/undo`, { method: "POST" }),
    onSuccess: (batch) => {
      queryClient.setQueryData(["invitation-batches", batch.batchId], batch);
      for (const key of INVALIDATED) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
