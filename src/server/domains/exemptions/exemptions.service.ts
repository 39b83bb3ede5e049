import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database, DecisionRow, ExemptionRow, ExemptionsTable, MedicalAdviceRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound, requireFound } from "@server/http/errors.js";
import {
  defaultObligations,
  type ExemptionDecisionInput,
  type ExemptionInput,
  type ExemptionRequestInput,
  type ExemptionStatus,
  type MedicalAdviceInput,
  SINGLE_PARENT_GROUND,
} from "@shared/schemas/exemptions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { decisionsAbout } from "../decisions/decisions.repo.js";
import { type checkEvidence, documentsOf, storeDocument } from "../documents/documents.service.js";
import { findLetters } from "../letters/letters.repo.js";
import { dispatchFactsOf } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import {
  dayAfter,
  grantedReasons,
  heldForUndo,
  lastDayOf,
  type PreparedExemptionDecision,
  prepareExemptionDecision,
  recordExemptionDecision,
  refusedReasons,
} from "./exemptions.decision.js";
import {
  countOpenRequests,
  findExemption,
  insertExemption,
  insertMedicalAdvice,
  listClientExemptions,
  medicalAdviceOf,
  pageExemptionsByStatus,
  updateExemptionIn,
} from "./exemptions.repo.js";
import {
  assertAdviceGiven,
  assertAwaitingCoSign,
  assertChildUnderFive,
  assertEndsAfterStart,
  assertEndsByFifthBirthday,
  assertIsRequest,
  assertMayEnd,
  assertMayRefuseExtension,
  assertMedicalAdvice,
  assertNoOpenRequest,
  assertNotRefusedAtDiscretion,
  assertSecondSigner,
  assertTakesEvidence,
  assertTakesMedicalAdvice,
  type ExemptionUndoFacts,
  extensionRefused,
  lastDayUnderFive,
  needsCoSign,
  obligationColumns,
  obligationsOf,
} from "./exemptions.rules.js";
import { recordedUndoStateColumn, undoStateColumn, undoStateOf } from "./exemptions.undo-state.js";

type Terms = Pick<ExemptionInput, "scope" | "maxHoursPerWeek" | "startDate" | "endDate" | "reviewDate">;
type Evidence = Awaited<ReturnType<typeof checkEvidence>>;

/** An exemption with what its presenter shows beside it: the names of who acted, and its evidence. */
export interface ExemptionView<R extends ExemptionRow = ExemptionRow> {
  row: R;
  names: Map<string, string>;
  documents: { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string }[];
  medicalAdvice: MedicalAdviceRow[];
  /** The decisions (besluiten) about it, oldest first: granted, refused, ended, not extended. */
  decisions: Pick<DecisionRow, "id" | "type">[];
  /** Its last action that can be undone, and whether that action's letter is still inside. */
  undo: ExemptionUndoFacts;
}

/**
 * A single parent's exemption (art. 9a): the child is under five on the start date, and the exemption ends at the
 * latest the day before the fifth birthday, then by itself. Answers the end date.
 */
function singleParentEnd(childBirthDate: string, startDate: string, endDate: string | null | undefined): string {
  assertChildUnderFive(childBirthDate, startDate);
  assertEndsByFifthBirthday(childBirthDate, endDate);
  return endDate ?? lastDayUnderFive(childBirthDate);
}

function termColumns(terms: Terms) {
  return {
    scope: terms.scope,
    max_hours_per_week: terms.scope === "partial" ? (terms.maxHoursPerWeek ?? null) : null,
    start_date: terms.startDate,
    end_date: terms.endDate ?? null,
    review_date: terms.reviewDate ?? null,
  };
}

/** An exemption of a client the actor may see, or 404. */
export async function requireVisibleExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ExemptionRow> {
  const row = await findExemption(db, id);
  if (!row) throw notFound("exemption");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/**
 * The exemption as it stands under its client's lock, which every change of an exemption's state takes (a sanction
 * checks the exemptions under it too): what an undo of this change will put back.
 */
async function lockedExemption(trx: Kysely<Database>, exemption: ExemptionRow): Promise<ExemptionRow> {
  await lockClient(trx, exemption.client_id);
  return requireFound(await findExemption(trx, exemption.id), "exemption");
}

/** Loads what the presenter shows beside each exemption. */
export async function viewsOf<R extends ExemptionRow>(db: Kysely<Database>, rows: R[]): Promise<ExemptionView<R>[]> {
  const advice = await medicalAdviceOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await displayNamesOf(db, [
    ...rows.flatMap((r) => [r.requested_by, r.decided_by, r.co_signed_by]),
    ...[...advice.values()].flat().map((a) => a.recorded_by),
  ]);
  const documents = await documentsOf(
    db,
    "exemption",
    rows.map((r) => r.id),
  );
  const decisions = await decisionsAbout(
    db,
    "exemption",
    rows.map((r) => r.id),
  );
  const undoStates = new Map(rows.map((r) => [r.id, undoStateOf(r)]));
  const undoLetterIds = [...undoStates.values()].flatMap((u) => (u ? [u.letterId] : []));
  const letterFacts = undoLetterIds.length === 0 ? new Map() : await dispatchFactsOf(db, await findLetters(db, undoLetterIds));
  return rows.map((row) => {
    const undo = undoStates.get(row.id) ?? null;
    return {
      row,
      names,
      documents: documents.get(row.id) ?? [],
      medicalAdvice: advice.get(row.id) ?? [],
      decisions: decisions.get(row.id) ?? [],
      undo: { undo, evidence: documents.get(row.id)?.length ?? 0, letter: undo ? (letterFacts.get(undo.letterId) ?? null) : null },
    };
  });
}

/** One exemption in scope, ready to present. */
export async function readExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ExemptionView> {
  const [view] = await viewsOf(db, [await requireVisibleExemption(db, ctx, id)]);
  if (!view) throw notFound("exemption");
  return view;
}

/** The columns every new exemption starts with: not yet co-signed or ended, under the ordinance in force. */
function undecided(ordinanceVersion: number, now: string) {
  return {
    decision_note: null,
    unmet_condition: null,
    undo_state: null,
    co_signed_by: null,
    co_signed_at: null,
    ended_on: null,
    end_reason: null,
    ordinance_version: ordinanceVersion,
    created_at: now,
    updated_at: now,
  } satisfies Partial<ExemptionsTable>;
}

/**
 * A consultant records an exemption they decided; a long full one waits for a team lead's co-signature. One that
 * binds now is a decision (exemptionGranted) with its letter; one that waits becomes one when it is co-signed.
 */
export async function recordExemption(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: ExemptionInput): Promise<string> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  const now = nowIso(ctx.clock);
  const obligations = input.obligations ?? defaultObligations(input.type);
  const child = input.type === SINGLE_PARENT_GROUND ? (input.childBirthDate ?? null) : null;
  const terms = { ...input, obligations, endDate: child ? singleParentEnd(child, input.startDate, input.endDate) : input.endDate };
  const row: ExemptionsTable = {
    id: randomUUID(),
    client_id: clientId,
    type: input.type,
    ...termColumns(terms),
    ...obligationColumns(obligations),
    child_birth_date: child,
    reason: input.reason,
    status: needsCoSign(terms, ordinance) ? "awaitingCoSign" : "active",
    requested_by: null,
    decided_by: ctx.actor.id,
    decided_at: now,
    ...undecided(ordinance.version, now),
  };
  // Held back from the client for a few minutes: until it is printed, the recording can be undone (the exemption removed).
  const decision =
    row.status === "active"
      ? heldForUndo(
          ctx,
          await prepareExemptionDecision(ctx, client, row, {
            type: "exemptionGranted",
            reasons: grantedReasons(row),
            takesEffectOn: row.start_date,
          }),
        )
      : null;
  await inTransaction(db, async (trx) => {
    await insertExemption(trx, decision ? { ...row, ...recordedUndoStateColumn(decision.letter.letter.id, row.status) } : row);
    if (decision) await recordExemptionDecision(trx, ctx, decision);
    await recordAudit(trx, ctx, {
      action: "exemption.create",
      category: "write",
      clientId,
      subjectType: "exemption",
      subjectId: row.id,
      details: { type: input.type, scope: input.scope, obligations, status: row.status },
    });
  });
  return row.id;
}

/** The client asks for an exemption (or a consultant files the request for them); a consultant decides it. */
export async function requestExemption(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: ExemptionRequestInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const child = input.type === SINGLE_PARENT_GROUND ? (input.childBirthDate ?? null) : null;
  if (child) assertChildUnderFive(child, ctx.clock.today());
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  const now = nowIso(ctx.clock);
  const obligations = input.obligations ?? defaultObligations(input.type);
  const row: ExemptionsTable = {
    id: randomUUID(),
    client_id: clientId,
    type: input.type,
    ...obligationColumns(obligations),
    child_birth_date: child,
    scope: input.scope,
    max_hours_per_week: null,
    start_date: ctx.clock.today(),
    end_date: null,
    review_date: null,
    reason: input.reason,
    status: "requested",
    requested_by: ctx.actor.id,
    decided_by: null,
    decided_at: null,
    ...undecided(ordinance.version, now),
  };
  await inTransaction(db, async (trx) => {
    // The client row guards "one open request per kind", and a sanction proposal checks for open requests under it.
    await lockClient(trx, clientId);
    assertNoOpenRequest(await countOpenRequests(trx, clientId, input.type));
    await insertExemption(trx, row);
    await recordAudit(trx, ctx, {
      action: "exemption.request",
      category: "write",
      clientId,
      subjectType: "exemption",
      subjectId: row.id,
      details: { type: input.type, obligations },
    });
  });
  return row.id;
}

type Granted = Extract<ExemptionDecisionInput, { outcome: "granted" }>;
type Refused = Extract<ExemptionDecisionInput, { outcome: "refused" }>;
type DecisionColumns = { status: ExemptionStatus; decision_note: string | null; unmet_condition?: string | null } & Partial<
  ReturnType<typeof termColumns>
> &
  Partial<ReturnType<typeof obligationColumns>>;

/** A granted request's terms: the obligations it asked for unless the decision names others; art. 9a's end date. */
function grantedColumns(exemption: ExemptionRow, input: Granted, ordinance: Parameters<typeof needsCoSign>[1]): DecisionColumns {
  const obligations = input.obligations ?? obligationsOf(exemption);
  const child = exemption.type === SINGLE_PARENT_GROUND ? exemption.child_birth_date : null;
  const terms = { ...input, obligations, endDate: child ? singleParentEnd(child, input.startDate, input.endDate) : input.endDate };
  return {
    ...termColumns(terms),
    ...obligationColumns(obligations),
    status: needsCoSign(terms, ordinance) ? "awaitingCoSign" : "active",
    decision_note: input.note ?? null,
  };
}

/** A refusal with its reason; for a single parent's request, the condition of art. 9a that is not met. */
function refusedColumns(input: Refused): DecisionColumns {
  return { status: "refused", decision_note: input.note, unmet_condition: input.unmetCondition ?? null };
}

/**
 * A consultant grants a request with its terms, or refuses it with a reason. A refusal, and a grant that binds now,
 * is a decision with its letter; a grant that waits for a co-signature becomes one when it is co-signed.
 */
export async function decideExemption(db: Kysely<Database>, ctx: RequestContext, id: string, input: ExemptionDecisionInput): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  const client = await requireVisibleClient(db, ctx.actor, exemption.client_id);
  assertIsRequest(exemption);
  assertNotRefusedAtDiscretion(exemption, input);
  assertMedicalAdvice(exemption, (await medicalAdviceOf(db, [id])).get(id)?.length ?? 0);
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  const now = nowIso(ctx.clock);
  const changes = input.outcome === "granted" ? grantedColumns(exemption, input, ordinance) : refusedColumns(input);
  const decided: ExemptionRow = {
    ...exemption,
    ...changes,
    decided_by: ctx.actor.id,
    decided_at: now,
    ordinance_version: ordinance.version,
  };
  const prepared =
    input.outcome === "refused"
      ? await prepareExemptionDecision(ctx, client, decided, {
          type: "exemptionRefused",
          reasons: refusedReasons(decided, input.note),
          takesEffectOn: ctx.clock.today(),
        })
      : decided.status === "active"
        ? await prepareExemptionDecision(ctx, client, decided, {
            type: "exemptionGranted",
            reasons: grantedReasons(decided),
            takesEffectOn: decided.start_date,
          })
        : null;
  // Held back from the client for a few minutes: until it is printed, the decision can be undone.
  const decision = prepared ? heldForUndo(ctx, prepared) : null;
  await inTransaction(db, async (trx) => {
    const current = await lockedExemption(trx, exemption);
    const stored = await updateExemptionIn(trx, id, "requested", {
      ...changes,
      decided_by: ctx.actor.id,
      decided_at: now,
      ordinance_version: ordinance.version,
      updated_at: now,
      ...(decision ? undoStateColumn(current, "decide", decision.letter.letter.id, changes.status) : {}),
    });
    if (!stored) throw conflict("exemptionState", "This request was decided meanwhile.");
    if (decision) await recordExemptionDecision(trx, ctx, decision);
    await recordAudit(trx, ctx, {
      action: "exemption.decide",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
      details: {
        outcome: input.outcome,
        status: changes.status,
        ...(input.outcome === "refused" && input.unmetCondition ? { unmetCondition: input.unmetCondition } : {}),
      },
    });
  });
}

/**
 * A team lead, not the one who decided, co-signs a long full exemption; from then on it binds, and it is a decision
 * (exemptionGranted) with its letter, prepared by the consultant who decided it and taken by the co-signer.
 */
export async function coSignExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  assertAwaitingCoSign(exemption);
  assertSecondSigner(exemption, ctx.actor);
  const now = nowIso(ctx.clock);
  const client = await requireVisibleClient(db, ctx.actor, exemption.client_id);
  const today = ctx.clock.today();
  const decision = heldForUndo(
    ctx,
    await prepareExemptionDecision(
      ctx,
      client,
      { ...exemption, status: "active" },
      {
        type: "exemptionGranted",
        reasons: grantedReasons(exemption),
        takesEffectOn: [exemption.start_date, today].sort()[1] ?? today,
      },
      exemption.decided_by,
    ),
  );
  await inTransaction(db, async (trx) => {
    const current = await lockedExemption(trx, exemption);
    const signed = await updateExemptionIn(trx, id, "awaitingCoSign", {
      status: "active",
      co_signed_by: ctx.actor.id,
      co_signed_at: now,
      updated_at: now,
      ...undoStateColumn(current, "coSign", decision.letter.letter.id, "active"),
    });
    if (!signed) throw conflict("exemptionState", "This exemption was co-signed or ended meanwhile.");
    await recordExemptionDecision(trx, ctx, decision);
    await recordAudit(trx, ctx, {
      action: "exemption.coSign",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
    });
  });
}

/**
 * Ends an exemption before its end date, e.g. when the client has recovered: `endedOn` is its last day, and the
 * obligations apply again from the day after, when the decision takes effect. Ending one that binds is a decision
 * (exemptionEnded) with its letter; one still waiting for its co-signature never bound, so it ends without one.
 */
export async function endExemption(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { endedOn: string; reason: string },
): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  assertMayEnd(exemption);
  assertEndsAfterStart(exemption, input.endedOn);
  const now = nowIso(ctx.clock);
  const client = await requireVisibleClient(db, ctx.actor, exemption.client_id);
  const decision: PreparedExemptionDecision | null =
    exemption.status === "active"
      ? heldForUndo(
          ctx,
          await prepareExemptionDecision(ctx, client, exemption, {
            type: "exemptionEnded",
            reasons: input.reason,
            takesEffectOn: dayAfter(input.endedOn),
          }),
        )
      : null;
  await inTransaction(db, async (trx) => {
    const current = await lockedExemption(trx, exemption);
    const ended = await updateExemptionIn(trx, id, exemption.status, {
      status: "ended",
      ended_on: input.endedOn,
      end_reason: input.reason,
      updated_at: now,
      ...(decision ? undoStateColumn(current, "end", decision.letter.letter.id, "ended") : {}),
    });
    if (!ended) throw conflict("exemptionState", "This exemption changed meanwhile.");
    if (decision) await recordExemptionDecision(trx, ctx, decision);
    await recordAudit(trx, ctx, {
      action: "exemption.end",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
    });
  });
}

/**
 * The exemption is not extended: the client asked for a longer one and is refused, or the consultant decides at
 * its review that it ends. It runs to its last day (its end date, or else its review date, which becomes its end
 * date) and then ends; the decision (exemptionNotExtended) with its letter takes effect the day after. Once per
 * exemption, checked under the client row's lock.
 */
export async function refuseExtension(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { reason: string; askedByClient?: boolean | null | undefined },
): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  const today = ctx.clock.today();
  const refusedBefore = async (reader: Kysely<Database>) =>
    extensionRefused((await decisionsAbout(reader, "exemption", [id])).get(id) ?? []);
  assertMayRefuseExtension(exemption, today, await refusedBefore(db));
  const lastDay = lastDayOf(exemption) ?? today;
  const client = await requireVisibleClient(db, ctx.actor, exemption.client_id);
  const decision = heldForUndo(
    ctx,
    await prepareExemptionDecision(ctx, client, exemption, {
      type: "exemptionNotExtended",
      reasons: input.reason,
      takesEffectOn: dayAfter(lastDay),
      askedByClient: input.askedByClient ?? false,
    }),
  );
  const now = nowIso(ctx.clock);
  await inTransaction(db, async (trx) => {
    const current = await lockedExemption(trx, exemption);
    assertMayRefuseExtension(current, today, await refusedBefore(trx));
    const stored = await updateExemptionIn(trx, id, "active", {
      end_date: lastDay,
      review_date: null,
      updated_at: now,
      ...undoStateColumn(current, "refuseExtension", decision.letter.letter.id, "active"),
    });
    if (!stored) throw conflict("exemptionState", "This exemption changed meanwhile.");
    await recordExemptionDecision(trx, ctx, decision);
    await recordAudit(trx, ctx, {
      action: "exemption.notExtended",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
      details: { askedByClient: input.askedByClient ?? false },
    });
  });
}

/** Stores a document as evidence for an exemption; its content was checked by `checkEvidence`. */
export async function addExemptionEvidence(db: Kysely<Database>, ctx: RequestContext, id: string, upload: Evidence) {
  const exemption = await requireVisibleExemption(db, ctx, id);
  assertTakesEvidence(exemption);
  return inTransaction(db, async (trx) => {
    // Under the client's lock, as an undo of the recording that removes the exemption: evidence never hangs on nothing.
    const current = await lockedExemption(trx, exemption);
    assertTakesEvidence(current);
    return storeDocument(trx, ctx, { clientId: current.client_id, subjectType: "exemption", subjectId: current.id }, upload);
  });
}

/**
 * Records the medical advice a medical request is decided on: who advised (an occupational physician or an
 * independent doctor), when, and the conclusion in functional terms. Health data: the audit names the
 * advisor's kind, never the conclusion.
 */
export async function addMedicalAdvice(db: Kysely<Database>, ctx: RequestContext, id: string, input: MedicalAdviceInput): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  assertTakesMedicalAdvice(exemption);
  assertAdviceGiven(input.advisedOn, ctx.clock.today());
  const now = nowIso(ctx.clock);
  const adviceId = randomUUID();
  await inTransaction(db, async (trx) => {
    // The advice may lower the client's capacity: a referral or step checked against it meanwhile waits here.
    await lockClient(trx, exemption.client_id);
    await insertMedicalAdvice(trx, {
      id: adviceId,
      exemption_id: id,
      client_id: exemption.client_id,
      advisor_kind: input.advisorKind,
      advisor_name: input.advisorName,
      advised_on: input.advisedOn,
      conclusion: input.conclusion,
      hours_per_week: input.hoursPerWeek ?? null,
      hours_per_day: input.hoursPerDay ?? null,
      days_per_week: input.daysPerWeek ?? null,
      functional_limits: JSON.stringify(input.functionalLimits),
      recorded_by: ctx.actor.id,
      created_at: now,
    });
    await recordAudit(trx, ctx, {
      action: "exemption.medicalAdvice",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
      details: { advisorKind: input.advisorKind, sensitive: true },
    });
  });
}

/** A client's exemptions, newest first; reading them is a sensitive read and is audited. */
export async function listExemptions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<ExemptionView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listClientExemptions(db, clientId);
  await recordAudit(db, ctx, {
    action: "exemption.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return viewsOf(db, rows);
}

/** Exemptions in the actor's scope with a status, e.g. those awaiting a team lead's co-signature. */
export async function listExemptionsByStatus(
  db: Kysely<Database>,
  ctx: RequestContext,
  status: ExemptionStatus,
  page: number,
  pageSize: number,
) {
  const { rows, total } = await pageExemptionsByStatus(db, ctx.actor, status, page, pageSize);
  await recordAudit(db, ctx, { action: "exemption.listByStatus", category: "read:sensitive", details: { status, count: rows.length } });
  return { views: await viewsOf(db, rows), total };
}
