import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  matchPlanInput,
  matchPlanList,
  matchPlanOutput,
  proposalAcceptInput,
  proposalOutput,
  proposalPage,
  proposalQuery,
  proposalRejectInput,
  suggestionsOutput,
  suggestionsQuery,
} from "@shared/schemas/matching.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listPlans, readPlan, startPlan } from "./match-plans.service.js";
import { acceptProposal, listProposals, readProposal, rejectProposal } from "./match-proposals.service.js";
import { matchingPolicy } from "./matching.policy.js";
import { suggestionsFor } from "./suggestions.service.js";

/** Suggestions per client, city-wide placement plans and the review of their proposals. */
export function matchingRoutes({ db }: Services): FastifyPluginAsyncZod {
  const kysely = db.kysely;
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
        schema: {
          tags: ["matching"],
          summary: "The last 20 placement plans",
          description: "`abilities.start` says whether the caller may start a plan now.",
          response: { 200: matchPlanList },
        },
      },
      async (request) => listPlans(kysely, contextOf(request)),
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
          .send(await readPlan(kysely, ctx, id));
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
      async (request) => readPlan(kysely, contextOf(request), request.params.id),
    );

    app.get(
      "/match-plans/:id/proposals",
      {
        config: { policy: matchingPolicy.review },
        schema: {
          tags: ["matching"],
          summary: "The plan's proposals for clients in your scope",
          description:
            "Grouped by the clients' consultant (by name), then district and family name; filter by `status`, `district` and `consultantId`. `groups` counts each consultant's proposals by status.",
          params: idParam,
          querystring: proposalQuery,
          response: { 200: proposalPage },
        },
      },
      async (request) => listProposals(kysely, contextOf(request), request.params.id, request.query),
    );

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
        return readProposal(kysely, ctx, request.params.id);
      },
    );

    app.post(
      "/match-proposals/:id/reject",
      {
        config: { policy: matchingPolicy.decide },
        schema: {
          tags: ["matching"],
          summary: "Do not follow a proposal, with the reason",
          description:
            "`reasonCode` from the list (the consultant's judgement, never the client's refusal); `reason` in words, required for `other` (400 naming the field).",
          params: idParam,
          body: proposalRejectInput,
          response: { 200: proposalOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await rejectProposal(kysely, ctx, request.params.id, request.body);
        return readProposal(kysely, ctx, request.params.id);
      },
    );
  };
}
