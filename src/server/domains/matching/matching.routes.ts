import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { MatchPlansTable } from "@server/db/schema.js";
import { contextOf } from "@server/http/context.js";
import { notFound } from "@server/http/errors.js";
import { idParam } from "@shared/schemas/common.js";
import {
  MATCH_PLAN_STATUSES,
  type MatchPlanOutput,
  matchPlanInput,
  matchPlanList,
  matchPlanOutput,
  matchReason,
  PROPOSAL_STATUSES,
  proposalAcceptInput,
  proposalOutput,
  proposalPage,
  proposalQuery,
  proposalRejectInput,
  suggestionsOutput,
  suggestionsQuery,
} from "@shared/schemas/matching.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.js";
import { visibleClients } from "../clients/clients.repo.js";
import { scoreOf } from "./matching.rules.js";
import { acceptProposal, rejectProposal, startPlan, suggestionsFor } from "./matching.service.js";

/** Consultants and team leads see suggestions and review proposals; team leads (their districts) and admins plan. */
const matchingPolicy = {
  suggest: roles("matching.suggest", "consultant", "teamLead"),
  plan: roles("matching.plan", "teamLead", "admin"),
  review: roles("matching.review", "consultant", "teamLead", "admin"),
  decide: roles("matching.decide", "consultant", "teamLead"),
};

/** Suggestions per client, city-wide placement plans and the review of their proposals. */
export function matchingRoutes({ db }: Services): FastifyPluginAsyncZod {
  const kysely = db.kysely;

  const proposals = (ctx: RequestContext) =>
    kysely
      .selectFrom("match_proposals")
      .innerJoin("clients", "clients.id", "match_proposals.client_id")
      .innerJoin("volunteer_roles", "volunteer_roles.id", "match_proposals.role_id")
      .innerJoin("organisations", "organisations.id", "volunteer_roles.organisation_id")
      .selectAll("match_proposals")
      .select([
        "clients.given_name",
        "clients.family_name",
        "clients.district",
        "volunteer_roles.title as role_title",
        "organisations.name as organisation_name",
      ])
      .where("match_proposals.client_id", "in", visibleClients(kysely, ctx.actor).select("clients.id"));

  type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposals>["executeTakeFirstOrThrow"]>>;
  const presentProposal = (row: ProposalRow) =>
    proposalOutput.parse({
      id: row.id,
      planId: row.plan_id,
      clientId: row.client_id,
      clientName: `${row.given_name} ${row.family_name}`,
      district: row.district,
      roleId: row.role_id,
      roleTitle: row.role_title,
      organisationName: row.organisation_name,
      hoursPerWeek: row.hours_per_week,
      score: scoreOf(row.cost),
      reasons: parseJsonColumn(z.array(matchReason), row.reasons),
      status: row.status,
      rejectReason: row.reject_reason,
      placementId: row.placement_id,
      decidedAt: row.decided_at,
    });

  const presentPlans = async (ctx: RequestContext, rows: MatchPlansTable[]): Promise<MatchPlanOutput[]> => {
    const ids = rows.map((r) => r.id);
    const counts = ids.length
      ? await kysely
          .selectFrom("match_proposals")
          .select(["plan_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
          .where("plan_id", "in", ids)
          .where("client_id", "in", visibleClients(kysely, ctx.actor).select("clients.id"))
          .groupBy(["plan_id", "status"])
          .execute()
      : [];
    const userIds = [...new Set(rows.map((r) => r.requested_by).filter((id): id is string => Boolean(id)))];
    const users = userIds.length
      ? await kysely.selectFrom("users").select(["id", "display_name"]).where("id", "in", userIds).execute()
      : [];
    return rows.map((row) => ({
      id: row.id,
      district: row.district,
      status: row.status as (typeof MATCH_PLAN_STATUSES)[number],
      progress: row.progress,
      requestedBy: users.find((u) => u.id === row.requested_by)?.display_name ?? null,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      error: row.error,
      summary: row.summary ? parseJsonColumn(matchPlanOutput.shape.summary, row.summary) : null,
      proposals: Object.fromEntries(
        PROPOSAL_STATUSES.map((s) => [s, Number(counts.find((c) => c.plan_id === row.id && c.status === s)?.n ?? 0)]),
      ) as MatchPlanOutput["proposals"],
    }));
  };
  const onePlan = async (ctx: RequestContext, id: string) => {
    const row = await kysely.selectFrom("match_plans").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("placement plan");
    return (await presentPlans(ctx, [row]))[0]!;
  };

  return async (app) => {
    app.get(
      "/clients/:id/suggestions",
      {
        config: { policy: matchingPolicy.suggest },
        schema: {
          tags: ["matching"],
          summary: "The best fitting open roles for a client",
          description:
            "Hard constraints filter: role approved and not suspended, a free place, minimum hours within the capacity left, guidance level and the organisation's guidance hours, distance within the travel radius, weekday parts, Dutch level, and no ending through the organisation or a poor fit there in the past year. Ranked by the same cost the city-wide plan minimises; every suggestion says why in reason codes.",
          params: idParam,
          querystring: suggestionsQuery,
          response: { 200: suggestionsOutput },
        },
      },
      async (request) => suggestionsFor(kysely, contextOf(request), request.params.id, request.query.limit),
    );

    app.get(
      "/match-plans",
      {
        config: { policy: matchingPolicy.review },
        schema: { tags: ["matching"], summary: "The last 20 placement plans", response: { 200: matchPlanList } },
      },
      async (request) => {
        const rows = await kysely.selectFrom("match_plans").selectAll().orderBy("created_at", "desc").limit(20).execute();
        return { items: await presentPlans(contextOf(request), rows) };
      },
    );

    app.post(
      "/match-plans",
      {
        config: { policy: matchingPolicy.plan },
        schema: {
          tags: ["matching"],
          summary: "Make a placement plan for a district or the whole city",
          description:
            "Runs in the background (202; follow `progress` on the plan). The plan places as many eligible clients as possible, then at the least total cost, within role places and organisation guidance hours, and reports per district what kept the others unplaced. 409 planRunning while another plan is being made; 403 districtOutOfScope for a team lead outside their districts or for the whole city.",
          body: matchPlanInput,
          response: { 202: matchPlanOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await startPlan(kysely, ctx, request.body.district ?? null);
        return reply
          .status(202)
          .header("location", `/api/v1/match-plans/${id}`)
          .send(await onePlan(ctx, id));
      },
    );

    app.get(
      "/match-plans/:id",
      {
        config: { policy: matchingPolicy.review },
        schema: {
          tags: ["matching"],
          summary: "A placement plan: progress, result and shortfall",
          params: idParam,
          response: { 200: matchPlanOutput },
        },
      },
      async (request) => onePlan(contextOf(request), request.params.id),
    );

    app.get(
      "/match-plans/:id/proposals",
      {
        config: { policy: matchingPolicy.review },
        schema: {
          tags: ["matching"],
          summary: "The plan's proposals for clients in your scope",
          params: idParam,
          querystring: proposalQuery,
          response: { 200: proposalPage },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await onePlan(ctx, request.params.id);
        const { page, pageSize, status, district } = request.query;
        let query = proposals(ctx).where("match_proposals.plan_id", "=", request.params.id);
        if (status) query = query.where("match_proposals.status", "=", status);
        if (district) query = query.where("clients.district", "=", district);
        const { total } = await kysely
          .selectFrom(query.as("p"))
          .select((eb) => eb.fn.countAll<number>().as("total"))
          .executeTakeFirstOrThrow();
        const rows = await query
          .orderBy("clients.district")
          .orderBy("clients.family_name")
          .orderBy("match_proposals.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
        await recordAudit(kysely, ctx, {
          action: "matchProposal.list",
          category: "read:list",
          subjectType: "matchPlan",
          subjectId: request.params.id,
        });
        return { items: rows.map(presentProposal), page, pageSize, total: Number(total) };
      },
    );

    const decided = async (ctx: RequestContext, id: string) =>
      presentProposal(await proposals(ctx).where("match_proposals.id", "=", id).executeTakeFirstOrThrow());

    app.post(
      "/match-proposals/:id/accept",
      {
        config: { policy: matchingPolicy.decide },
        schema: {
          tags: ["matching"],
          summary: "Follow a proposal: refer the client to the role",
          description:
            "Creates a placement proposal under every referral rule (409 roleFull, guidanceExceeded, capacityExceeded, …; the proposal then stays pending). 409 proposalDecided when it was decided already.",
          params: idParam,
          body: proposalAcceptInput,
          response: { 200: proposalOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await acceptProposal(kysely, ctx, request.params.id, request.body.guidanceOverrideReason);
        return decided(ctx, request.params.id);
      },
    );

    app.post(
      "/match-proposals/:id/reject",
      {
        config: { policy: matchingPolicy.decide },
        schema: {
          tags: ["matching"],
          summary: "Do not follow a proposal, with the reason",
          params: idParam,
          body: proposalRejectInput,
          response: { 200: proposalOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await rejectProposal(kysely, ctx, request.params.id, request.body.reason);
        return decided(ctx, request.params.id);
      },
    );
  };
}
