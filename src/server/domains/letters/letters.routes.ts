import type { Services } from "@server/app.js";
import { nowIso } from "@server/clock.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { deliveryInput, letterList, letterOutput } from "@shared/schemas/letters.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { letterPolicy } from "./letters.policy.js";
import { presentLetter } from "./letters.presenter.js";
import { listLettersForClient, listLettersOfClient } from "./letters.repo.js";
import { readLetterPdf, recordLetterDelivery } from "./letters.service.js";

/** A client's letters, their PDFs and their registered-mail delivery. */
export function letterRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients/:id/letters",
      {
        config: { policy: letterPolicy.list },
        schema: {
          tags: ["letters"],
          summary: "A client's letters",
          description:
            "Staff see every letter, withdrawn ones included (`withdrawnAt`); the client sees neither withdrawn letters nor those made in the last minutes, which can still be undone.",
          params: idParam,
          response: { 200: letterList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await requireVisibleClient(db.kysely, ctx.actor, request.params.id);
        // The client sees neither withdrawn letters nor those still held back for undoing.
        const rows =
          ctx.actor.role === "client"
            ? await listLettersForClient(db.kysely, request.params.id, nowIso(ctx.clock))
            : await listLettersOfClient(db.kysely, request.params.id);
        return { items: rows.map(presentLetter) };
      },
    );

    app.get(
      "/letters/:id/pdf",
      {
        config: { policy: letterPolicy.download },
        schema: {
          tags: ["letters"],
          summary: "Download a letter",
          description:
            "The stored PDF, unchanged since it was made (its SHA-256 is in the letter's metadata). A download by staff counts as printing it (`printedAt`), and the client's as opening it: from then on the action that made it can no longer be undone.",
          params: idParam,
          produces: ["application/pdf"],
          response: { 200: z.any().describe("the PDF") },
        },
      },
      async (request, reply) => {
        const { letter, pdf } = await readLetterPdf(db.kysely, contextOf(request), request.params.id);
        const filename = `${letter.kind}-${letter.letter_date}.pdf`;
        return reply.type("application/pdf").header("Content-Disposition", `attachment; filename="${filename}"`).send(pdf);
      },
    );

    app.post(
      "/letters/:id/deliveries",
      {
        config: { policy: letterPolicy.recordDelivery },
        schema: {
          tags: ["letters"],
          summary: "Record a letter's delivery",
          description:
            "Tracking number, status of registered mail, and the day it happened at the post (`occurredOn`, default today; 400 naming it when it lies in the future or before the letter's date). A returned or uncollected letter never counts as a refusal.",
          params: idParam,
          body: deliveryInput,
          response: { 201: letterOutput },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentLetter(await recordLetterDelivery(db.kysely, contextOf(request), request.params.id, request.body))),
    );
  };
}
