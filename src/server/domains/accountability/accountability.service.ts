import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { AccountabilityRequestRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { Kysely } from "kysely";
import { recordAudit, recordSystemAudit, type SystemRun } from "../audit/audit.service.js";
import { endAgreementOfStoppedContribution } from "../buddies/buddies.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { type checkEvidence, documentsOf, storeDocument } from "../documents/documents.service.js";
import { prepareLetter, storeLetterWithNotice } from "../letters/letters.service.js";
import { listOrdinanceVersions } from "../ordinance/ordinance.repo.js";
import {
  answerOpenRequest,
  clientsById,
  endActivity,
  findRequest,
  insertRequestOnce,
  lastRequestedOn,
  listClientRequests,
  listFormalisedActivities,
  listOpenRequests,
  setReminder,
} from "./accountability.repo.js";
import { assertOpen, isOverdue, isReminderDue, isRequestDue, overdueOn } from "./accountability.rules.js";

export { overdueOn };

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

/** Caregiving accepted as the contribution, in the words of the letters. */
export function caregivingText(care: { relation: string; hours_per_week: number }): string {
  return `Mantelzorg voor ${CARE_RELATION_NL[care.relation] ?? "een naaste"} (${care.hours_per_week} uur per week)`;
}

type Evidence = Awaited<ReturnType<typeof checkEvidence>>;

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

/** A request with what its presenter shows beside it. */
export interface AccountabilityView {
  row: AccountabilityRequestRow;
  activity: string;
  overdueOn: string;
  overdue: boolean;
  documents: { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string }[];
}

async function formalisedActivities(db: Kysely<Database>, filter: { activeOnly: true } | { clientIds: string[] }): Promise<Activity[]> {
  const { contributions, caregiving } = await listFormalisedActivities(db, filter);
  return [
    ...contributions.map((c) => ({
      subjectType: "contribution" as const,
      subjectId: c.id,
      clientId: c.client_id,
      formalisedOn: c.created_at.slice(0, 10),
      text: `${c.organisation_name ? `Vrijwilligerswerk bij ${c.organisation_name}` : "Eigen initiatief"}: ${c.description} (${c.hours_per_week} uur per week)`,
    })),
    ...caregiving.map((c) => ({
      subjectType: "caregiving" as const,
      subjectId: c.id,
      clientId: c.client_id,
      formalisedOn: c.created_at.slice(0, 10),
      text: caregivingText(c),
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

/** Thrown inside a transaction to undo it when another run got there first. */
class AlreadyDone extends Error {}

/** The client of an activity or request; the daily job only handles clients that exist. */
function clientOf<C>(clients: Map<string, C>, id: string): C {
  const client = clients.get(id);
  if (!client) throw new Error(`Client ${id} is missing`);
  return client;
}

/**
 * Sends an accountability request for every formalised activity whose interval has passed since it was
 * formalised or last asked about. The interval is that of the ordinance in force on `date`; the request keeps
 * that version. A unique index makes a second run on the same day create nothing.
 */
export async function createDueRequests(db: Kysely<Database>, run: SystemRun, date: string, ordinance: Ordinance): Promise<number> {
  const activities = await formalisedActivities(db, { activeOnly: true });
  const last = await lastRequestedOn(db);
  const due = activities.filter((a) => isRequestDue(last.get(a.subjectId) ?? a.formalisedOn, ordinance.accountabilityIntervalMonths, date));
  const clients = await clientsById(
    db,
    due.map((a) => a.clientId),
  );
  let created = 0;
  for (const activity of due) {
    const client = clientOf(clients, activity.clientId);
    const letter = await prepareLetter(run, {
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
      await inTransaction(db, async (trx) => {
        await storeLetterWithNotice(trx, run.clock, letter, { answerBy: addDays(date, ordinance.accountabilityOverdueDays) });
        const id = randomUUID();
        const inserted = await insertRequestOnce(trx, {
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
          created_at: nowIso(run.clock),
        });
        if (!inserted) throw new AlreadyDone();
        await recordSystemAudit(trx, run, {
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
export async function sendReminders(db: Kysely<Database>, run: SystemRun, date: string): Promise<number> {
  const versions = await ordinanceVersionsByNumber(db);
  const due = (await listOpenRequests(db)).filter((r) => isReminderDue(r, versions, date));
  const clients = await clientsById(
    db,
    due.map((r) => r.client_id),
  );
  const texts = await activityTexts(db, due);
  let sent = 0;
  for (const request of due) {
    const client = clientOf(clients, request.client_id);
    const letter = await prepareLetter(run, {
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
      await inTransaction(db, async (trx) => {
        await storeLetterWithNotice(trx, run.clock, letter, { answerBy: overdueOn(request, versions) });
        if (!(await setReminder(trx, request.id, date, letter.id))) throw new AlreadyDone();
        await recordSystemAudit(trx, run, {
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
  return (await listOpenRequests(db)).filter((r) => isOverdue(r, versions, date)).length;
}

/** A request of a client the actor may see, or 404. */
export async function requireVisibleRequest(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<AccountabilityRequestRow> {
  const row = await findRequest(db, id);
  if (!row) throw notFound("accountability request");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** Loads what the presenter shows beside each request: the activity in words, when it is overdue, its proof. */
async function viewsOf(db: Kysely<Database>, rows: AccountabilityRequestRow[], today: string): Promise<AccountabilityView[]> {
  const versions = await ordinanceVersionsByNumber(db);
  const texts = await activityTexts(db, rows);
  const documents = await documentsOf(
    db,
    "accountability",
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    row,
    activity: texts.get(row.subject_id) ?? "",
    overdueOn: overdueOn(row, versions),
    overdue: isOverdue(row, versions, today),
    documents: documents.get(row.id) ?? [],
  }));
}

/** One request in scope, ready to present. */
export async function readRequest(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<AccountabilityView> {
  const [view] = await viewsOf(db, [await requireVisibleRequest(db, ctx, id)], ctx.clock.today());
  if (!view) throw notFound("accountability request");
  return view;
}

/**
 * The client (or their consultant) answers: the activity continues, or it has stopped. A stopped activity
 * ends, and its hours no longer fill capacity (a buddy's agreement ends with it); what comes next is for a
 * conversation, not a sanction.
 */
export async function respondToRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { continues: boolean; statement?: string | null | undefined },
): Promise<void> {
  const request = await requireVisibleRequest(db, ctx, id);
  assertOpen(request);
  const today = ctx.clock.today();
  await inTransaction(db, async (trx) => {
    // The client's lock first, as every use case that ends a buddy agreement takes it before the request's row.
    await lockClient(trx, request.client_id);
    const answered = await answerOpenRequest(trx, id, {
      status: input.continues ? "confirmed" : "stopped",
      respondedOn: today,
      response: input.statement ?? null,
      respondedBy: ctx.actor.id,
    });
    if (!answered) throw conflict("alreadyAnswered", "This request was answered meanwhile.");
    if (!input.continues) {
      await endActivity(trx, request.subject_type, request.subject_id, today);
      // A buddy whose being a buddy stopped: their agreement and pairings end with it.
      if (request.subject_type === "contribution") await endAgreementOfStoppedContribution(trx, ctx, request.subject_id);
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

/** Stores a document as proof for a request; its content was checked by `checkEvidence`. */
export async function addAccountabilityProof(db: Kysely<Database>, ctx: RequestContext, id: string, upload: Evidence) {
  const target = await requireVisibleRequest(db, ctx, id);
  return inTransaction(db, (trx) =>
    storeDocument(trx, ctx, { clientId: target.client_id, subjectType: "accountability", subjectId: target.id }, upload),
  );
}

/** A client's accountability requests, newest first. */
export async function listRequests(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<AccountabilityView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  return viewsOf(db, await listClientRequests(db, clientId), ctx.clock.today());
}
