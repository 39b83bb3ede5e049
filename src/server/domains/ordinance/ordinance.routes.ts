import type { Services } from "@server/app.js";
import { nowIso } from "@server/clock.js";
import { inTransaction } from "@server/db/transaction.js";
import { contextOf } from "@server/http/context.js";
import { invalidField, requireFound } from "@server/http/errors.js";
import { ordinanceOnQuery, ordinanceOverview, ordinanceVersionInput, ordinanceVersionOutput } from "@shared/schemas/ordinance.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../audit/audit.service.js";
import { ordinancePolicy } from "./ordinance.policy.js";
import { insertOrdinanceVersion, listOrdinanceVersions, ordinanceOn, ordinanceVersion } from "./ordinance.repo.js";

/** The municipality's ordinance: versioned, effective-dated, never rewritten. */
export function ordinanceRoutes({ db, clock }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/ordinance",
      {
        config: { policy: ordinancePolicy.read },
        schema: {
          tags: ["ordinance"],
          summary: "The ordinance in force and its versions",
          querystring: ordinanceOnQuery,
          response: { 200: ordinanceOverview },
        },
      },
      async (request) => ({
        current: await ordinanceOn(db.kysely, request.query.date ?? clock.today()),
        versions: await listOrdinanceVersions(db.kysely),
      }),
    );

    app.post(
      "/ordinance/versions",
      {
        config: { policy: ordinancePolicy.create },
        schema: {
          tags: ["ordinance"],
          summary: "Add an ordinance version",
          description:
            "Takes effect on its date (today or later). Earlier versions stay as they were, and every decision keeps the version it applied.",
          body: ordinanceVersionInput,
          response: { 201: ordinanceVersionOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        if (request.body.effectiveFrom < ctx.clock.today())
          throw invalidField("effectiveFrom", "dateInPast", "A rule change takes effect today or later; it never rewrites the past");
        const version = await inTransaction(db.kysely, async (trx) => {
          // A retention period left out carries over from the version in force on the new one's date.
          const carried = (await ordinanceOn(trx, request.body.effectiveFrom)).retention;
          const retention = { ...carried, ...request.body.retention };
          const number = await insertOrdinanceVersion(trx, { ...request.body, retention }, ctx.actor.id, nowIso(ctx.clock));
          await recordAudit(trx, ctx, {
            action: "ordinance.create",
            category: "write",
            subjectType: "ordinance",
            subjectId: String(number),
            details: { effectiveFrom: request.body.effectiveFrom },
          });
          return number;
        });
        return reply.status(201).send(requireFound(await ordinanceVersion(db.kysely, version), "ordinance version"));
      },
    );
  };
}
