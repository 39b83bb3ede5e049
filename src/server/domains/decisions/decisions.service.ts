import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type {
  ClientRow,
  Database,
  DecisionRow,
  DecisionsTable,
  LettersTable,
  ObjectionHearingRow,
  ObjectionRow,
} from "@server/db/schema.js";
import { notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import type { LetterTemplate } from "@server/letters/templates.js";
import type { DecisionType } from "@shared/schemas/decisions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { type LetterRequest, mayWithdrawAll, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { displayNamesOf } from "../users/users.repo.js";
import { objectionPolicy } from "./decisions.policy.js";
import {
  findDecision,
  hearingsOf,
  insertDecision,
  letterDates,
  listClientDecisions,
  objectionsAgainst,
  replacementsOf,
} from "./decisions.repo.js";
import { objectionTermEndsOn, objectionTermStartsOn } from "./decisions.rules.js";
import type { ObjectionLettersUndoable } from "./objections.rules.js";

/** A decision letter rendered outside any transaction, ready for `recordDecision` to store with its decision. */
export interface PreparedDecisionLetter {
  letter: LettersTable;
  letterDate: string;
  /** The last day to object (null for a decision on objection, whose letter gives the appeal term instead). */
  objectionTermEndsOn: string | null;
}

export interface DecisionLetterRequest {
  client: ClientRow;
  type: DecisionType;
  /** A template that ends with `{{> remedy}}` (or `{{> appeal}}` for a decision on objection); `decision` fits any. */
  template: LetterTemplate;
  /** The template's own fields; the remedy notice's (`remedy.from`, `remedy.until`, …) are added here. */
  data: Record<string, unknown>;
  /** The letter's kind in the letters list; `decision` by default. */
  kind?: string;
  /** Registered mail; true by default, as the objection term runs from the letter. */
  registered?: boolean;
  /** Today by default. */
  letterDate?: string;
  /** Set by the demo history, which makes letters in the past with ids that follow from its seed. */
  id?: string;
  createdAt?: string;
  /** Lays out the PDF; this thread by default (the demo history lays out its thousands of letters on worker threads). */
  render?: LetterRequest["render"];
}

/** The fields of the remedy (or appeal) notice: from the day after the letter to the last day, and how. */
export function remedyData(letterDate: string): Record<string, string> {
  return {
    from: formatDutchDate(objectionTermStartsOn(letterDate)),
    until: formatDutchDate(objectionTermEndsOn(letterDate)),
    address: municipality.objectionAddress,
    portal: municipality.objectionPortal,
    phone: municipality.phone,
    ombudsman: municipality.ombudsman,
    juridischLoket: municipality.juridischLoket,
    court: municipality.court,
  };
}

/**
 * Renders a decision's letter (PDF) with the legal remedy notice, outside any transaction: the objection term
 * (or, for a decision on objection, the appeal term) runs six weeks from the day after the letter's date, moved
 * past weekends and holidays. Store it with `recordDecision` inside the transaction that makes the decision.
 */
export async function prepareDecisionLetter(ctx: RequestContext, request: DecisionLetterRequest): Promise<PreparedDecisionLetter> {
  const letterDate = request.letterDate ?? ctx.clock.today();
  const letter = await prepareLetter(ctx, {
    client: request.client,
    kind: request.kind ?? "decision",
    template: request.template,
    registered: request.registered ?? true,
    letterDate,
    data: { ...request.data, remedy: remedyData(letterDate) },
    ...(request.id ? { id: request.id } : {}),
    ...(request.createdAt ? { createdAt: request.createdAt } : {}),
    ...(request.render ? { render: request.render } : {}),
  });
  return {
    letter,
    letterDate,
    objectionTermEndsOn: request.type === "objectionDecision" ? null : objectionTermEndsOn(letterDate),
  };
}

export interface RecordDecisionInput {
  clientId: string;
  type: DecisionType;
  /** The record the decision is about: `{ type: "sanction", id }`, a plan, a placement, an exemption… */
  subject: { type: string; id: string };
  /** The decision in one plain Dutch sentence, as the letter's first sentence. */
  summary: string;
  /** The article(s) it rests on, with the ordinance version where one applies. */
  legalBasis: string;
  ordinanceVersion?: number | null;
  facts: string;
  reasons: string;
  /** Its letter from `prepareDecisionLetter`; null only for a decision that has none. */
  letter: PreparedDecisionLetter | null;
  /** Who prepared (proposed) it, e.g. the consultant who proposed a sanction; involved in it as the decider is (Awb 7:5). */
  preparedBy?: string | null;
  /** The decision-maker; the request's actor by default. */
  decidedBy?: string;
  /** Today by default. */
  decidedOn?: string;
  takesEffectOn: string;
  /** A decision on objection (or a correction) names the decision it replaces. */
  replacesDecisionId?: string | null;
}

/**
 * Stores a decision with its letter, inside the caller's transaction (the caller holds whatever lock its rule
 * needs). Decisions are never changed afterwards: a correction is a new decision that names the one it replaces.
 */
export async function recordDecision(trx: Kysely<Database>, ctx: RequestContext, input: RecordDecisionInput): Promise<DecisionsTable> {
  if (input.letter) await storeLetter(trx, ctx, input.letter.letter);
  const row: DecisionsTable = {
    id: randomUUID(),
    client_id: input.clientId,
    type: input.type,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    summary: input.summary,
    legal_basis: input.legalBasis,
    ordinance_version: input.ordinanceVersion ?? null,
    facts: input.facts,
    reasons: input.reasons,
    prepared_by: input.preparedBy ?? null,
    decided_by: input.decidedBy ?? ctx.actor.id,
    decided_on: input.decidedOn ?? ctx.clock.today(),
    takes_effect_on: input.takesEffectOn,
    letter_id: input.letter?.letter.id ?? null,
    objection_term_ends_on: input.letter?.objectionTermEndsOn ?? null,
    replaces_decision_id: input.replacesDecisionId ?? null,
    created_at: nowIso(ctx.clock),
  };
  await insertDecision(trx, row);
  await recordAudit(trx, ctx, {
    action: "decision.record",
    category: "write",
    clientId: input.clientId,
    subjectType: "decision",
    subjectId: row.id,
    details: { type: input.type, subject: input.subject.type },
  });
  return row;
}

/** An objection with what its presenter shows beside it. */
export interface ObjectionView {
  objection: ObjectionRow;
  decision: DecisionRow;
  hearings: ObjectionHearingRow[];
  names: Map<string, string>;
  undoable: ObjectionLettersUndoable;
}

/** A decision with what its presenter shows beside it. */
export interface DecisionView {
  decision: DecisionRow;
  letterDate: string | null;
  replacedBy: string | null;
  names: Map<string, string>;
  objection: ObjectionView | null;
  today: string;
}

/**
 * Which letters of an objection's steps the caller could withdraw now, undoing the step: the postponement's, the hearing
 * invitation's and the decision on objection's. Only staff who handle objections undo; nobody else needs the reads.
 */
export async function undoableLettersOf(
  db: Kysely<Database>,
  ctx: RequestContext,
  objection: ObjectionRow,
): Promise<ObjectionLettersUndoable> {
  const none = { postponement: false, hearingInvitation: false, outcome: false };
  if (!objectionPolicy.handle.allows(ctx.actor)) return none;
  const may = (letterId: string | null | undefined) => (letterId ? mayWithdrawAll(db, ctx, [letterId]) : Promise.resolve(false));
  const outcome = objection.outcome_decision_id ? await findDecision(db, objection.outcome_decision_id) : undefined;
  return {
    postponement: await may(objection.postponement_letter_id),
    hearingInvitation: await may(objection.hearing_invitation_letter_id),
    outcome: await may(outcome?.letter_id),
  };
}

/** Loads what the presenter and the abilities look at for each decision, once for all of them. */
export async function decisionViewsOf(db: Kysely<Database>, ctx: RequestContext, rows: DecisionRow[]): Promise<DecisionView[]> {
  if (rows.length === 0) return [];
  const today = ctx.clock.today();
  const ids = rows.map((r) => r.id);
  const objections = await objectionsAgainst(db, ids);
  const hearings = await hearingsOf(
    db,
    [...objections.values()].map((o) => o.id),
  );
  const names = await displayNamesOf(db, [...rows.map((r) => r.decided_by), ...[...hearings.values()].flat().map((h) => h.conducted_by)]);
  const dates = await letterDates(
    db,
    rows.map((r) => r.letter_id),
  );
  const replacements = await replacementsOf(db, ids);
  const views: DecisionView[] = [];
  for (const decision of rows) {
    const objection = objections.get(decision.id);
    views.push({
      decision,
      letterDate: decision.letter_id ? (dates.get(decision.letter_id) ?? null) : null,
      replacedBy: replacements.get(decision.id) ?? null,
      names,
      objection: objection
        ? { objection, decision, hearings: hearings.get(objection.id) ?? [], names, undoable: await undoableLettersOf(db, ctx, objection) }
        : null,
      today,
    });
  }
  return views;
}

/** A decision about a client the actor may see, or 404. */
export async function requireVisibleDecision(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<DecisionRow> {
  const decision = await findDecision(db, id);
  if (!decision) throw notFound("decision");
  await requireVisibleClient(db, ctx.actor, decision.client_id);
  return decision;
}

/** One decision in scope, ready to present (not audited: used after a write the audit already records). */
export async function loadDecision(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<DecisionView> {
  const [view] = await decisionViewsOf(db, ctx, [await requireVisibleDecision(db, ctx, id)]);
  if (!view) throw notFound("decision");
  return view;
}

/** A client's decisions, newest first; the client sees their own. Benefit data: the read is audited as sensitive. */
export async function listDecisions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<DecisionView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listClientDecisions(db, clientId);
  await recordAudit(db, ctx, {
    action: "decision.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return decisionViewsOf(db, ctx, rows);
}

/** One decision, its read audited as sensitive. */
export async function readDecision(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<DecisionView> {
  const view = await loadDecision(db, ctx, id);
  await recordAudit(db, ctx, {
    action: "decision.read",
    category: "read:sensitive",
    clientId: view.decision.client_id,
    subjectType: "decision",
    subjectId: id,
  });
  return view;
}
