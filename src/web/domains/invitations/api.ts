import type { invitationBulkInput, invitationBulkOutput } from "@shared/schemas/appointments.js";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type InvitationInput = z.infer<typeof invitationBulkInput>;
export type Invitations = z.infer<typeof invitationBulkOutput>;

/** Invites clients to an intake: each gets the next free slot and a registered letter. All or nothing. */
export function useInviteClients() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) => api<Invitations>("/invitations", { method: "POST", body: input }),
    onSuccess: () => {
      for (const key of [["clients", "list"], ["appointments"], ["letters"], ["work-queue"], ["team"]]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}
