import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ActivityProposalsTable, ClientRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound } from "@server/http/errors.js";
import type { ActivityProposalInput } from "@shared/schemas/activity-proposals.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { documentsOf, storeDocument } from "../documents/documents.service.js";
import { capacityOf, committedHours } from "../plans/capacity.js";
import { displayNamesOf } from "../users/users.repo.js";
import { findProposal, insertProposal, listClientProposals, type ProposalWithLetter } from "./activity-proposals.repo.js";
import { type AcceptFacts, assertProposalPending } from "./activity-proposals.rules.js";

/** A proposal with what its presenter shows beside it and the facts its abilities are judged on. */
export interface ActivityProposalView {
  row: ProposalWithLetter;
  names: Map<string, string>;
  documents: { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string }[];
  facts: AcceptFacts;
}

/** What accepting a proposal of this client is judged on today: capacity and the hours already asked. */
export async function acceptFactsOf(db: Kysely<Database>, client: ClientRow, today: string): Promise<AcceptFacts> {
  return { capacity: await capacityOf(db, client, today), committedHours: await committedHours(db, client.id) };
}

async function viewsOf(db: Kysely<Database>, rows: ProposalWithLetter[], facts: AcceptFacts): Promise<ActivityProposalView[]> {
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => (r.decided_by ? [r.decided_by] : [])),
  );
  const documents = await documentsOf(
    db,
    "activityProposal",
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, names, documents: documents.get(row.id) ?? [], facts }));
}

/**
 * The client proposes an activity of their own (or staff file it for them): it waits for the consultant, on the
 * work queue, and counts for nothing until it is accepted.
 */
export async function proposeActivity(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: ActivityProposalInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const now = nowIso(ctx.clock);
  const row: ActivityProposalsTable = {
    id: randomUUID(),
    client_id: clientId,
    kind: input.kind,
    relation: input.kind === "caregiving" ? (input.relation ?? null) : null,
    description: input.description,
    place: input.place,
    hours_per_week: input.hoursPerWeek,
    since: input.since,
    contact: input.contact || null,
    status: "pending",
    proposed_by: ctx.actor.id,
    proposed_by_client: ctx.actor.role === "client" ? 1 : 0,
    accepted_hours_per_week: null,
    decision_reasons: null,
    decided_by: null,
    decided_on: null,
    decision_id: null,
    contribution_id: null,
    caregiving_id: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await insertProposal(trx, row);
    await recordAudit(trx, ctx, {
      action: "activityProposal.create",
      category: "write",
      clientId,
      subjectType: "activityProposal",
      subjectId: row.id,
      details: { kind: input.kind },
    });
  });
  return row.id;
}

/** A proposal of a client the actor may see, with that client, or 404. */
export async function requireVisibleProposal(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
): Promise<{ proposal: ProposalWithLetter; client: ClientRow }> {
  const proposal = await findProposal(db, id);
  if (!proposal) throw notFound("activity proposal");
  return { proposal, client: await requireVisibleClient(db, ctx.actor, proposal.client_id) };
}

/** One proposal in scope, ready to present (after a write the audit already records). */
export async function loadProposal(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ActivityProposalView> {
  const { proposal, client } = await requireVisibleProposal(db, ctx, id);
  const [view] = await viewsOf(db, [proposal], await acceptFactsOf(db, client, ctx.clock.today()));
  if (!view) throw notFound("activity proposal");
  return view;
}

/** A client's proposals, newest first, and the hours still free. Family circumstances: a sensitive read, audited. */
export async function listProposals(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
): Promise<{ views: ActivityProposalView[]; facts: AcceptFacts }> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listClientProposals(db, clientId);
  await recordAudit(db, ctx, {
    action: "activityProposal.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  const facts = await acceptFactsOf(db, client, ctx.clock.today());
  return { views: await viewsOf(db, rows, facts), facts };
}

/** Stores a document that shows the activity (a certificate, a statement), while the proposal waits for a decision. */
export async function addProposalEvidence(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  upload: { filename: string; mediaType: string; content: Buffer },
) {
  const { proposal } = await requireVisibleProposal(db, ctx, id);
  assertProposalPending(proposal);
  return inTransaction(db, async (trx) => {
    // A decision takes the client's lock too: evidence never arrives after the proposal was decided.
    await lockClient(trx, proposal.client_id);
    assertProposalPending((await requireVisibleProposal(trx, ctx, id)).proposal);
    return storeDocument(trx, ctx, { clientId: proposal.client_id, subjectType: "activityProposal", subjectId: proposal.id }, upload);
  });
}
