import type { Services } from "@server/app.js";
import { pageKey } from "@server/casework-cache.js";
import { contextOf } from "@server/http/context.js";
import { clientOutput } from "@shared/schemas/clients.js";
import { idParam } from "@shared/schemas/common.js";
import { assignmentInput, teamOverview, workQueuePage, workQueueQuery } from "@shared/schemas/work-queue.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { presentClient } from "../clients/clients.presenter.js";
import { registryFactsOf } from "../clients/clients.service.js";
import { teamOverview as computeTeamOverview, queueClients, reassignClient } from "./team.service.js";
import { workQueuePolicy } from "./work-queue.policy.js";
import { computeWorkQueue } from "./work-queue.service.js";

/** The work queue, the team overview and reassignment. */
export function workQueueRoutes({ db, clock, casework }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/work-queue",
      {
        config: { policy: workQueuePolicy.read },
        schema: {
          tags: ["work-queue"],
          summary: "Clients needing attention today",
          description: "Ordered by urgency, each with its reasons. Never a sanction: the consultant judges.",
          querystring: workQueueQuery,
          response: { 200: workQueuePage },
        },
      },
      async (request) => {
        const { page, pageSize, consultantId, reason } = request.query;
        const ctx = contextOf(request);
        const today = clock.today();
        const queue = () =>
          casework.get(
            pageKey("workQueue", ctx.actor, today, consultantId ?? null),
            async () => computeWorkQueue(db.kysely, await queueClients(db.kysely, ctx, consultantId), today),
            (items) => items.length,
          );
        // Each page is kept as well, frozen, so that its JSON is written once (http/serializer.ts).
        return casework.get(
          pageKey("workQueuePage", ctx.actor, today, request.query),
          async () => {
            const all = await queue();
            const items = reason ? all.filter((item) => item.reasons.some((r) => r.code === reason)) : all;
            return Object.freeze({ items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
          },
          (kept) => kept.items.length,
        );
      },
    );

    app.get(
      "/team",
      {
        config: { policy: workQueuePolicy.team },
        schema: { tags: ["work-queue"], summary: "Caseload and queue per consultant", response: { 200: teamOverview } },
      },
      async (request) => ({ items: await computeTeamOverview(db.kysely, contextOf(request)) }),
    );

    app.put(
      "/clients/:id/consultant",
      {
        config: { policy: workQueuePolicy.reassign },
        schema: {
          tags: ["work-queue"],
          summary: "Reassign a client",
          params: idParam,
          body: assignmentInput,
          response: { 200: clientOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await reassignClient(db.kysely, ctx, request.params.id, request.body.consultantId);
        return presentClient(ctx.actor, row, ctx.clock.today(), await registryFactsOf(db.kysely, ctx, row));
      },
    );
  };
}
