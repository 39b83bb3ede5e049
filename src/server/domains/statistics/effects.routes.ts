import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { statisticsEffects as statisticsEffectsOutput, statisticsEffectsQuery } from "@shared/schemas/statistics.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EFFECT_DESIGN } from "./effects.estimate.js";
import { effectsPolicy } from "./effects.policy.js";
import { statisticsEffects } from "./effects.service.js";

/** The effect estimates: what starting a placement or another activity did to the ladder rung and WHO-5. */
export function effectsRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/statistics/effects",
      {
        config: { policy: effectsPolicy.read },
        schema: {
          tags: ["statistics"],
          summary: "Effect estimates with confidence intervals and counts",
          description:
            "The effect of starting a placement (and of each other kind of activity) on the participation-ladder rung and the " +
            `WHO-5 raw score ${EFFECT_DESIGN.horizonMonths} months later: a staggered difference-in-differences over start-month ` +
            "cohorts with not-yet-treated clients as the comparison, averaged over cohorts weighted by size, with a percentile " +
            `bootstrap interval over resampled clients (same seed, same figures). Null with fewer than ${EFFECT_DESIGN.minClients} ` +
            "treated or comparison clients. Observational, not a trial. Consultants and team leads get their districts' clients.",
          querystring: statisticsEffectsQuery,
          response: { 200: statisticsEffectsOutput },
        },
      },
      async (request) => statisticsEffects(db.kysely, contextOf(request).actor, request.query),
    );
  };
}
