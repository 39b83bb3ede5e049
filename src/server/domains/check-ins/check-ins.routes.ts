import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { checkInInput, checkInList, checkInOutput, portalCheckInInput } from "@shared/schemas/check-ins.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkInPolicy } from "./check-ins.policy.js";
import { presentCheckIn } from "./check-ins.presenter.js";
import { listCheckIns, recordCheckIn, recordPortalCheckIn } from "./check-ins.service.js";

/** Check-ins with WHO-5 and ladder re-assessment. */
export function checkInRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/clients/:id/check-ins",
      {
        config: { policy: checkInPolicy.create },
        schema: {
          tags: ["check-ins"],
          summary: "Record a check-in",
          params: idParam,
          body: checkInInput,
          response: { 201: checkInOutput },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCheckIn(await recordCheckIn(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.post(
      "/clients/:id/portal-check-ins",
      {
        config: { policy: checkInPolicy.createByClient },
        schema: {
          tags: ["check-ins"],
          summary: "The client's own check-in",
          description:
            "The client, in the portal, on their own record only (any other id is 404): how it goes, the WHO-5 and whether they " +
            "need help, dated today. A request for help or a low WHO-5 (below 13, or any item 0 or 1) is urgent on the " +
            "consultant's work queue the same day.",
          params: idParam,
          body: portalCheckInInput,
          response: { 201: checkInOutput },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCheckIn(await recordPortalCheckIn(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.get(
      "/clients/:id/check-ins",
      {
        config: { policy: checkInPolicy.list },
        schema: {
          tags: ["check-ins"],
          summary: "A client's check-ins",
          description: "The client reads the check-ins they entered themselves.",
          params: idParam,
          response: { 200: checkInList },
        },
      },
      async (request) => ({ items: (await listCheckIns(db.kysely, contextOf(request), request.params.id)).map(presentCheckIn) }),
    );
  };
}
