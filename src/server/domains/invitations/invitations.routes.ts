import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { invitationBulkInput, invitationBulkOutput } from "@shared/schemas/appointments.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { presentAppointment } from "../appointments/appointments.presenter.js";
import { invitationPolicy } from "./invitations.policy.js";
import { inviteClients } from "./invitations.service.js";

/** `POST /invitations`: bulk invitation with appointments and registered letters. */
export function invitationRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/invitations",
      {
        config: { policy: invitationPolicy.create },
        schema: {
          tags: ["invitations"],
          summary: "Invite clients to an intake",
          description:
            "Each client gets the next free slot in the consultant's agenda and a registered letter. All or nothing: 409 noAvailability, noFreeSlots or alreadyInvited.",
          body: invitationBulkInput,
          response: { 201: invitationBulkOutput },
        },
      },
      async (request, reply) => {
        const results = await inviteClients(db.kysely, contextOf(request), request.body);
        return reply.status(201).send({
          items: results.map(({ invitation, appointment }) => ({
            id: invitation.id,
            clientId: invitation.client_id,
            sequence: invitation.sequence,
            appointment: presentAppointment(appointment),
            letterId: invitation.letter_id,
            createdAt: invitation.created_at,
          })),
        });
      },
    );
  };
}
