import type { ActivityProposalRow, ActivityProposalsTable, Database } from "@server/db/schema.js";
import type { Kysely, Updateable } from "kysely";
import type { ClientIdQuery } from "../clients/clients.repo.js";

/** A proposal with the letter of its decision, if it has one. */
export type ProposalWithLetter = ActivityProposalRow & { letter_id: string | null };

const withLetter = (db: Kysely<Database>) =>
  db
    .selectFrom("activity_proposals")
    .leftJoin("decisions", "decisions.id", "activity_proposals.decision_id")
    .selectAll("activity_proposals")
    .select("decisions.letter_id as letter_id");

/** One proposal by id, whoever's it is; the caller checks the client is in scope. */
export function findProposal(db: Kysely<Database>, id: string): Promise<ProposalWithLetter | undefined> {
  return withLetter(db).where("activity_proposals.id", "=", id).executeTakeFirst();
}

/** A client's proposals, newest first. */
export function listClientProposals(db: Kysely<Database>, clientId: string): Promise<ProposalWithLetter[]> {
  return withLetter(db)
    .where("activity_proposals.client_id", "=", clientId)
    .orderBy("activity_proposals.created_at", "desc")
    .orderBy("activity_proposals.id")
    .execute();
}

/** Stores a proposal. */
export async function insertProposal(db: Kysely<Database>, row: ActivityProposalsTable): Promise<void> {
  await db.insertInto("activity_proposals").values(row).execute();
}

/** Records the decision on a proposal that is still pending; answers whether it was (a parallel decision loses). */
export async function decidePendingProposal(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ActivityProposalsTable>,
): Promise<boolean> {
  const updated = await db
    .updateTable("activity_proposals")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** The clients' proposals waiting for a decision (the work queue's `activityProposed`). */
export function pendingProposalsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("activity_proposals")
    .select(["client_id", "created_at"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "pending")
    .execute();
}

/** Takes a decided proposal back to waiting for a decision, as it was before: no outcome, no decision, nothing made. */
export async function reopenProposal(db: Kysely<Database>, id: string, updatedAt: string): Promise<void> {
  await db
    .updateTable("activity_proposals")
    .set({
      status: "pending",
      accepted_hours_per_week: null,
      decision_reasons: null,
      decided_by: null,
      decided_on: null,
      decision_id: null,
      contribution_id: null,
      caregiving_id: null,
      updated_at: updatedAt,
    })
    .where("id", "=", id)
    .execute();
}
