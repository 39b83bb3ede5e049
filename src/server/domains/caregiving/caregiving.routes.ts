import type { Services } from "@server/app.js";
import { roles } from "@server/auth/policy.js";
import type { CaregivingRow } from "@server/db/schema.js";
import { contextOf } from "@server/http/context.js";
import { caregivingEndInput, caregivingInput, caregivingList, caregivingOutput } from "@shared/schemas/caregiving.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { endCaregiving, listCaregiving, recordCaregiving, requireVisibleCaregiving } from "./caregiving.service.js";

/** Consultants record and judge caregiving; the client reads their own. */
const caregivingPolicy = {
  write: roles("caregiving.write", "consultant", "teamLead"),
  read: roles("caregiving.read", "consultant", "teamLead", "admin", "client"),
};

type CaregivingOutput = z.infer<typeof caregivingOutput>;

async function present(db: Services["db"]["kysely"], rows: CaregivingRow[]): Promise<CaregivingOutput[]> {
  const ids = [...new Set(rows.map((r) => r.judged_by).filter((id): id is string => Boolean(id)))];
  const users = ids.length ? await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", ids).execute() : [];
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    relation: row.relation as CaregivingOutput["relation"],
    description: row.description,
    hoursPerWeek: row.hours_per_week,
    since: row.since,
    beyondCustomaryCare: row.beyond_customary_care === 1,
    countsAsContribution: row.status === "active" && row.beyond_customary_care === 1,
    judgementReason: row.judgement_reason,
    judgedBy: users.find((u) => u.id === row.judged_by)?.display_name ?? null,
    status: row.status as CaregivingOutput["status"],
    endedOn: row.ended_on,
    createdAt: row.created_at,
  }));
}

/** Caregiving (mantelzorg): beyond customary care it is the client's contribution. */
export function caregivingRoutes({ db }: Services): FastifyPluginAsyncZod {
  const presentOne = async (request: Parameters<typeof contextOf>[0], id: string) =>
    (await present(db.kysely, [await requireVisibleCaregiving(db.kysely, contextOf(request), id)]))[0]!;

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
      async (request) => ({ items: await present(db.kysely, await listCaregiving(db.kysely, contextOf(request), request.params.id)) }),
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
