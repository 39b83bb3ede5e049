import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import {
  agencyCreateInput,
  agencyListQuery,
  agencyOutput,
  agencyPage,
  agencyResultsOutput,
  agencyUpdateInput,
  assignmentCreateInput,
  assignmentEndInput,
  assignmentListQuery,
  assignmentOutput,
  assignmentPage,
} from "@shared/schemas/agencies.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { agencyPolicy } from "./agencies.policy.js";
import { presentAgency, presentAssignment } from "./agencies.presenter.js";
import { listVisibleAgencies } from "./agencies.repo.js";
import {
  agencyResults,
  assignClient,
  createAgency,
  endAssignment,
  listAssignments,
  requireVisibleAgency,
  updateAgency,
} from "./agencies.service.js";

const tags = ["agencies"];

/** Intermediary agencies (bemiddelende instanties), the clients given to them, and what came of it. */
export function agencyRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/agencies",
      {
        config: { policy: agencyPolicy.list },
        schema: { tags, summary: "List intermediary agencies", querystring: agencyListQuery, response: { 200: agencyPage } },
      },
      async (request) => {
        const { actor } = contextOf(request);
        const { rows, total } = await listVisibleAgencies(db.kysely, actor, request.query);
        return { items: rows.map((row) => presentAgency(actor, row)), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );

    app.post(
      "/agencies",
      {
        config: { policy: agencyPolicy.create },
        schema: { tags, summary: "Register an intermediary agency", body: agencyCreateInput, response: { 201: agencyOutput } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        return reply.status(201).send(presentAgency(ctx.actor, await createAgency(db.kysely, ctx, request.body)));
      },
    );

    app.get(
      "/agencies/:id",
      {
        config: { policy: agencyPolicy.read },
        schema: { tags, summary: "Read an intermediary agency", params: idParam, response: { 200: agencyOutput } },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentAgency(ctx.actor, await requireVisibleAgency(db.kysely, ctx, request.params.id));
      },
    );

    app.patch(
      "/agencies/:id",
      {
        config: { policy: agencyPolicy.update },
        schema: {
          tags,
          summary: "Change an intermediary agency's registration",
          description: "Name, KvK number and district, each optional; `null` clears the KvK number or the district.",
          params: idParam,
          body: agencyUpdateInput,
          response: { 200: agencyOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentAgency(ctx.actor, await updateAgency(db.kysely, ctx, request.params.id, request.body));
      },
    );

    app.get(
      "/agencies/:id/assignments",
      {
        config: { policy: agencyPolicy.assignments },
        schema: {
          tags,
          summary: "An agency's assignments",
          description: "Of clients in the caller's scope; an agency worker sees those whose period holds today.",
          params: idParam,
          querystring: assignmentListQuery,
          response: { 200: assignmentPage },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { rows, total } = await listAssignments(db.kysely, ctx, request.params.id, request.query);
        const today = ctx.clock.today();
        return {
          items: rows.map((row) => presentAssignment(ctx.actor, row, today)),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    app.post(
      "/agencies/:id/assignments",
      {
        config: { policy: agencyPolicy.assign },
        schema: {
          tags,
          summary: "Assign a client to an agency",
          description:
            "For a period, with the contract's targets. 409 `assignmentOverlaps` when the client is with an agency for part of the period already.",
          params: idParam,
          body: assignmentCreateInput,
          response: { 201: assignmentOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const row = await assignClient(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(presentAssignment(ctx.actor, row, ctx.clock.today()));
      },
    );

    app.post(
      "/agency-assignments/:id/end",
      {
        config: { policy: agencyPolicy.endAssignment },
        schema: {
          tags,
          summary: "End an agency assignment early",
          description:
            "As of `endedOn` (today when left out) the agency's workers no longer see the client. 409 `assignmentEnded` when it was ended already, `assignmentOver` when its period has passed; 400 when `endedOn` lies before the start or after the planned end.",
          params: idParam,
          body: assignmentEndInput,
          response: { 200: assignmentOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await endAssignment(db.kysely, ctx, request.params.id, request.body);
        return presentAssignment(ctx.actor, row, ctx.clock.today());
      },
    );

    app.get(
      "/agency-results",
      {
        config: { policy: agencyPolicy.results },
        schema: {
          tags,
          summary: "Each agency's targets against results and client outcomes",
          description:
            "Over the assignments of clients in the caller's scope: intakes, placements and durations against the contracts, and placements that last three months, the WHO-5 change and endings through the host organisation.",
          response: { 200: agencyResultsOutput },
        },
      },
      async (request) => agencyResults(db.kysely, contextOf(request)),
    );
  };
}
