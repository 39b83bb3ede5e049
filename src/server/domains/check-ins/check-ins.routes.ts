import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkInInput, checkInList, checkInOutput } from "@shared/schemas/check-ins.js";
import { idParam } from "@shared/schemas/common.js";
import type { Services } from "@server/app.js";
import { roles } from "@server/auth/policy.js";
import type { CheckInRow } from "@server/db/schema.js";
import { contextOf } from "@server/http/context.js";
import { listCheckIns, recordCheckIn, scoreWho5 } from "./check-ins.service.js";

/** Consultants record check-ins; the client portal joins later. */
export const checkInPolicy = {
  create: roles("checkIns.create", "consultant", "teamLead"),
  list: roles("checkIns.list", "admin", "consultant", "teamLead"),
};

function presentCheckIn(row: CheckInRow) {
  const who5 = JSON.parse(row.who5_items) as number[];
  const { raw, percentage, needsAttention } = scoreWho5(who5);
  return {
    id: row.id,
    clientId: row.client_id,
    planId: row.plan_id,
    heldOn: row.held_on,
    channel: row.channel as "inPerson",
    howItGoes: row.how_it_goes,
    who5,
    who5Raw: raw,
    who5Percentage: percentage,
    needsAttention,
    readyForNextStep: row.ready_for_next_step === 1,
    createdAt: row.created_at,
  };
}

/** Check-ins with WHO-5 and ladder re-assessment. */
export function checkInRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/clients/:id/check-ins",
      {
        config: { policy: checkInPolicy.create },
        schema: { tags: ["check-ins"], summary: "Record a check-in", params: idParam, body: checkInInput, response: { 201: checkInOutput } },
      },
      async (request, reply) => reply.status(201).send(presentCheckIn(await recordCheckIn(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.get(
      "/clients/:id/check-ins",
      { config: { policy: checkInPolicy.list }, schema: { tags: ["check-ins"], summary: "A client's check-ins", params: idParam, response: { 200: checkInList } } },
      async (request) => ({ items: (await listCheckIns(db.kysely, contextOf(request), request.params.id)).map(presentCheckIn) }),
    );
  };
}
