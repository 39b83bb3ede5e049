import type { Database, RetentionReleasesTable } from "@server/db/schema.js";
import { type Kysely, sql } from "kysely";

const BATCH = 500;

/**
 * Deletes rows of an append-only table: releases them in `retention_releases`, deletes them and empties the
 * releases again. Run it inside a transaction, so no other transaction ever sees a release.
 */
async function deleteReleased(trx: Kysely<Database>, table: RetentionReleasesTable["table_name"]): Promise<number> {
  const released = trx.selectFrom("retention_releases").select("row_id").where("table_name", "=", table);
  const result = await trx.deleteFrom(table).where("id", "in", released).executeTakeFirst();
  await trx.deleteFrom("retention_releases").where("table_name", "=", table).execute();
  return Number(result.numDeletedRows);
}

/** Removes the audit events that occurred before `cutoff` (an instant); answers how many. */
export async function deleteAuditEventsBefore(trx: Kysely<Database>, cutoff: string): Promise<number> {
  await trx
    .insertInto("retention_releases")
    .columns(["table_name", "row_id"])
    .expression(
      trx
        .selectFrom("audit_events")
        .select([sql<"audit_events">`'audit_events'`.as("table_name"), "id"])
        .where("occurred_at", "<", cutoff),
    )
    .execute();
  return deleteReleased(trx, "audit_events");
}

/** Removes the named evidence documents; answers how many. */
export async function deleteDocuments(trx: Kysely<Database>, ids: readonly string[]): Promise<number> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = ids.slice(i, i + BATCH).map((id) => ({ table_name: "documents" as const, row_id: id }));
    await trx.insertInto("retention_releases").values(rows).execute();
  }
  return deleteReleased(trx, "documents");
}

/**
 * Erases the free text of check-ins held before `cutoff` (how it goes, and what help the client asked for); their
 * scores and whether help was asked stay. Answers how many it erased.
 */
export async function eraseCheckInNotesBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const result = await db
    .updateTable("check_ins")
    .set({ how_it_goes: null, help_note: null })
    .where("held_on", "<", cutoff)
    .where((eb) => eb.or([eb("how_it_goes", "is not", null), eb("help_note", "is not", null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Removes the proposals nobody followed (no placement came of them) of match plans that finished and were made
 * before `cutoff` (an instant); the plan itself, a count without names, stays. Answers how many proposals it removed.
 */
/** Removes the work-queue items marked done or snoozed before `cutoff` (an instant), with their notes. */
export async function deleteWorkQueueNotesBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const result = await db.deleteFrom("work_queue_dispositions").where("decided_at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes the messages to clients sent or finally failed before `cutoff` (an instant); waiting ones stay. */
/** Removes assignments to agencies whose period ended before the cutoff date; answers how many. */
export async function deleteAssignmentsEndedBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const result = await db.deleteFrom("agency_assignments").where("end_date", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteMessagesDoneBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom("notifications")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "sent"), eb("sent_at", "<", cutoff)]),
        eb.and([eb("status", "=", "failed"), eb("failed_at", "<", cutoff)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes the research exports (record and file) that finished, done or failed, before `cutoff` (an instant); answers how many. */
export async function deleteResearchExportsFinishedBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom("research_exports")
    .where("status", "in", ["done", "failed"])
    .where("finished_at", "<", cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteUnfollowedProposalsBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const oldPlans = db.selectFrom("match_plans").select("id").where("status", "in", ["done", "failed"]).where("created_at", "<", cutoff);
  const result = await db
    .deleteFrom("match_proposals")
    .where("plan_id", "in", oldPlans)
    .where("placement_id", "is", null)
    .where("status", "!=", "accepted")
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every evidence document (of one client, when named) with the state of its subject: whether and when it closed. */
export async function evidenceWithSubjects(db: Kysely<Database>, clientId?: string) {
  let query = db
    .selectFrom("documents")
    .leftJoin("exemptions", (join) =>
      join.onRef("exemptions.id", "=", "documents.subject_id").on("documents.subject_type", "=", "exemption"),
    )
    .leftJoin("accountability_requests", (join) =>
      join.onRef("accountability_requests.id", "=", "documents.subject_id").on("documents.subject_type", "=", "accountability"),
    )
    .leftJoin("activity_proposals", (join) =>
      join.onRef("activity_proposals.id", "=", "documents.subject_id").on("documents.subject_type", "=", "activityProposal"),
    )
    .select([
      "documents.id",
      "documents.client_id",
      "documents.subject_id",
      "exemptions.status as exemption_status",
      "exemptions.ended_on as exemption_ended_on",
      "exemptions.decided_at as exemption_decided_at",
      "accountability_requests.status as request_status",
      "accountability_requests.responded_on as request_responded_on",
      "accountability_requests.requested_on as request_requested_on",
      "activity_proposals.decided_on as proposal_decided_on",
    ]);
  if (clientId !== undefined) query = query.where("documents.client_id", "=", clientId);
  return query.orderBy("documents.id").execute();
}

/** The decisions about the given subjects, each with the objection against it, if any. */
export async function decisionsWithObjectionsAbout(db: Kysely<Database>, subjectIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < subjectIds.length; i += BATCH) {
    rows.push(
      ...(await db
        .selectFrom("decisions")
        .leftJoin("objections", "objections.decision_id", "decisions.id")
        .select([
          "decisions.subject_id",
          "decisions.objection_term_ends_on",
          "objections.id as objection_id",
          "objections.outcome",
          "objections.outcome_on",
        ])
        .where("decisions.subject_id", "in", subjectIds.slice(i, i + BATCH))
        .execute()),
    );
  }
  return rows;
}
