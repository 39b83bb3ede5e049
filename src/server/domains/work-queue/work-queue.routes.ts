import type { Services } from "@server/app.js";
import { pageKey } from "@server/casework-cache.js";
import { contextOf } from "@server/http/context.js";
import { clientOutput } from "@shared/schemas/clients.js";
import { idParam } from "@shared/schemas/common.js";
import {
  assignmentInput,
  teamOverview,
  workQueueDispositionInput,
  workQueueDispositionOutput,
  workQueuePage,
  workQueueQuery,
} from "@shared/schemas/work-queue.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { presentClient } from "../clients/clients.presenter.js";
import { registryFactsOf } from "../clients/clients.service.js";
import { teamOverview as computeTeamOverview, queueClients, reassignClient } from "./team.service.js";
import { setAsideQueueItem } from "./work-queue.dispositions.js";
import { workQueuePolicy } from "./work-queue.policy.js";
import { presentDisposition, presentQueueItem } from "./work-queue.presenter.js";
import { computeWorkQueue, filterQueue } from "./work-queue.service.js";

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
          description:
            "Most severe first (a due-process deadline, the client's wellbeing, an ending to be heard, an exemption request, a proposal, " +
            "letters and appointments, the rest); within a severity the newest signal first, deadlines by the day they fall due. " +
            "Reasons marked done or snoozed are left out until a new signal of their kind or the snooze's date. " +
            "Never a sanction: the consultant judges.",
          querystring: workQueueQuery,
          response: { 200: workQueuePage },
        },
      },
      async (request) => {
        const { page, pageSize, consultantId, ...filters } = request.query;
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
            const items = filterQueue(await queue(), filters);
            const shown = items.slice((page - 1) * pageSize, page * pageSize).map((item) => presentQueueItem(ctx.actor, item));
            return Object.freeze({ items: shown, page, pageSize, total: items.length });
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

    app.post(
      "/clients/:id/work-queue-dispositions",
      {
        config: { policy: workQueuePolicy.setAside },
        schema: {
          tags: ["work-queue"],
          summary: "Mark a work-queue item done or snooze it",
          description:
            "One reason on the client's work queue: done (it leaves until a new signal of its kind) or snoozed until a date with a note " +
            "(it comes back on that date). 409 `notOnWorkQueue` when the reason is not on the queue today, " +
            "`workQueueItemHandled` when someone else already marked it.",
          params: idParam,
          body: workQueueDispositionInput,
          response: { 201: workQueueDispositionOutput },
        },
      },
      async (request, reply) => {
        const row = await setAsideQueueItem(db.kysely, contextOf(request), request.params.id, request.body);
        return reply.status(201).send(presentDisposition(row));
      },
    );
  };
}
