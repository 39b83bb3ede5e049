import { type AbilityCheck, evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { DecisionRow } from "@server/db/schema.js";
import { conflict, type FieldErrorCode, invalidField } from "@server/http/errors.js";
import { addDays, isoWeekday } from "@shared/dates.js";
import { decisionPolicy } from "./decisions.policy.js";

/** Every code by which a rule of this file refuses; the table test lists a case for each. */
export const DECISION_REFUSALS = ["objectionExists", "notObjectable", "receivedOn:dateInFuture", "receivedOn:beforeStart"] as const;
type Refusal = (typeof DECISION_REFUSALS)[number];
type FieldRefusal = Extract<Refusal, `${string}:${string}`>;

const refuse = (code: Exclude<Refusal, FieldRefusal>, detail: string) => conflict(code, detail);
const invalid = (code: FieldRefusal, reason: string) => {
  const [name = "", fieldCode = ""] = code.split(":");
  return invalidField(name, fieldCode as FieldErrorCode, reason);
};

/** The objection and appeal terms: six weeks (Awb 6:7), and the decision term on an objection (Awb 7:10 lid 1). */
export const SIX_WEEKS = 42;

/** Easter Sunday of a year (the anonymous Gregorian algorithm), as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The general holidays of the Algemene termijnenwet (art. 3), with Good Friday: New Year's Day, Good Friday, Easter
 * Sunday and Monday, King's Day (27 April, or 26 April when the 27th is a Sunday), 5 May, Ascension Day, Whit
 * Sunday and Monday, Christmas Day and Boxing Day.
 */
export function generalHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const kingsDay = isoWeekday(`${year}-04-27`) === 7 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([
    `${year}-01-01`,
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    kingsDay,
    `${year}-05-05`,
    addDays(easter, 39),
    addDays(easter, 49),
    addDays(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
}

/** Whether a date is a Saturday, a Sunday or a general holiday. */
export function isNonWorkingDay(date: string): boolean {
  return isoWeekday(date) >= 6 || generalHolidays(Number(date.slice(0, 4))).has(date);
}

/** A statutory term ending on a Saturday, Sunday or general holiday runs on to the next day that is none of these (Atw art. 1). */
export function termEnd(lastDay: string): string {
  let day = lastDay;
  while (isNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The last day to object to (or appeal against) a decision whose letter carries this date: six weeks starting the
 * day after (Awb 6:7, 6:8), so the same weekday six weeks on, moved past weekends and holidays (Atw).
 */
export function objectionTermEndsOn(letterDate: string): string {
  return termEnd(addDays(letterDate, SIX_WEEKS));
}

/** The first day of the objection term: the day after the letter's date (Awb 6:8). */
export function objectionTermStartsOn(letterDate: string): string {
  return addDays(letterDate, 1);
}

/** A decision on objection is open to appeal at the court, not to another objection (Awb 7:1, 8:1). */
export function assertObjectable(decision: Pick<DecisionRow, "type" | "letter_id">): void {
  if (decision.type === "objectionDecision" || decision.letter_id === null)
    throw refuse("notObjectable", "A decision on objection is appealed at the court; there is no second objection.");
}

/** One objection per decision. */
export function assertNoObjectionYet(objection: object | null | undefined): void {
  if (objection) throw refuse("objectionExists", "An objection against this decision is registered already.");
}

/** An objection is registered on a day that has come, and not before the decision's letter. */
export function assertReceivedOnPlausible(receivedOn: string, letterDate: string, today: string): void {
  if (receivedOn > today) throw invalid("receivedOn:dateInFuture", "The objection must have been received");
  if (receivedOn < letterDate) throw invalid("receivedOn:beforeStart", "An objection is received after the decision's letter");
}

/** Everything that registering an objection against a decision checks. */
export function assertMayObject(
  decision: Pick<DecisionRow, "type" | "letter_id">,
  objection: object | null | undefined,
  receivedOn: string,
  letterDate: string,
  today: string,
): void {
  assertObjectable(decision);
  assertNoObjectionYet(objection);
  assertReceivedOnPlausible(receivedOn, letterDate, today);
}

/** What the caller may do with a decision. */
export function decisionAbilities(
  actor: Actor,
  facts: { decision: DecisionRow; letterDate: string | null; hasObjection: boolean; today: string },
): { object: boolean } {
  const checks: Record<"object", AbilityCheck> = {
    object: {
      policy: decisionPolicy.object,
      assert: () =>
        assertMayObject(facts.decision, facts.hasObjection ? {} : null, facts.today, facts.letterDate ?? facts.today, facts.today),
    },
  };
  return evaluateAbilities(actor, checks);
}
