import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { contextOf } from "@server/http/context.js";
import { caregivingEndInput, caregivingInput, caregivingList, caregivingOutput } from "@shared/schemas/caregiving.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { caregivingPolicy } from "./caregiving.policy.js";
import { presentCaregiving } from "./caregiving.presenter.js";
import { caregivingListAbilities } from "./caregiving.rules.js";
import { type CaregivingView, endCaregiving, listCaregiving, readCaregiving, recordCaregiving } from "./caregiving.service.js";
import { mayUndoCaregiving, undoCaregiving } from "./caregiving.undo.js";

/** Caregiving (mantelzorg): beyond customary care it is the client's contribution. */
export function caregivingRoutes({ db }: Services): FastifyPluginAsyncZod {
  const present = async (ctx: RequestContext, view: CaregivingView) =>
    presentCaregiving(ctx.actor, view, await mayUndoCaregiving(db.kysely, ctx, view.row));
  const presentOne = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const ctx = contextOf(request);
    return present(ctx, await readCaregiving(db.kysely, ctx, id));
  };
  return async (app) => {
    app.get(
      "/clients/:id/caregiving",
      {
        config: { policy: caregivingPolicy.read },
        schema: {
          tags: ["caregiving"],
          summary: "A client's caregiving",
          description: "A sensitive read: audited.",
          params: idParam,
          response: { 200: caregivingList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const views = await listCaregiving(db.kysely, ctx, request.params.id);
        const items = [];
        for (const view of views) items.push(await present(ctx, view));
        return { items, abilities: caregivingListAbilities(ctx.actor) };
      },
    );

    app.post(
      "/clients/:id/caregiving",
      {
        config: { policy: caregivingPolicy.write },
        schema: {
          tags: ["caregiving"],
          summary: "Record caregiving",
          description:
            "With the relation, not the identity, of the person cared for. Beyond customary care it counts as the client's contribution and its hours count towards capacity. " +
            "Judged customary care, it is a decision with a letter, held back from the client for a few minutes; recording it can be undone until the letter is printed (`abilities.undo`).",
          params: idParam,
          body: caregivingInput,
          response: { 201: caregivingOutput },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await presentOne(request, await recordCaregiving(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.post(
      "/caregiving/:id/end",
      {
        config: { policy: caregivingPolicy.write },
        schema: {
          tags: ["caregiving"],
          summary: "End caregiving",
          params: idParam,
          body: caregivingEndInput,
          response: { 200: caregivingOutput },
        },
      },
      async (request) => {
        await endCaregiving(db.kysely, contextOf(request), request.params.id, request.body.endedOn);
        return presentOne(request, request.params.id);
      },
    );

    app.post(
      "/caregiving/:id/undo",
      {
        config: { policy: caregivingPolicy.write },
        schema: {
          tags: ["caregiving"],
          summary: "Undo recording caregiving judged customary care",
          description:
            "While the letter of the customary-care decision has not left the building (not printed, delivered, announced to the client " +
            "or opened; `abilities.undo`), whoever recorded it or a team lead takes it back: the letter is kept, withdrawn; the decision " +
            "is kept, marked withdrawn; the record is removed. 409 letterLeftBuilding, letterWithdrawn, caregivingWithoutLetter (care " +
            "beyond customary care has no letter of its own: end it instead) or activityMovedOn; 403 notLetterAuthor.",
          params: idParam,
          response: { 204: z.null().describe("undone: the record is gone, its letter and decision withdrawn") },
        },
      },
      async (request, reply) => {
        await undoCaregiving(db.kysely, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
