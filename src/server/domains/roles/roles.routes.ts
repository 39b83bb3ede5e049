import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  complaintDecisionInput,
  complaintList,
  displacementComplaintInput,
  displacementComplaintOutput,
  displacementReviewInput,
  roleCreateInput,
  roleListQuery,
  roleOptionPage,
  roleOptionsQuery,
  roleOutput,
  rolePage,
} from "@shared/schemas/roles.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { countAttempt } from "../throttles/throttles.service.js";
import { listRoleOptions } from "./role-options.service.js";
import { roleListAbilities, rolePolicy } from "./roles.policy.js";
import { presentComplaint, presentRole } from "./roles.presenter.js";
import { listComplaints, listVisibleRoles } from "./roles.repo.js";
import { createRole, decideComplaint, fileComplaint, requireVisibleRole, reviewRole } from "./roles.service.js";
import { mayUndoComplaint, mayUndoReview, undoRoleRejection, undoUpheldComplaint } from "./roles.undo.js";

/** Volunteer roles, the displacement check, its review and complaints. */
export function roleRoutes({ db, clock, throttles }: Services): FastifyPluginAsyncZod {
  /** A role with what the caller may do with it, including undoing its rejection while the letters are inside. */
  const detail = async (ctx: RequestContext, id: string) => {
    const role = await requireVisibleRole(db.kysely, ctx.actor, id);
    return presentRole(ctx.actor, role, await mayUndoReview(db.kysely, ctx, role));
  };
  return async (app) => {
    app.get(
      "/roles",
      {
        config: { policy: rolePolicy.list },
        schema: { tags: ["roles"], summary: "List volunteer roles", querystring: roleListQuery, response: { 200: rolePage } },
      },
      async (request) => {
        const { actor } = contextOf(request);
        const { rows, total } = await listVisibleRoles(db.kysely, actor, request.query);
        const { page, pageSize } = request.query;
        return { items: rows.map((row) => presentRole(actor, row)), page, pageSize, total, abilities: roleListAbilities(actor) };
      },
    );

    app.get(
      "/clients/:id/role-options",
      {
        config: { policy: rolePolicy.options },
        schema: {
          tags: ["roles"],
          summary: "Roles to propose a client for",
          description:
            "The roles that take a placement now (approved, no open complaint, a free place), nearest to the client's home first (then by title), each with `distanceKm` between the postcode areas and `mayTakePlacements`. `q` holds words that each appear in the title or the organisation's name, in any order; `maxDistanceKm` leaves out what lies further. For the role picker of a referral; the ranked suggestions are `GET /clients/{id}/suggestions`.",
          params: idParam,
          querystring: roleOptionsQuery,
          response: { 200: roleOptionPage },
        },
      },
      async (request) => {
        const { actor } = contextOf(request);
        const { page, pageSize } = request.query;
        const { items, total } = await listRoleOptions(db.kysely, actor, request.params.id, request.query);
        return { items: items.map((item) => ({ ...presentRole(actor, item.row), distanceKm: item.distanceKm })), page, pageSize, total };
      },
    );

    app.post(
      "/roles",
      {
        config: { policy: rolePolicy.create },
        schema: {
          tags: ["roles"],
          summary: "Describe a volunteer role",
          description: "Runs the displacement check: status approved, needsReview or rejected, with the reason.",
          body: roleCreateInput,
          response: { 201: roleOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await createRole(db.kysely, ctx, request.body);
        return reply.status(201).send(presentRole(ctx.actor, await requireVisibleRole(db.kysely, ctx.actor, id)));
      },
    );

    app.get(
      "/roles/:id",
      {
        config: { policy: rolePolicy.list },
        schema: { tags: ["roles"], summary: "Read a role", params: idParam, response: { 200: roleOutput } },
      },
      async (request) => detail(contextOf(request), request.params.id),
    );

    app.post(
      "/roles/:id/displacement-reviews",
      {
        config: { policy: rolePolicy.review },
        schema: {
          tags: ["roles"],
          summary: "Decide a role that needs review, or reject an approved one",
          description:
            "A rejection ends the role's open placements and referrals at once (reason roleRejected, attributable to the organisation), with a letter to each client.",
          params: idParam,
          body: displacementReviewInput,
          response: { 201: roleOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await reviewRole(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(await detail(ctx, request.params.id));
      },
    );

    app.delete(
      "/roles/:id/displacement-reviews/latest",
      {
        config: { policy: rolePolicy.review },
        schema: {
          tags: ["roles"],
          summary: "Undo a review's rejection of a role",
          description:
            "While none of its letters has left the building (not printed, delivered, announced to the client or opened; " +
            "`abilities.undoReview`), whoever rejected the role or a team lead takes the rejection back, all or nothing: the " +
            "letters are kept, withdrawn; the placements it ended are back in the status they had; the role has its status " +
            "and reasons from before. 409 letterLeftBuilding, letterWithdrawn, nothingToUndo, roleMovedOn (reviewed or a " +
            "placement changed since), capacityExceeded, aboveNorm or guidanceExceeded; 403 notLetterAuthor.",
          params: idParam,
          response: { 200: roleOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await undoRoleRejection(db.kysely, ctx, request.params.id);
        return detail(ctx, request.params.id);
      },
    );

    app.post(
      "/roles/:id/displacement-complaints",
      {
        config: { policy: rolePolicy.complain },
        schema: {
          tags: ["roles"],
          summary: "File a displacement complaint",
          description:
            "Open to anyone (a client, a union, an employee). Suspends new placements on the role until a reviewer decides. 429 rateLimited after ten complaints from one client address in a minute; `Retry-After` gives the seconds to wait.",
          security: [],
          params: idParam,
          body: displacementComplaintInput,
          response: { 201: displacementComplaintOutput },
        },
      },
      async (request, reply) => {
        await countAttempt(db.kysely, clock, throttles.complaintPerAddress, request.ip);
        const complaint = await fileComplaint(db.kysely, clock, request.actor, request.id, request.params.id, request.body);
        return reply.status(201).send(presentComplaint(request.actor, complaint));
      },
    );

    app.get(
      "/roles/:id/displacement-complaints",
      {
        config: { policy: rolePolicy.review },
        schema: { tags: ["roles"], summary: "A role's displacement complaints", params: idParam, response: { 200: complaintList } },
      },
      async (request) => {
        const ctx = contextOf(request);
        await requireVisibleRole(db.kysely, ctx.actor, request.params.id);
        const rows = await listComplaints(db.kysely, request.params.id);
        return {
          items: await Promise.all(rows.map(async (row) => presentComplaint(ctx.actor, row, await mayUndoComplaint(db.kysely, ctx, row)))),
        };
      },
    );

    app.post(
      "/displacement-complaints/:id/decision",
      {
        config: { policy: rolePolicy.decideComplaint },
        schema: {
          tags: ["roles"],
          summary: "Decide a displacement complaint",
          description:
            "upheld rejects the role and ends its open placements and referrals at once, with a letter to each client; dismissed lifts the suspension.",
          params: idParam,
          body: complaintDecisionInput,
          response: { 201: displacementComplaintOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const complaint = await decideComplaint(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(presentComplaint(ctx.actor, complaint, await mayUndoComplaint(db.kysely, ctx, complaint)));
      },
    );

    app.delete(
      "/displacement-complaints/:id/decision",
      {
        config: { policy: rolePolicy.decideComplaint },
        schema: {
          tags: ["roles"],
          summary: "Undo an upheld displacement complaint",
          description:
            "While none of its letters has left the building (not printed, delivered, announced to the client or opened; " +
            "`abilities.undo`), whoever upheld the complaint or a team lead takes it back, all or nothing: the letters are " +
            "kept, withdrawn; the placements it ended are back in the status they had; the role has its status and reasons " +
            "from before; the complaint is open again (new placements on the role wait for its decision). 409 " +
            "letterLeftBuilding, letterWithdrawn, nothingToUndo (not upheld, decided on the role since, or no letters), " +
            "roleMovedOn (a placement changed since), capacityExceeded, aboveNorm or guidanceExceeded; 403 notLetterAuthor.",
          params: idParam,
          response: { 200: displacementComplaintOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentComplaint(ctx.actor, await undoUpheldComplaint(db.kysely, ctx, request.params.id));
      },
    );
  };
}
