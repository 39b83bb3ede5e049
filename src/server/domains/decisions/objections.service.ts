import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database, DecisionRow, ObjectionRow, SanctionRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound, requireFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import type { HearingSkipReason, ObjectionInput, ObjectionOutcomeInput } from "@shared/schemas/decisions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { findSanction, updateSanction } from "../sanctions/sanctions.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import {
  findObjection,
  hearingsOf,
  insertObjection,
  insertObjectionHearing,
  letterDates,
  objectionsAgainst,
  updateOpenObjection,
} from "./decisions.repo.js";
import { assertMayObject, objectionTermEndsOn } from "./decisions.rules.js";
import {
  type ObjectionView,
  prepareDecisionLetter,
  recordDecision,
  requireVisibleDecision,
  undoableLettersOf,
} from "./decisions.service.js";
import {
  assertCorrectsLatest,
  assertHeldInPast,
  assertLate,
  assertMayDecideObjection,
  assertMayExtendWithConsent,
  assertMayHear,
  assertMayPostpone,
  assertMayWaiveHearing,
  assertMilder,
  assertNotInvolved,
  assertPostedBeforeReceipt,
  decideByFor,
  isOnTime,
  postponedDecideBy,
} from "./objections.rules.js";

/**
 * Registers an objection (Awb 6:4) by the client through the portal (received today) or by staff on their
 * behalf. A late one is registered and flagged (Awb 6:9, 6:11); one objection per decision (409 objectionExists,
 * also when two arrive at once: the unique index decides).
 */
export async function registerObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  decisionId: string,
  input: ObjectionInput,
): Promise<string> {
  const decision = await requireVisibleDecision(db, ctx, decisionId);
  const today = ctx.clock.today();
  const byClient = ctx.actor.role === "client";
  const receivedOn = byClient ? today : input.receivedOn;
  const postedOn = byClient ? null : (input.postedOn ?? null);
  const letterDate = (await letterDates(db, [decision.letter_id])).get(decision.letter_id ?? "") ?? decision.decided_on;
  assertMayObject(decision, (await objectionsAgainst(db, [decision.id])).get(decision.id), receivedOn, letterDate, today);
  assertPostedBeforeReceipt({ receivedOn, postedOn });
  const termEndsOn = decision.objection_term_ends_on ?? objectionTermEndsOn(letterDate);
  const onTime = isOnTime({ receivedOn, postedOn }, termEndsOn);
  const advisoryCommittee = !!input.advisoryCommittee;
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await insertObjection(trx, {
      id,
      decision_id: decision.id,
      client_id: decision.client_id,
      received_on: receivedOn,
      posted_on: postedOn,
      grounds: input.grounds,
      representative: input.representative ?? null,
      on_time: onTime ? 1 : 0,
      lateness_excusable: null,
      lateness_reasons: null,
      objection_term_ends_on: termEndsOn,
      decide_by: decideByFor({ onTime, termEndsOn, receivedOn, advisoryCommittee }),
      advisory_committee: advisoryCommittee ? 1 : 0,
      postponed: 0,
      postponement_letter_id: null,
      postponement_reasons: null,
      consent_given_on: null,
      consent_note: null,
      hearing_invitation_letter_id: null,
      hearing_skip_reason: null,
      hearing_skip_note: null,
      outcome: null,
      outcome_on: null,
      outcome_reasons: null,
      outcome_decision_id: null,
      registered_by: ctx.actor.id,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "objection.register",
      category: "write",
      clientId: decision.client_id,
      subjectType: "objection",
      subjectId: id,
      details: { onTime },
    });
  });
  return id;
}

/** An objection whose client the actor may see, with the decision objected to, or 404. */
async function requireObjection(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const objection = await findObjection(db, id);
  if (!objection) throw notFound("objection");
  const decision = await requireVisibleDecision(db, ctx, objection.decision_id);
  const hearings = (await hearingsOf(db, [id])).get(id) ?? [];
  return { objection, decision, hearings };
}

/** Loads an objection to present, with every version of its hearing record and the names in it. */
export async function loadObjection(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ObjectionView> {
  const { objection, decision, hearings } = await requireObjection(db, ctx, id);
  const names = await displayNamesOf(
    db,
    hearings.map((h) => h.conducted_by),
  );
  return { objection, decision, hearings, names, undoable: await undoableLettersOf(db, ctx, objection) };
}

/** One objection, its read audited as sensitive. */
export async function readObjection(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ObjectionView> {
  const view = await loadObjection(db, ctx, id);
  await recordAudit(db, ctx, {
    action: "objection.read",
    category: "read:sensitive",
    clientId: view.objection.client_id,
    subjectType: "objection",
    subjectId: id,
  });
  return view;
}

/**
 * Runs a change to an objection in a transaction holding the client's lock, after the rules were checked again
 * on the objection as it is now (they were checked before the letter was rendered, outside the transaction).
 */
export async function changeObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  action: string,
  check: (objection: ObjectionRow, hearingVersions: number) => void,
  work: (trx: Kysely<Database>, objection: ObjectionRow, hearingVersions: number) => Promise<void>,
  details?: Record<string, string | number | boolean | null>,
): Promise<void> {
  const { decision } = await requireObjection(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockClient(trx, decision.client_id);
    const objection = await findObjection(trx, id);
    if (!objection) throw notFound("objection");
    const versions = ((await hearingsOf(trx, [id])).get(id) ?? []).length;
    check(objection, versions);
    await work(trx, objection, versions);
    await recordAudit(trx, ctx, {
      action,
      category: "write",
      clientId: decision.client_id,
      subjectType: "objection",
      subjectId: id,
      ...(details ? { details } : {}),
    });
  });
}

/** Refuses with 409 `objectionDecided` when a conditional change found the objection decided meanwhile. */
export const mustUpdate = async (done: Promise<boolean>) => {
  if (!(await done)) throw conflict("objectionDecided", "This objection was decided meanwhile.");
};

/** Records whether the lateness of a late objection is excused (Awb 6:11). */
export async function excuseLateness(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { excusable: boolean; reasons: string },
): Promise<void> {
  assertLate((await requireObjection(db, ctx, id)).objection);
  await changeObjection(db, ctx, id, "objection.lateness", assertLate, (trx) =>
    mustUpdate(updateOpenObjection(trx, id, { lateness_excusable: input.excusable ? 1 : 0, lateness_reasons: input.reasons })),
  );
}

/**
 * Postpones the decision term once by six weeks, with a letter to the client (Awb 7:10 lid 3). The date it replaces is
 * kept, so that undoing the postponement while its letter is inside puts it back.
 */
export async function postpone(db: Kysely<Database>, ctx: RequestContext, id: string, input: { reasons: string }): Promise<void> {
  const { objection, decision } = await requireObjection(db, ctx, id);
  assertMayPostpone(objection);
  const client = await requireVisibleClient(db, ctx.actor, decision.client_id);
  const decideBy = postponedDecideBy(objection.decide_by);
  const letter = await prepareLetter(ctx, {
    client,
    kind: "objectionPostponement",
    template: "objection-postponement",
    registered: false,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      decideBy: formatDutchDate(decideBy),
      reasons: input.reasons,
      receivedOn: formatDutchDate(objection.received_on),
      phone: municipality.phone,
      sentBy: ctx.actor.displayName,
    },
  });
  await changeObjection(
    db,
    ctx,
    id,
    "objection.postpone",
    assertMayPostpone,
    async (trx, current) => {
      if (current.decide_by !== objection.decide_by) throw conflict("alreadyPostponed", "The decision term changed meanwhile.");
      await storeLetter(trx, ctx, holdForUndo(ctx, letter));
      await mustUpdate(
        updateOpenObjection(trx, id, {
          postponed: 1,
          decide_by: decideBy,
          decide_by_before_postponement: current.decide_by,
          postponement_letter_id: letter.id,
          postponement_reasons: input.reasons,
        }),
      );
    },
    { decideBy },
  );
}

/** Postpones further with the client's consent (Awb 7:10 lid 4): the date of consent and the new date are recorded. */
export async function extendWithConsent(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { consentGivenOn: string; decideBy: string; note: string },
): Promise<void> {
  const today = ctx.clock.today();
  await changeObjection(
    db,
    ctx,
    id,
    "objection.consentExtension",
    (objection) => assertMayExtendWithConsent(objection, input, today),
    (trx) =>
      mustUpdate(
        updateOpenObjection(trx, id, { decide_by: input.decideBy, consent_given_on: input.consentGivenOn, consent_note: input.note }),
      ),
    { decideBy: input.decideBy },
  );
}

/** Invites the client to be heard (Awb 7:2), by letter; by someone not involved in the decision (Awb 7:5). */
export async function inviteToHearing(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const { objection, decision } = await requireObjection(db, ctx, id);
  assertNotInvolved(decision, ctx.actor);
  assertMayHear(objection);
  const client = await requireVisibleClient(db, ctx.actor, decision.client_id);
  const letter = await prepareLetter(ctx, {
    client,
    kind: "objectionHearing",
    template: "objection-hearing",
    registered: false,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      receivedOn: formatDutchDate(objection.received_on),
      primaryDecidedOn: formatDutchDate(decision.decided_on),
      primarySummary: decision.summary,
      phone: municipality.phone,
      sentBy: ctx.actor.displayName,
    },
  });
  await changeObjection(db, ctx, id, "objection.inviteToHearing", assertMayHear, async (trx) => {
    await storeLetter(trx, ctx, holdForUndo(ctx, letter));
    await mustUpdate(updateOpenObjection(trx, id, { hearing_invitation_letter_id: letter.id }));
  });
}

/**
 * Records the hearing, or a correction of it as a new version that names the version it corrects (every version is
 * kept and shown to the decider). Conducted by someone not involved in the decision (403 involvedInDecision).
 */
export async function recordObjectionHearing(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { heldOn: string; record: string; correctionOf?: number | null | undefined },
): Promise<void> {
  const { decision } = await requireObjection(db, ctx, id);
  const today = ctx.clock.today();
  const check = (objection: ObjectionRow, versions: number) => {
    assertNotInvolved(decision, ctx.actor);
    assertMayHear(objection);
    assertHeldInPast(input.heldOn, today);
    assertCorrectsLatest(versions, input.correctionOf);
  };
  await changeObjection(
    db,
    ctx,
    id,
    "objection.hearing",
    check,
    (trx, _objection, versions) =>
      insertObjectionHearing(trx, {
        id: randomUUID(),
        objection_id: id,
        version: versions + 1,
        held_on: input.heldOn,
        record: input.record,
        conducted_by: ctx.actor.id,
        correction_of: input.correctionOf ?? null,
        recorded_at: nowIso(ctx.clock),
      }),
    { correction: !!input.correctionOf },
  );
}

/** Records why the client is not heard (Awb 7:3): manifestly inadmissible or unfounded, waived, or fully upheld. */
export async function waiveHearing(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { reason: HearingSkipReason; note: string },
): Promise<void> {
  await changeObjection(
    db,
    ctx,
    id,
    "objection.hearingWaiver",
    assertMayWaiveHearing,
    (trx) => mustUpdate(updateOpenObjection(trx, id, { hearing_skip_reason: input.reason, hearing_skip_note: input.note })),
    { reason: input.reason },
  );
}

const SKIP_TEXT: Record<HearingSkipReason, string> = {
  manifestlyInadmissible: "Wij hebben u niet gehoord, omdat wij uw bezwaar duidelijk niet kunnen behandelen.",
  manifestlyUnfounded: "Wij hebben u niet gehoord, omdat duidelijk is dat uw bezwaar niet slaagt.",
  waived: "U heeft laten weten dat u niet gehoord wilde worden.",
  fullyUpheld: "Wij hebben u niet gehoord, omdat wij u helemaal gelijk geven.",
};

/** The fields of a sanction a decision on objection changes: kept as they were, so that undoing it puts them back. */
export type SanctionOutcomeField = "revoked" | "percentage" | "months";

/** What a decision on objection changes of a sanction. */
interface SanctionChange {
  id: string;
  set: Partial<Pick<SanctionRow, SanctionOutcomeField>>;
}

/** What a decision on objection says and what it changes of the sanction it is about, if any. */
async function outcomeEffect(
  db: Kysely<Database>,
  decision: DecisionRow,
  input: ObjectionOutcomeInput,
): Promise<{ summary: string; sanction: SanctionChange | null }> {
  const primaryOn = formatDutchDate(decision.decided_on);
  if (input.outcome === "inadmissible")
    return { summary: `Wij behandelen uw bezwaar niet (niet-ontvankelijk). Ons besluit van ${primaryOn} blijft staan.`, sanction: null };
  if (input.outcome === "unfounded")
    return { summary: `Uw bezwaar is ongegrond. Ons besluit van ${primaryOn} blijft staan.`, sanction: null };
  const sanction = decision.subject_type === "sanction" ? await findSanction(db, decision.subject_id) : undefined;
  if (input.outcome === "wellFounded") {
    if (!sanction) return { summary: `Uw bezwaar is gegrond. Wij trekken ons besluit van ${primaryOn} in.`, sanction: null };
    return {
      summary:
        `Uw bezwaar is gegrond. Wij trekken de maatregel van ${primaryOn} in: uw bijstand wordt niet verlaagd. ` +
        "Wat wij al van uw bijstand hebben ingehouden, betalen wij aan u terug.",
      sanction: { id: sanction.id, set: { revoked: 1 } },
    };
  }
  if (!sanction) return { summary: `Uw bezwaar is voor een deel gegrond. Wij veranderen ons besluit van ${primaryOn}.`, sanction: null };
  assertMilder(sanction, input);
  const percentage = input.percentage ?? sanction.percentage ?? 0;
  const months = input.months ?? sanction.months ?? 0;
  return {
    summary:
      `Uw bezwaar is voor een deel gegrond. De maatregel van ${primaryOn} wordt lager: uw bijstand wordt ${months} ` +
      `${months === 1 ? "maand" : "maanden"} verlaagd met ${percentage} procent. Wat wij te veel hebben ingehouden, betalen wij aan u terug.`,
    sanction: { id: sanction.id, set: { percentage, months } },
  };
}

/** Changes the sanction as the decision on objection says, and answers what it was before (JSON, kept for undo). */
async function applySanctionChange(trx: Kysely<Database>, change: SanctionChange): Promise<string> {
  const sanction = requireFound(await findSanction(trx, change.id), "sanction");
  const before = { revoked: sanction.revoked, percentage: sanction.percentage, months: sanction.months };
  await updateSanction(trx, change.id, change.set);
  return JSON.stringify(before);
}

/**
 * The decision on objection (Awb 7:11), by someone other than the primary decision's proposer and decider (403
 * involvedInDecision), after the hearing or its recorded reason not to (409 hearingRequired). It is itself a
 * decision, with a letter carrying the appeal notice; when (partly) well founded it replaces the primary decision,
 * and a sanction is revoked (its deduction to be repaid) or lowered.
 */
export async function decideObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: ObjectionOutcomeInput,
): Promise<string> {
  const { objection, decision, hearings } = await requireObjection(db, ctx, id);
  assertMayDecideObjection(decision, objection, hearings.length, ctx.actor, input.outcome);
  const effect = await outcomeEffect(db, decision, input);
  const client = await requireVisibleClient(db, ctx.actor, decision.client_id);
  const lastHearing = hearings.at(-1);
  const hearingText = lastHearing
    ? `Wij hebben u gehoord op ${formatDutchDate(lastHearing.held_on)}. ${lastHearing.record}`
    : objection.hearing_skip_reason
      ? SKIP_TEXT[objection.hearing_skip_reason]
      : "Wij hebben u niet gehoord, omdat wij uw bezwaar niet kunnen behandelen.";
  const legalBasis = `Artikel 7:11 Algemene wet bestuursrecht; het besluit rust op: ${decision.legal_basis}`;
  const letter = await prepareDecisionLetter(ctx, {
    client,
    type: "objectionDecision",
    template: "objection-decision",
    kind: "objectionDecision",
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      summary: effect.summary,
      receivedOn: formatDutchDate(objection.received_on),
      primaryDecidedOn: formatDutchDate(decision.decided_on),
      primarySummary: decision.summary,
      grounds: objection.grounds,
      hearing: hearingText,
      reasons: input.reasons,
      legalBasis,
      decidedBy: ctx.actor.displayName,
    },
  });
  const replaces = input.outcome === "wellFounded" || input.outcome === "partlyWellFounded";
  let outcomeDecisionId = "";
  await changeObjection(
    db,
    ctx,
    id,
    "objection.decide",
    (current, versions) => assertMayDecideObjection(decision, current, versions, ctx.actor, input.outcome),
    async (trx) => {
      const recorded = await recordDecision(trx, ctx, {
        clientId: decision.client_id,
        type: "objectionDecision",
        subject: { type: decision.subject_type, id: decision.subject_id },
        summary: effect.summary,
        legalBasis,
        ordinanceVersion: decision.ordinance_version,
        facts: `Bezwaar ontvangen op ${formatDutchDate(objection.received_on)}: ${objection.grounds}`,
        reasons: input.reasons,
        letter: { ...letter, letter: holdForUndo(ctx, letter.letter) },
        preparedBy: ctx.actor.id,
        takesEffectOn: ctx.clock.today(),
        replacesDecisionId: replaces ? decision.id : null,
      });
      outcomeDecisionId = recorded.id;
      await mustUpdate(
        updateOpenObjection(trx, id, {
          outcome: input.outcome,
          outcome_on: ctx.clock.today(),
          outcome_reasons: input.reasons,
          outcome_decision_id: recorded.id,
          sanction_before_outcome: effect.sanction ? await applySanctionChange(trx, effect.sanction) : null,
        }),
      );
    },
    { outcome: input.outcome },
  );
  return outcomeDecisionId;
}
