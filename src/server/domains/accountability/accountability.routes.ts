import type { Services } from "@server/app.js";
import { roles } from "@server/auth/policy.js";
import type { AccountabilityRequestRow } from "@server/db/schema.js";
import { contextOf } from "@server/http/context.js";
import { todayInAmsterdam } from "@shared/dates.js";
import {
  type AccountabilityRequestOutput,
  accountabilityList,
  accountabilityRequestOutput,
  accountabilityResponseInput,
} from "@shared/schemas/accountability.js";
import { idParam } from "@shared/schemas/common.js";
import { documentOutput } from "@shared/schemas/exemptions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { documentsOf, presentDocument, readEvidence, storeDocument } from "../documents/documents.service.js";
import {
  activityTexts,
  listRequests,
  ordinanceVersionsByNumber,
  overdueOn,
  requireVisibleRequest,
  respondToRequest,
} from "./accountability.service.js";

/** The client answers and reads their own requests; their consultants do the same on their behalf. */
const accountabilityPolicy = {
  read: roles("accountability.read", "consultant", "teamLead", "admin", "client"),
  respond: roles("accountability.respond", "consultant", "teamLead", "client"),
};

async function present(db: Services["db"]["kysely"], rows: AccountabilityRequestRow[]): Promise<AccountabilityRequestOutput[]> {
  const versions = await ordinanceVersionsByNumber(db);
  const texts = await activityTexts(db, rows);
  const documents = await documentsOf(
    db,
    "accountability",
    rows.map((r) => r.id),
  );
  const today = todayInAmsterdam();
  return rows.map((row) => {
    const due = overdueOn(row, versions);
    return {
      id: row.id,
      clientId: row.client_id,
      subjectType: row.subject_type as AccountabilityRequestOutput["subjectType"],
      subjectId: row.subject_id,
      activity: texts.get(row.subject_id) ?? "",
      requestedOn: row.requested_on,
      remindedOn: row.reminded_on,
      overdueOn: due,
      overdue: row.status === "open" && due < today,
      ordinanceVersion: row.ordinance_version,
      letterId: row.letter_id,
      reminderLetterId: row.reminder_letter_id,
      status: row.status as AccountabilityRequestOutput["status"],
      respondedOn: row.responded_on,
      response: row.response,
      documents: documents.get(row.id) ?? [],
      createdAt: row.created_at,
    };
  });
}

/** Periodic accountability for formalised contributions: requests, answers and proof. */
export function accountabilityRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients/:id/accountability-requests",
      {
        config: { policy: accountabilityPolicy.read },
        schema: {
          tags: ["accountability"],
          summary: "A client's accountability requests",
          params: idParam,
          response: { 200: accountabilityList },
        },
      },
      async (request) => ({ items: await present(db.kysely, await listRequests(db.kysely, contextOf(request), request.params.id)) }),
    );

    app.post(
      "/accountability-requests/:id/responses",
      {
        config: { policy: accountabilityPolicy.respond },
        schema: {
          tags: ["accountability"],
          summary: "Answer an accountability request",
          description:
            "The activity continues (confirmed) or has stopped (the activity ends). An unanswered request is never a sanction by itself.",
          params: idParam,
          body: accountabilityResponseInput,
          response: { 200: accountabilityRequestOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await respondToRequest(db.kysely, ctx, request.params.id, request.body);
        return (await present(db.kysely, [await requireVisibleRequest(db.kysely, ctx, request.params.id)]))[0]!;
      },
    );

    app.post(
      "/accountability-requests/:id/documents",
      {
        config: { policy: accountabilityPolicy.respond },
        schema: {
          tags: ["accountability"],
          summary: "Upload proof for an accountability request",
          description:
            "multipart/form-data with one file in the field `file`: a PDF, PNG or JPEG of at most 10 MB (400 otherwise, nothing stored).",
          consumes: ["multipart/form-data"],
          params: idParam,
          response: { 201: documentOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const target = await requireVisibleRequest(db.kysely, ctx, request.params.id);
        const upload = await readEvidence(await request.file());
        const row = await db.kysely
          .transaction()
          .execute((trx) =>
            storeDocument(trx, ctx, { clientId: target.client_id, subjectType: "accountability", subjectId: target.id }, upload),
          );
        return reply.status(201).send(presentDocument(row));
      },
    );
  };
}
