import { randomUUID } from "node:crypto";
import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import { nowIso } from "@server/clock.js";
import { inTransaction } from "@server/db/transaction.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { municipalSupportInput, municipalSupportList, organisationOutcomes } from "@shared/schemas/host-partnership.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../audit/audit.service.js";
import { averageRating } from "../feedback/feedback.rules.js";
import { requireVisibleOrganisation } from "./organisations.repo.js";
import { guidanceSupplyOn, isSupportInForce, organisationLeavingSignal } from "./organisations.rules.js";
import { insertSupport, listSupportOf, outcomesPerOrganisation } from "./organisations.support.repo.js";

/**
 * The municipality records the guidance it buys for an (often small) organisation; a host reads its own. Team leads
 * read, per organisation, the clients' ratings next to the endings by attribution.
 */
export const organisationSupportPolicy = {
  read: roles("organisationSupport.read", "admin", "consultant", "teamLead", "host"),
  record: roles("organisationSupport.record", "admin", "teamLead"),
  outcomes: roles("organisationOutcomes.read", "admin", "teamLead"),
};

/** The municipality's support to organisations, and how organisations fare with the clients they take. */
export function organisationSupportRoutes({ db }: Services): FastifyPluginAsyncZod {
  const list = async (ctx: RequestContext, id: string) => {
    const organisation = await requireVisibleOrganisation(db.kysely, ctx.actor, id);
    const rows = await listSupportOf(db.kysely, organisation.id);
    const today = ctx.clock.today();
    const declared = organisation.guidance_hours_per_week;
    return {
      organisationId: organisation.id,
      declaredHoursPerWeek: declared,
      supportHoursPerWeek: Math.round((guidanceSupplyOn(declared, rows, today) - declared) * 100) / 100,
      items: rows.map((row) => ({
        id: row.id,
        hoursPerWeek: row.hours_per_week,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        description: row.description,
        current: isSupportInForce(row, today),
        createdAt: row.created_at,
      })),
      abilities: { record: organisationSupportPolicy.record.allows(ctx.actor) },
    };
  };

  return async (app) => {
    app.get(
      "/organisations/:id/municipal-support",
      {
        config: { policy: organisationSupportPolicy.read },
        schema: {
          tags: ["organisations"],
          summary: "Guidance the municipality bought for the organisation",
          description: "Each period with its hours a week; those in force today count in the organisation's guidance supply.",
          params: idParam,
          response: { 200: municipalSupportList },
        },
      },
      async (request) => list(contextOf(request), request.params.id),
    );

    app.post(
      "/organisations/:id/municipal-support",
      {
        config: { policy: organisationSupportPolicy.record },
        schema: {
          tags: ["organisations"],
          summary: "Record guidance the municipality buys for the organisation",
          description:
            "Hours of guidance a week for a period, e.g. a volunteer coach bought for a small organisation. 400 when it ends before it starts.",
          params: idParam,
          body: municipalSupportInput,
          response: { 201: municipalSupportList },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const organisation = await requireVisibleOrganisation(db.kysely, ctx.actor, request.params.id);
        await inTransaction(db.kysely, async (trx) => {
          const id = randomUUID();
          await insertSupport(trx, {
            id,
            organisation_id: organisation.id,
            hours_per_week: request.body.hoursPerWeek,
            starts_on: request.body.startsOn,
            ends_on: request.body.endsOn,
            description: request.body.description,
            recorded_by: ctx.actor.id,
            created_at: nowIso(ctx.clock),
          });
          await recordAudit(trx, ctx, {
            action: "organisation.support",
            category: "write",
            subjectType: "organisation",
            subjectId: organisation.id,
            details: { supportId: id, hoursPerWeek: request.body.hoursPerWeek },
          });
        });
        return reply.status(201).send(await list(ctx, organisation.id));
      },
    );

    app.get(
      "/organisation-outcomes",
      {
        config: { policy: organisationSupportPolicy.outcomes },
        schema: {
          tags: ["organisations"],
          summary: "Per organisation: clients' ratings next to endings by attribution",
          description:
            "Over the placements of the caller's districts: started placements, endings by to whom they are attributable, " +
            "and the clients' ratings (count, average, low ratings). leavingSignal marks an organisation where volunteers " +
            "keep leaving by its doing, for the team lead to look into.",
          response: { 200: organisationOutcomes },
        },
      },
      async (request) => {
        const { actor } = contextOf(request);
        const rows = await outcomesPerOrganisation(db.kysely, actor);
        return {
          items: rows.map((row) => {
            const started = Number(row.started ?? 0);
            const byOrganisation = Number(row.by_organisation ?? 0);
            const feedbackCount = Number(row.feedback_count ?? 0);
            return {
              organisationId: row.organisation_id,
              organisationName: row.organisation_name,
              placementsStarted: started,
              endings: {
                client: Number(row.by_client ?? 0),
                organisation: byOrganisation,
                health: Number(row.by_health ?? 0),
                caregiving: Number(row.by_caregiving ?? 0),
                none: Number(row.by_none ?? 0),
                undetermined: Number(row.undetermined ?? 0),
              },
              feedbackCount,
              averageRating: feedbackCount
                ? averageRating([{ rating: Number(row.rating_sum ?? 0) / feedbackCount, count: feedbackCount }])
                : null,
              lowRatings: Number(row.low_ratings ?? 0),
              leavingSignal: organisationLeavingSignal(started, byOrganisation),
            };
          }),
        };
      },
    );
  };
}
