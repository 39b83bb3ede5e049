import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { clientOverview, planSummary } from "@shared/schemas/overview.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { overviewPolicy } from "./overview.policy.js";
import { presentOverview, presentPlanSummary } from "./overview.presenter.js";
import { loadOverview, loadPlanSummary } from "./overview.service.js";

/** The client's own start page ("Wat moet ik doen?") and their plan and placement page. */
export function overviewRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients/:id/overview",
      {
        config: { policy: overviewPolicy.read },
        schema: {
          tags: ["overview"],
          summary: "The client's start page",
          description:
            "For the client themselves (another id: 404): the next appointment (with whether they may ask for another time), the plan steps and placements that ask something now, what waits for their answer with the date to answer by, and their consultant's contact details.",
          params: idParam,
          response: { 200: clientOverview },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentOverview(ctx.actor, await loadOverview(db.kysely, ctx, request.params.id), ctx.clock.now());
      },
    );

    app.get(
      "/clients/:id/plan-summary",
      {
        config: { policy: overviewPolicy.plan },
        schema: {
          tags: ["overview"],
          summary: "The client's plan and placement",
          description:
            "For the client themselves (another id: 404): the confirmed plan with its letter, the current placements with every agreement version and its letter, and the intake's outcome (ladder rung, hours a week judged possible). Never the intake's scores or notes on health, debts or addiction: those come with the data export.",
          params: idParam,
          response: { 200: planSummary },
        },
      },
      async (request) => presentPlanSummary(await loadPlanSummary(db.kysely, contextOf(request), request.params.id)),
    );
  };
}
