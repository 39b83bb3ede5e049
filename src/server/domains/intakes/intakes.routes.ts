import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { intakeInput, intakeList, intakeOutput, ladderHistory } from "@shared/schemas/intakes.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { intakePolicy } from "./intakes.policy.js";
import { presentIntake } from "./intakes.presenter.js";
import { ladderHistoryOf, listIntakes, recordIntake } from "./intakes.service.js";

/** Intakes and the participation-ladder history. */
export function intakeRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/clients/:id/intakes",
      {
        config: { policy: intakePolicy.create },
        schema: {
          tags: ["intakes"],
          summary: "Record an intake",
          description: "The capacity assessment becomes the client's capacity; the ladder rung starts the ladder history.",
          params: idParam,
          body: intakeInput,
          response: { 201: intakeOutput },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentIntake(await recordIntake(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.get(
      "/clients/:id/intakes",
      {
        config: { policy: intakePolicy.list },
        schema: { tags: ["intakes"], summary: "A client's intakes", params: idParam, response: { 200: intakeList } },
      },
      async (request) => ({ items: (await listIntakes(db.kysely, contextOf(request), request.params.id)).map(presentIntake) }),
    );

    app.get(
      "/clients/:id/ladder-assessments",
      {
        config: { policy: intakePolicy.ladder },
        schema: { tags: ["intakes"], summary: "Participation ladder history", params: idParam, response: { 200: ladderHistory } },
      },
      async (request) => ({
        items: (await ladderHistoryOf(db.kysely, contextOf(request), request.params.id)).map((row) => ({
          id: row.id,
          rung: row.rung,
          growthRung: row.growth_rung,
          assessedOn: row.assessed_on,
          assessorId: row.assessor_id,
          assessorName: row.display_name,
          source: row.source,
        })),
      }),
    );
  };
}
