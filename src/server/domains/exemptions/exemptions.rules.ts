import { type AbilityCheck, evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { DecisionRow, ExemptionRow } from "@server/db/schema.js";
import { conflict, forbidden, type InvalidParam, invalidField } from "@server/http/errors.js";
import { addMonths } from "@shared/dates.js";
import {
  type ExemptionAbilities,
  type ExemptionDecisionInput,
  type ExemptionInput,
  type ExemptionObligation,
  lastDayUnderFive,
  SINGLE_PARENT_GROUND,
} from "@shared/schemas/exemptions.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { assertLetterMayBeWithdrawn, type LetterDispatchFacts } from "../letters/letters.rules.js";
import { isExemptionInForce } from "../vocabulary.js";
import { exemptionPolicy } from "./exemptions.policy.js";
import type { ExemptionUndoState } from "./exemptions.undo-state.js";

/** Every code by which a rule of this file refuses; the table test lists a case for each. */
export const EXEMPTION_REFUSALS = [
  "alreadyRequested",
  "exemptionState",
  "sameDecider",
  "childNotUnderFive",
  "exemptionIsARight",
  "medicalAdviceRequired",
  "advisedOn:dateInFuture",
  "exemptionChanged",
  "exemptionHasRecords",
] as const;
export type ExemptionRefusal = (typeof EXEMPTION_REFUSALS)[number];

const refuse = (code: Exclude<ExemptionRefusal, "sameDecider" | `${string}:${string}`>, detail: string, invalidParams?: InvalidParam[]) =>
  conflict(code, detail, invalidParams);

type Terms = Pick<ExemptionInput, "scope" | "startDate" | "endDate" | "reviewDate"> & { obligations?: readonly ExemptionObligation[] };
type State = Pick<ExemptionRow, "status">;

/** Whether an exemption binds on a date: the vocabulary's "exemption in force". */
export function isInForce(row: Pick<ExemptionRow, "status" | "start_date" | "end_date">, date: string): boolean {
  return isExemptionInForce(row, date);
}

/** The obligations an exemption covers, as the API names them. */
export function obligationsOf(row: Pick<ExemptionRow, "covers_tegenprestatie" | "covers_work_obligations">): ExemptionObligation[] {
  return [
    ...(row.covers_tegenprestatie === 1 ? (["tegenprestatie"] as const) : []),
    ...(row.covers_work_obligations === 1 ? (["workObligations"] as const) : []),
  ];
}

/** The columns that store which obligations an exemption covers. */
export function obligationColumns(obligations: readonly ExemptionObligation[]) {
  return {
    covers_tegenprestatie: obligations.includes("tegenprestatie") ? 1 : 0,
    covers_work_obligations: obligations.includes("workObligations") ? 1 : 0,
  };
}

/**
 * Whether a full exemption from the tegenprestatie bound the client on a date, also when it has been ended since:
 * conduct on that date cannot be sanctioned. An exemption from the work obligations alone does not release from it.
 */
export function isFullExemptionOn(
  row: Pick<ExemptionRow, "scope" | "status" | "start_date" | "end_date" | "ended_on" | "covers_tegenprestatie">,
  date: string,
): boolean {
  return (
    row.scope === "full" &&
    row.covers_tegenprestatie === 1 &&
    (row.status === "active" || row.status === "ended") &&
    row.start_date <= date &&
    (row.end_date === null || row.end_date >= date) &&
    (row.ended_on === null || row.ended_on >= date)
  );
}

/**
 * A full exemption from the tegenprestatie that runs longer than the ordinance's threshold needs a team lead's
 * co-signature. An exemption from the work obligations alone is a single parent's right (art. 9a): nothing to
 * weigh twice.
 */
export function needsCoSign(terms: Terms, ordinance: Pick<Ordinance, "exemptionCoSignMonths">): boolean {
  const until = terms.endDate ?? terms.reviewDate;
  const fromTegenprestatie = terms.obligations === undefined || terms.obligations.includes("tegenprestatie");
  return (
    terms.scope === "full" &&
    fromTegenprestatie &&
    typeof until === "string" &&
    until > addMonths(terms.startDate, ordinance.exemptionCoSignMonths)
  );
}

export { lastDayUnderFive };

/** Art. 9a: the child is under five on the day the single parent's exemption starts. */
export function assertChildUnderFive(childBirthDate: string, startDate: string): void {
  if (childBirthDate > startDate || lastDayUnderFive(childBirthDate) < startDate)
    throw refuse("childNotUnderFive", "A single parent's exemption is for the care of a child under five on its start date.", [
      { name: "childBirthDate", code: "notAllowed", reason: "The child is not under five on the start date" },
    ]);
}

/** Art. 9a: a single parent's exemption runs at the longest until the day before the child's fifth birthday. */
export function assertEndsByFifthBirthday(childBirthDate: string, endDate: string | null | undefined): void {
  if (endDate && endDate > lastDayUnderFive(childBirthDate))
    throw refuse("childNotUnderFive", `A single parent's exemption ends at the latest on ${lastDayUnderFive(childBirthDate)}.`, [
      { name: "endDate", code: "notAllowed", reason: "After the day before the child's fifth birthday" },
    ]);
}

/**
 * Art. 9a: a single parent with full care of a child under five is exempted on request as a right, without the
 * weighing of urgent reasons. A refusal names the condition that is not met; the consultant cannot weigh it away.
 */
export function assertNotRefusedAtDiscretion(exemption: Pick<ExemptionRow, "type">, input: ExemptionDecisionInput): void {
  if (exemption.type === SINGLE_PARENT_GROUND && input.outcome === "refused" && !input.unmetCondition)
    throw refuse(
      "exemptionIsARight",
      "A single parent with full care of a child under five is exempted on request: name the unmet condition.",
      [{ name: "unmetCondition", code: "required", reason: "Which condition of art. 9a is not met" }],
    );
}

/** A medical request is granted or refused on medical advice, never on the consultant's own judgement alone. */
export function assertMedicalAdvice(exemption: Pick<ExemptionRow, "type">, adviceCount: number): void {
  if (exemption.type === "medical" && adviceCount === 0)
    throw refuse(
      "medicalAdviceRequired",
      "A medical request is decided on the advice of an occupational physician or an independent doctor.",
    );
}

/** Medical advice belongs to a medical exemption that is asked for or in effect; not to a refused or ended one. */
export function assertTakesMedicalAdvice(exemption: Pick<ExemptionRow, "type" | "status">): void {
  if (exemption.type !== "medical") throw refuse("exemptionState", "Only a medical exemption is decided on medical advice.");
  if (exemption.status === "refused" || exemption.status === "ended")
    throw refuse("exemptionState", `A ${exemption.status} exemption takes no new medical advice.`);
}

/** Advice is recorded once it was given: not dated after today. */
export function assertAdviceGiven(advisedOn: string, today: string): void {
  if (advisedOn > today) throw invalidField("advisedOn", "dateInFuture", "Advice is recorded once it was given");
}

/** One open request per kind of exemption: a second would only be decided twice. */
export function assertNoOpenRequest(openRequestsOfType: number): void {
  if (openRequestsOfType > 0) throw refuse("alreadyRequested", "There is already an open request for this kind of exemption.");
}

/** Only a request is decided (granted or refused). */
export function assertIsRequest(exemption: State): void {
  if (exemption.status !== "requested") throw refuse("exemptionState", `A ${exemption.status} exemption is not a request to decide.`);
}

/** Only an exemption waiting for its second signature is co-signed. */
export function assertAwaitingCoSign(exemption: State): void {
  if (exemption.status !== "awaitingCoSign") throw refuse("exemptionState", "This exemption does not wait for a co-signature.");
}

/** Second signature: the one who decided the exemption cannot co-sign it. */
export function assertSecondSigner(exemption: Pick<ExemptionRow, "decided_by">, actor: Pick<Actor, "id">): void {
  if (exemption.decided_by === actor.id) throw forbidden("sameDecider", "A second person co-signs: the one who decided cannot.");
}

/** Only an exemption that binds or waits to bind can be ended early. */
export function assertMayEnd(exemption: State): void {
  if (exemption.status !== "active" && exemption.status !== "awaitingCoSign")
    throw refuse("exemptionState", `A ${exemption.status} exemption cannot be ended.`);
}

/** Whether one of an exemption's decisions refused to extend it. */
export const extensionRefused = (decisions: readonly Pick<DecisionRow, "type">[]) =>
  decisions.some((d) => d.type === "exemptionNotExtended");

/**
 * Only an exemption that binds, with a last day (end or review date) still to come, can be not extended; and
 * only once.
 */
export function assertMayRefuseExtension(
  exemption: Pick<ExemptionRow, "status" | "end_date" | "review_date">,
  today: string,
  refusedBefore: boolean,
): void {
  if (exemption.status !== "active") throw refuse("exemptionState", `A ${exemption.status} exemption is not extended or refused.`);
  const lastDay = exemption.end_date ?? exemption.review_date;
  if (lastDay === null || lastDay < today) throw refuse("exemptionState", "This exemption has no last day to come.");
  if (refusedBefore) throw refuse("exemptionState", "The extension of this exemption was refused already.");
}

/** An exemption ends on or after the day it started. */
export function assertEndsAfterStart(exemption: Pick<ExemptionRow, "start_date">, endedOn: string): void {
  if (endedOn < exemption.start_date)
    throw refuse("exemptionState", "An exemption cannot end before it starts.", [
      { name: "endedOn", code: "beforeStart", reason: "Before the start date" },
    ]);
}

/** Evidence belongs to an exemption that is asked for, decided or ended; a refused request takes none. */
export function assertTakesEvidence(exemption: State): void {
  if (exemption.status === "refused") throw refuse("exemptionState", "A refused request takes no evidence.");
}

/**
 * An exemption's recording with its grant, last decision, co-signature, early end or refused extension is undone only
 * while the exemption is as that action left it: 409 `exemptionState` when there is none to undo (none made, or undone already),
 * `exemptionChanged` when it moved on since (it ran out, say). Whether its letter is still inside is the letters' rule.
 */
export function assertExemptionUndoable(exemption: State, undo: ExemptionUndoState | null): asserts undo is ExemptionUndoState {
  if (!undo) throw refuse("exemptionState", "There is no decision on this exemption to undo.");
  if (exemption.status !== undo.statusAfter)
    throw refuse("exemptionChanged", `This exemption is ${exemption.status} since: the decision can no longer be undone.`);
}

/** What hangs on an exemption besides its decisions: the evidence uploaded and the medical advice recorded on it. */
export interface ExemptionRecords {
  evidence: number;
  medicalAdvice: number;
}

/**
 * Undoing an exemption's recording removes it, so only while nothing hangs on it: with evidence or medical advice
 * recorded since, 409 `exemptionHasRecords` (end the exemption instead). Its other steps put it back as it was and keep
 * what hangs on it.
 */
export function assertRecordingUndoable(undo: ExemptionUndoState, records: ExemptionRecords): void {
  if (undo.action !== "record") return;
  if (records.evidence > 0 || records.medicalAdvice > 0)
    throw refuse(
      "exemptionHasRecords",
      "Evidence or medical advice is recorded on this exemption: end it instead of undoing its recording.",
    );
}

/** What decides whether the caller can undo the exemption's last action now, loaded with the exemption. */
export interface ExemptionUndoFacts {
  undo: ExemptionUndoState | null;
  /** How many pieces of evidence hang on the exemption (its medical advice is counted by the caller). */
  evidence: number;
  /** Whether that action's letter has left the building, and who made it. */
  letter: (LetterDispatchFacts & { createdBy: string | null }) | null;
}

/**
 * What the caller may do with an exemption, by the same rules its routes enforce; `adviceCount` is its medical
 * advice, not extending it looks at today and its decisions, and undoing at its last action and that one's letter.
 */
export function exemptionAbilities(
  actor: Actor,
  exemption: ExemptionRow,
  adviceCount = 0,
  facts: { today: string; decisions: readonly Pick<DecisionRow, "type">[]; undo?: ExemptionUndoFacts } = {
    today: actor.scopeDate,
    decisions: [],
  },
): ExemptionAbilities {
  const undo = facts.undo ?? { undo: null, evidence: 0, letter: null };
  const checks: Record<keyof ExemptionAbilities, AbilityCheck> = {
    decide: {
      policy: exemptionPolicy.decide,
      assert: () => {
        assertIsRequest(exemption);
        assertMedicalAdvice(exemption, adviceCount);
      },
    },
    coSign: {
      policy: exemptionPolicy.coSign,
      assert: () => {
        assertAwaitingCoSign(exemption);
        assertSecondSigner(exemption, actor);
      },
    },
    end: { policy: exemptionPolicy.decide, assert: () => assertMayEnd(exemption) },
    addEvidence: { policy: exemptionPolicy.upload, assert: () => assertTakesEvidence(exemption) },
    addMedicalAdvice: { policy: exemptionPolicy.medicalAdvice, assert: () => assertTakesMedicalAdvice(exemption) },
    refuseExtension: {
      policy: exemptionPolicy.decide,
      assert: () => assertMayRefuseExtension(exemption, facts.today, extensionRefused(facts.decisions)),
    },
    undo: {
      policy: exemptionPolicy.undo,
      assert: () => {
        assertExemptionUndoable(exemption, undo.undo);
        assertRecordingUndoable(undo.undo, { evidence: undo.evidence, medicalAdvice: adviceCount });
        if (!undo.letter) throw refuse("exemptionState", "The letter of this decision is not found.");
        assertLetterMayBeWithdrawn(undo.letter, actor);
      },
    },
  };
  return evaluateAbilities(actor, checks);
}

/** What the caller may do with a client's exemptions as a whole: record one decided, or ask for one. */
export function exemptionListAbilities(actor: Actor): { record: boolean; request: boolean } {
  return { record: exemptionPolicy.create.allows(actor), request: exemptionPolicy.request.allows(actor) };
}
