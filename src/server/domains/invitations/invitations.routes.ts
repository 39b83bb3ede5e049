import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { invitationBulkInput, invitationBulkOutput } from "@shared/schemas/appointments.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { presentAppointment } from "../appointments/appointments.presenter.js";
import { printBatchLetters, registeredMailList } from "./invitation-batches.service.js";
import { invitationPolicy } from "./invitations.policy.js";
import { inviteClients } from "./invitations.service.js";

/** `POST /invitations`: bulk invitation with appointments and registered letters; the letters of a batch for printing. */
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
        const { batchId, results } = await inviteClients(db.kysely, contextOf(request), request.body);
        return reply.status(201).send({
          batchId,
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

    app.get(
      "/invitation-batches/:id/letters",
      {
        config: { policy: invitationPolicy.printBatch },
        schema: {
          tags: ["invitations"],
          summary: "Print the letters of an invitation batch",
          description:
            "All letters of one invitation request in one PDF, as stored, in the order of the registered mail list (postcode, house number). 404 when the batch holds a letter to a client outside your scope. Each letter's printing is audited.",
          params: idParam,
          produces: ["application/pdf"],
          response: { 200: z.any().describe("the PDF") },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const pdf = await printBatchLetters(db.kysely, ctx, request.params.id);
        return reply
          .type("application/pdf")
          .header("Content-Disposition", `attachment; filename="uitnodigingen-${ctx.clock.today()}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      "/invitation-batches/:id/registered-mail-list",
      {
        config: { policy: invitationPolicy.printBatch },
        schema: {
          tags: ["invitations"],
          summary: "The registered mail list of an invitation batch",
          description:
            "The aangetekend-lijst for the post office as CSV (semicolon-separated, UTF-8 with BOM): per letter, in print order, its number, the reference printed on it, name, address, letter date and barcode when recorded.",
          params: idParam,
          produces: ["text/csv"],
          response: { 200: z.string().describe("the CSV file") },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const csv = await registeredMailList(db.kysely, ctx, request.params.id);
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", `attachment; filename="aangetekend-lijst-${ctx.clock.today()}.csv"`)
          .send(csv);
      },
    );
  };
}
