import type { Services } from "@server/app.js";
import { roles } from "@server/auth/policy.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { type OrganisationFeedbackOutput, organisationFeedbackOutput } from "@shared/schemas/feedback.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireVisibleOrganisation } from "../organisations/organisations.repo.js";
import { ratingCountsOf } from "./feedback.repo.js";
import { averageRating, HOST_FEEDBACK_MINIMUM, mayShowFeedbackFigures } from "./feedback.rules.js";

/** Staff read the figures of every organisation; a host only its own, and only as anonymous counts. */
export const feedbackPolicy = { read: roles("feedback.read", "admin", "consultant", "teamLead", "host") };

/** The figures of clients' ratings of an organisation: counts, never names or words. */
export function feedbackRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/organisations/:id/feedback",
      {
        config: { policy: feedbackPolicy.read },
        schema: {
          tags: ["organisations"],
          summary: "What clients think of the organisation, in figures",
          description:
            "The number of clients' ratings (1–5) of the organisation's placements and their average; staff also see how many " +
            `gave each rating. The host sees its own figures only from ${HOST_FEEDBACK_MINIMUM} ratings on, and never a name or a ` +
            "client's words (those are on the placement, for the municipality).",
          params: idParam,
          response: { 200: organisationFeedbackOutput },
        },
      },
      async (request): Promise<OrganisationFeedbackOutput> => {
        const { actor } = contextOf(request);
        const organisation = await requireVisibleOrganisation(db.kysely, actor, request.params.id);
        const ratings = await ratingCountsOf(db.kysely, organisation.id);
        const count = ratings.reduce((sum, r) => sum + r.count, 0);
        const base = { organisationId: organisation.id, hostMinimum: HOST_FEEDBACK_MINIMUM };
        if (!mayShowFeedbackFigures(actor.role, count)) return { ...base, shown: false, count: null, averageRating: null, ratings: null };
        return { ...base, shown: true, count, averageRating: averageRating(ratings), ratings: actor.role === "host" ? null : ratings };
      },
    );
  };
}
