import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import type { AccountabilityRequestRow, ClientRow, Database } from "@server/db/schema.js";
import { conflict, notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths, todayInAmsterdam } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { Kysely } from "kysely";
import { recordAudit, recordSystemAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { insertLetter } from "../letters/letters.repo.js";
import { prepareLetter } from "../letters/letters.service.js";
import { listOrdinanceVersions } from "../ordinance/ordinance.repo.js";

const CARE_RELATION_NL: Record<string, string> = {
  child: "uw kind",
  partner: "uw partner",
  parent: "uw ouder",
  parentInLaw: "uw schoonouder",
  sibling: "uw broer of zus",
  grandparent: "uw opa of oma",
  otherFamily: "een familielid",
  friendOrNeighbour: "een vriend of buur",
};

/** A formalised activity the client accounts for periodically. */
interface Activity {
  subjectType: "contribution" | "caregiving";
  subjectId: string;
  clientId: string;
  /** The date it was formalised: the first request falls one interval later. */
  formalisedOn: string;
  /** What the client does, in the words of the letter. */
  text: string;
}

/**
 * Formalised activities: contributions and caregiving beyond customary care. Active ones only (what is due for
 * accountability), or all of some clients (to describe their past requests).
 */
async function formalisedActivities(db: Kysely<Database>, filter: { activeOnly: true } | { clientIds: string[] }): Promise<Activity[]> {
  let contributions = db
    .selectFrom("contributions")
    .select(["id", "client_id", "created_at", "organisation_name", "description", "hours_per_week"]);
  let caregiving = db
    .selectFrom("caregiving")
    .select(["id", "client_id", "created_at", "relation", "hours_per_week"])
    .where("beyond_customary_care", "=", 1);
  if ("clientIds" in filter) {
    if (filter.clientIds.length === 0) return [];
    contributions = contributions.where("client_id", "in", filter.clientIds);
    caregiving = caregiving.where("client_id", "in", filter.clientIds);
  } else {
    contributions = contributions.where("status", "=", "active");
    caregiving = caregiving.where("status", "=", "active");
  }
  return [
    ...(await contributions.execute()).map((c) => ({
      subjectType: "contribution" as const,
      subjectId: c.id,
      clientId: c.client_id,
      formalisedOn: c.created_at.slice(0, 10),
      text: `${c.organisation_name ? `Vrijwilligerswerk bij ${c.organisation_name}` : "Eigen initiatief"}: ${c.description} (${c.hours_per_week} uur per week)`,
    })),
    ...(await caregiving.execute()).map((c) => ({
      subjectType: "caregiving" as const,
      subjectId: c.id,
      clientId: c.client_id,
      formalisedOn: c.created_at.slice(0, 10),
      text: `Mantelzorg voor ${CARE_RELATION_NL[c.relation] ?? "een naaste"} (${c.hours_per_week} uur per week)`,
    })),
  ];
}

/** Describes the activity each request is about, in the words of the letters, by subject id. */
export async function activityTexts(
  db: Kysely<Database>,
  requests: Pick<AccountabilityRequestRow, "client_id">[],
): Promise<Map<string, string>> {
  const activities = await formalisedActivities(db, { clientIds: [...new Set(requests.map((r) => r.client_id))] });
  return new Map(activities.map((a) => [a.subjectId, a.text]));
}

/** The ordinance versions by number, for rules a request keeps from the version it was made under. */
export async function ordinanceVersionsByNumber(db: Kysely<Database>): Promise<Map<number, Ordinance>> {
  return new Map((await listOrdinanceVersions(db)).map((o) => [o.version, o]));
}

/** The date after which an open request is overdue, under the version it was made under. */
export function overdueOn(
  request: Pick<AccountabilityRequestRow, "requested_on" | "ordinance_version">,
  versions: Map<number, Ordinance>,
): string {
  return addDays(request.requested_on, versions.get(request.ordinance_version)!.accountabilityOverdueDays);
}

/** Thrown inside a transaction to undo it when another run got there first. */
class AlreadyDone extends Error {}

async function clientsById(db: Kysely<Database>, ids: string[]): Promise<Map<string, ClientRow>> {
  if (ids.length === 0) return new Map();
  return new Map(
    (
      await db
        .selectFrom("clients")
        .selectAll()
        .where("id", "in", [...new Set(ids)])
        .execute()
    ).map((c) => [c.id, c]),
  );
}

/**
 * Sends an accountability request for every formalised activity whose interval has passed since it was
 * formalised or last asked about. The interval is that of the ordinance in force on `date`; the request keeps
 * that version. A unique index makes a second run on the same day create nothing.
 */
export async function createDueRequests(db: Kysely<Database>, runId: string, date: string, ordinance: Ordinance): Promise<number> {
  const activities = await formalisedActivities(db, { activeOnly: true });
  const last = new Map<string, string>();
  for (const row of await db
    .selectFrom("accountability_requests")
    .select(["subject_id", (eb) => eb.fn.max("requested_on").as("last")])
    .groupBy("subject_id")
    .execute()) {
    last.set(row.subject_id, String(row.last));
  }
  const due = activities.filter((a) => addMonths(last.get(a.subjectId) ?? a.formalisedOn, ordinance.accountabilityIntervalMonths) <= date);
  const clients = await clientsById(
    db,
    due.map((a) => a.clientId),
  );
  let created = 0;
  for (const activity of due) {
    const client = clients.get(activity.clientId)!;
    const letter = await prepareLetter(null, {
      client,
      kind: "accountabilityRequest",
      template: "accountability-request",
      registered: false,
      letterDate: date,
      data: {
        givenName: client.given_name,
        familyName: client.family_name,
        activity: activity.text,
        intervalMonths: ordinance.accountabilityIntervalMonths,
        answerBy: formatDutchDate(addDays(date, ordinance.accountabilityOverdueDays)),
        phone: municipality.phone,
      },
    });
    try {
      await db.transaction().execute(async (trx) => {
        await insertLetter(trx, letter);
        const id = randomUUID();
        const inserted = await trx
          .insertInto("accountability_requests")
          .values({
            id,
            client_id: activity.clientId,
            subject_type: activity.subjectType,
            subject_id: activity.subjectId,
            requested_on: date,
            ordinance_version: ordinance.version,
            letter_id: letter.id,
            reminded_on: null,
            reminder_letter_id: null,
            status: "open",
            responded_on: null,
            response: null,
            responded_by: null,
            created_at: new Date().toISOString(),
          })
          .onConflict((oc) => oc.columns(["subject_type", "subject_id", "requested_on"]).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AlreadyDone();
        await recordSystemAudit(trx, runId, {
          action: "accountability.request",
          category: "write",
          clientId: activity.clientId,
          subjectType: "accountabilityRequest",
          subjectId: id,
          details: { ordinanceVersion: ordinance.version },
        });
      });
      created++;
    } catch (error) {
      if (!(error instanceof AlreadyDone)) throw error;
    }
  }
  return created;
}

/** Reminds clients who have not answered a request after the reminder days of its ordinance version; once each. */
export async function sendReminders(db: Kysely<Database>, runId: string, date: string): Promise<number> {
  const versions = await ordinanceVersionsByNumber(db);
  const open = await db
    .selectFrom("accountability_requests")
    .selectAll()
    .where("status", "=", "open")
    .where("reminded_on", "is", null)
    .execute();
  const due = open.filter((r) => addDays(r.requested_on, versions.get(r.ordinance_version)!.accountabilityReminderDays) <= date);
  const clients = await clientsById(
    db,
    due.map((r) => r.client_id),
  );
  const texts = await activityTexts(db, due);
  let sent = 0;
  for (const request of due) {
    const client = clients.get(request.client_id)!;
    const letter = await prepareLetter(null, {
      client,
      kind: "accountabilityReminder",
      template: "accountability-reminder",
      registered: false,
      letterDate: date,
      data: {
        givenName: client.given_name,
        familyName: client.family_name,
        activity: texts.get(request.subject_id) ?? "",
        requestedOn: formatDutchDate(request.requested_on),
        answerBy: formatDutchDate(overdueOn(request, versions)),
        phone: municipality.phone,
      },
    });
    try {
      await db.transaction().execute(async (trx) => {
        await insertLetter(trx, letter);
        const updated = await trx
          .updateTable("accountability_requests")
          .set({ reminded_on: date, reminder_letter_id: letter.id })
          .where("id", "=", request.id)
          .where("reminded_on", "is", null)
          .where("status", "=", "open")
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw new AlreadyDone();
        await recordSystemAudit(trx, runId, {
          action: "accountability.remind",
          category: "write",
          clientId: request.client_id,
          subjectType: "accountabilityRequest",
          subjectId: request.id,
        });
      });
      sent++;
    } catch (error) {
      if (!(error instanceof AlreadyDone)) throw error;
    }
  }
  return sent;
}

/** Open requests past their overdue date: on the work queue, for a conversation, never a sanction by itself. */
export async function countOverdue(db: Kysely<Database>, date: string): Promise<number> {
  const versions = await ordinanceVersionsByNumber(db);
  const open = await db
    .selectFrom("accountability_requests")
    .select(["requested_on", "ordinance_version"])
    .where("status", "=", "open")
    .execute();
  return open.filter((r) => overdueOn(r, versions) < date).length;
}

export async function requireVisibleRequest(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<AccountabilityRequestRow> {
  const row = await db.selectFrom("accountability_requests").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("accountability request");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/**
 * The client (or their consultant) answers: the activity continues, or it has stopped. A stopped activity
 * ends, and its hours no longer fill capacity; what comes next is for a conversation, not a sanction.
 */
export async function respondToRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { continues: boolean; statement?: string | null | undefined },
): Promise<void> {
  const request = await requireVisibleRequest(db, ctx, id);
  if (request.status !== "open") throw conflict("alreadyAnswered", "This request has been answered already.");
  const today = todayInAmsterdam();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("accountability_requests")
      .set({
        status: input.continues ? "confirmed" : "stopped",
        responded_on: today,
        response: input.statement ?? null,
        responded_by: ctx.actor.id,
      })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict("alreadyAnswered", "This request was answered meanwhile.");
    if (!input.continues) {
      const table = request.subject_type === "contribution" ? "contributions" : "caregiving";
      await trx.updateTable(table).set({ status: "ended", ended_on: today }).where("id", "=", request.subject_id).execute();
    }
    await recordAudit(trx, ctx, {
      action: "accountability.respond",
      category: "write",
      clientId: request.client_id,
      subjectType: "accountabilityRequest",
      subjectId: id,
      details: { continues: input.continues },
    });
  });
}

/** A client's accountability requests, newest first. */
export async function listRequests(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<AccountabilityRequestRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  return db.selectFrom("accountability_requests").selectAll().where("client_id", "=", clientId).orderBy("requested_on", "desc").execute();
}
