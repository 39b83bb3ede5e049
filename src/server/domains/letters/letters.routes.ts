import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { deliveryInput, letterList, letterOutput } from "@shared/schemas/letters.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { letterPolicy } from "./letters.policy.js";
import { presentLetter } from "./letters.presenter.js";
import { listLettersOfClient } from "./letters.repo.js";
import { readLetterPdf, recordLetterDelivery } from "./letters.service.js";

/** A client's letters, their PDFs and their registered-mail delivery. */
export function letterRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients/:id/letters",
      {
        config: { policy: letterPolicy.list },
        schema: { tags: ["letters"], summary: "A client's letters", params: idParam, response: { 200: letterList } },
      },
      async (request) => {
        const ctx = contextOf(request);
        await requireVisibleClient(db.kysely, ctx.actor, request.params.id);
        return { items: (await listLettersOfClient(db.kysely, request.params.id)).map(presentLetter) };
      },
    );

    app.get(
      "/letters/:id/pdf",
      {
        config: { policy: letterPolicy.download },
        schema: {
          tags: ["letters"],
          summary: "Download a letter",
          description: "The stored PDF, unchanged since it was made (its SHA-256 is in the letter's metadata).",
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
