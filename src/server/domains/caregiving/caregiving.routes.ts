import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { caregivingEndInput, caregivingInput, caregivingList, caregivingOutput } from "@shared/schemas/caregiving.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { caregivingPolicy } from "./caregiving.policy.js";
import { presentCaregiving } from "./caregiving.presenter.js";
import { caregivingListAbilities } from "./caregiving.rules.js";
import { endCaregiving, listCaregiving, readCaregiving, recordCaregiving } from "./caregiving.service.js";

/** Caregiving (mantelzorg): beyond customary care it is the client's contribution. */
export function caregivingRoutes({ db }: Services): FastifyPluginAsyncZod {
  const presentOne = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const ctx = contextOf(request);
    return presentCaregiving(ctx.actor, await readCaregiving(db.kysely, ctx, id));
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
        return { items: views.map((view) => presentCaregiving(ctx.actor, view)), abilities: caregivingListAbilities(ctx.actor) };
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
            "With the relation, not the identity, of the person cared for. Beyond customary care it counts as the client's contribution and its hours count towards capacity.",
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
  };
}
