import type { Services } from "@server/app.js";
import { nowIso } from "@server/clock.js";
import { inTransaction } from "@server/db/transaction.js";
import { contextOf } from "@server/http/context.js";
import { districtForPostcode } from "@shared/districts.js";
import { idParam } from "@shared/schemas/common.js";
import {
  organisationCreateInput,
  organisationListQuery,
  organisationOutput,
  organisationPage,
  organisationPartnerProfileInput,
} from "@shared/schemas/organisations.js";
import { guidanceOverview } from "@shared/schemas/placements.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../audit/audit.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { guidanceDemand, guidanceHoursOf } from "../placements/placements.repo.js";
import { organisationPolicy } from "./organisations.policy.js";
import { presentOrganisation } from "./organisations.presenter.js";
import { insertOrganisation, listOrganisations, requireVisibleOrganisation, updatePartnerProfile } from "./organisations.repo.js";
import { assertOwnOrganisation } from "./organisations.rules.js";

/** Host organisations (registration and lookup; roles and placements build on these). */
export function organisationRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/organisations",
      {
        config: { policy: organisationPolicy.list },
        schema: {
          tags: ["organisations"],
          summary: "List host organisations",
          querystring: organisationListQuery,
          response: { 200: organisationPage },
        },
      },
      async (request) => {
        const { actor } = contextOf(request);
        const { rows, total } = await listOrganisations(db.kysely, request.query);
        return {
          items: rows.map((row) => presentOrganisation(actor, row)),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    app.get(
      "/organisations/:id",
      {
        config: { policy: organisationPolicy.read },
        schema: { tags: ["organisations"], summary: "Read a host organisation", params: idParam, response: { 200: organisationOutput } },
      },
      async (request) => {
        const { actor } = contextOf(request);
        return presentOrganisation(actor, await requireVisibleOrganisation(db.kysely, actor, request.params.id));
      },
    );

    app.patch(
      "/organisations/:id/partner-profile",
      {
        config: { policy: organisationPolicy.editPartnerProfile },
        schema: {
          tags: ["organisations"],
          summary: "The host organisation edits the training and support it offers volunteers",
          description:
            "Only a member of the organisation itself (404 for another). Plain text of at most 1000 characters: markup or control " +
            "characters are refused (400 notPlainText). The municipality's staff read it on the organisation's page. Audited.",
          params: idParam,
          body: organisationPartnerProfileInput,
          response: { 200: organisationOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const organisation = await requireVisibleOrganisation(db.kysely, ctx.actor, request.params.id);
        assertOwnOrganisation(ctx.actor, organisation);
        const text = request.body.trainingOffered || null;
        const now = nowIso(ctx.clock);
        await inTransaction(db.kysely, async (trx) => {
          await updatePartnerProfile(trx, organisation.id, { training_offered: text, updated_at: now });
          await recordAudit(trx, ctx, {
            action: "organisation.updatePartnerFields",
            category: "write",
            subjectType: "organisation",
            subjectId: organisation.id,
            details: { fields: ["trainingOffered"], length: text?.length ?? 0 },
          });
        });
        return presentOrganisation(ctx.actor, { ...organisation, training_offered: text, updated_at: now });
      },
    );

    app.get(
      "/organisations/:id/guidance",
      {
        config: { policy: organisationPolicy.read },
        schema: {
          tags: ["organisations"],
          summary: "Guidance demand against supply",
          description:
            "Guidance hours a week the organisation offers (with the hours the municipality bought for it, in force today), those its accepted and active placements ask, and those open referrals would ask.",
          params: idParam,
          response: { 200: guidanceOverview },
        },
      },
      async (request) => {
        const { actor, clock } = contextOf(request);
        const organisation = await requireVisibleOrganisation(db.kysely, actor, request.params.id);
        const demand = await guidanceDemand(
          db.kysely,
          organisation.id,
          (await ordinanceOn(db.kysely, clock.today())).guidanceHoursPerLevel,
          undefined,
          actor.role === "host" ? actor.scopeTime : undefined,
        );
        return {
          organisationId: organisation.id,
          supplyHoursPerWeek: await guidanceHoursOf(db.kysely, organisation.id, clock.today()),
          demandHoursPerWeek: demand.committed,
          proposedHoursPerWeek: demand.proposed,
        };
      },
    );

    app.post(
      "/organisations",
      {
        config: { policy: organisationPolicy.create },
        schema: {
          tags: ["organisations"],
          summary: "Register a host organisation",
          body: organisationCreateInput,
          response: { 201: organisationOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const input = request.body;
        const row = await inTransaction(db.kysely, async (trx) => {
          const stored = await insertOrganisation(
            trx,
            {
              name: input.name,
              kvk_number: input.kvkNumber,
              postcode: input.postcode,
              house_number: input.houseNumber,
              district: districtForPostcode(input.postcode),
              guidance_hours_per_week: input.guidanceHoursPerWeek,
              sector: input.sector,
              contacts: JSON.stringify(input.contacts),
              training_offered: input.trainingOffered ?? null,
              accepts_limited_dutch: input.acceptsLimitedDutch ? 1 : 0,
            },
            nowIso(ctx.clock),
          );
          await recordAudit(trx, ctx, {
            action: "organisation.create",
            category: "write",
            subjectType: "organisation",
            subjectId: stored.id,
          });
          return stored;
        });
        return reply.status(201).send(presentOrganisation(ctx.actor, row));
      },
    );
  };
}
