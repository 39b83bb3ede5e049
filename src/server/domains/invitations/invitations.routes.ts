import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { invitationBatchOutput, invitationBulkInput } from "@shared/schemas/appointments.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { presentAppointment } from "../appointments/appointments.presenter.js";
import { mayWithdrawAll } from "../letters/letters.service.js";
import { printBatchLetters, registeredMailList } from "./invitation-batches.service.js";
import { invitationPolicy } from "./invitations.policy.js";
import { inviteClients } from "./invitations.service.js";
import { type InvitationSelection, readInvitations, undoInvitations } from "./invitations.undo.js";

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
            "Each client gets the next free slot in the consultant's agenda and a registered letter. All or nothing: 409 noAvailability, noFreeSlots or alreadyInvited. The letters are held back from the client for a few minutes (NV_UNDO_HOLD_MINUTES) and can be undone until printed (`abilities.undo`).",
          body: invitationBulkInput,
          response: { 201: invitationBatchOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const { batchId, results } = await inviteClients(db.kysely, ctx, request.body);
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
          withdrawnAt: null,
          abilities: {
            undo: await mayWithdrawAll(
              db.kysely,
              ctx,
              results.map((r) => r.invitation.letter_id),
            ),
          },
        });
      },
    );

    app.get(
      "/invitation-batches/:id",
      {
        config: { policy: invitationPolicy.read },
        schema: {
          tags: ["invitations"],
          summary: "An invitation batch as it stands",
          description:
            "Its invitations and whether you can still undo them (`abilities.undo`): only while none of its letters was printed, delivered, announced to the client or opened. 404 when it holds a client outside your scope or was undone.",
          params: idParam,
          response: { 200: invitationBatchOutput },
        },
      },
      async (request) => readInvitations(db.kysely, contextOf(request), { batchId: request.params.id }),
    );

    /** An undo route: the invitations `select` picks by the path's id, withdrawn all or nothing. */
    const undoRoute = (path: string, summary: string, description: string, select: (id: string) => InvitationSelection) =>
      app.post(
        path,
        {
          config: { policy: invitationPolicy.undo },
          schema: { tags: ["invitations"], summary, description, params: idParam, response: { 200: invitationBatchOutput } },
        },
        async (request) => undoInvitations(db.kysely, contextOf(request), select(request.params.id)),
      );

    undoRoute(
      "/invitation-batches/:id/undo",
      "Undo an invitation batch",
      "Withdraws every letter of the batch (kept for the record, never sent), removes the intakes, and the clients are not invited any more. All or nothing, by whoever made it or a team lead: 409 letterLeftBuilding once a letter was printed, delivered, announced or opened; 409 letterWithdrawn when undone already; 403 notLetterAuthor.",
      (batchId) => ({ batchId }),
    );
    undoRoute(
      "/invitations/:id/undo",
      "Undo one invitation",
      "As undoing a batch, for one client's invitation: its letter is withdrawn, its intake removed, the client is not invited. The rest of its batch stands.",
      (id) => ({ ids: [id] }),
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
