import { conflict, invalidField } from "@server/http/errors.js";
import { addDays, addMonths } from "@shared/dates.js";
import { type AgencyResultFields, type AssignmentStatus, LASTING_PLACEMENT_MONTHS } from "@shared/schemas/agencies.js";

/** Every code by which a rule of this file refuses (a field's code as `field:code`); the table test lists a case for each. */
export const AGENCY_REFUSALS = [
  "endDate:beforeStart",
  "endDate:dateInPast",
  "assignmentOverlaps",
  "assignmentEnded",
  "assignmentOver",
  "endedOn:beforeStart",
  "endedOn:afterPlannedEnd",
] as const;

interface Period {
  start_date: string;
  end_date: string;
}

/** An assignment ends on or after its start, and not before today: a period that is over can no longer be worked. */
export function assertAssignmentPeriod(startDate: string, endDate: string, today: string): void {
  if (endDate < startDate) throw invalidField("endDate", "beforeStart", "The end lies before the start");
  if (endDate < today) throw invalidField("endDate", "dateInPast", "The period is over already");
}

/** Whether two periods share at least one day (both ends inclusive). */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start_date <= b.end_date && b.start_date <= a.end_date;
}

/** One client is with at most one agency on any day: a new period may not share a day with an existing one. */
export function assertNoOverlappingAssignment(existing: readonly Period[], period: Period): void {
  if (existing.some((other) => periodsOverlap(other, period))) {
    throw conflict("assignmentOverlaps", "The client is assigned to an agency for part of this period already.", [
      { name: "startDate", code: "assignmentOverlaps", reason: "Overlaps another assignment of this client" },
    ]);
  }
}

/** An assignment as its ending reads it: its period so far, and whether it was ended already. */
export interface EndableAssignment extends Period {
  ended_on: string | null;
}

/**
 * An assignment is ended early once, and only while it has not run out: an assignment ended already, or whose
 * last day has passed, has nothing left to end.
 */
export function assertAssignmentEndable(a: EndableAssignment, today: string): void {
  if (a.ended_on !== null) throw conflict("assignmentEnded", "This assignment was ended already.");
  if (a.end_date < today) throw conflict("assignmentOver", "This assignment has run to its end already.");
}

/**
 * An assignment ends as of a day within its period: not before its start (ending on the start day means the agency
 * never worked with the client) and not after its planned end.
 */
export function assertEndDateInPeriod(a: Period, endedOn: string): void {
  if (endedOn < a.start_date) throw invalidField("endedOn", "beforeStart", "The end lies before the assignment's start");
  if (endedOn > a.end_date) throw invalidField("endedOn", "afterPlannedEnd", "The end lies after the assignment's planned end");
}

/** The period an assignment ended as of `endedOn` keeps: up to and including the day before. */
export function periodEndedOn(endedOn: string): { end_date: string } {
  return { end_date: addDays(endedOn, -1) };
}

/**
 * Where an assignment stands on `today`. One ended early is so from its end date, and at once when it was ended on
 * its start day (it never runs); until then it is `upcoming` or `current` like any other.
 */
export function assignmentStatus(a: EndableAssignment, today: string): AssignmentStatus {
  if (a.ended_on !== null && (today >= a.ended_on || a.end_date < a.start_date)) return "endedEarly";
  if (today < a.start_date) return "upcoming";
  if (today <= a.end_date) return "current";
  return "completed";
}

/** One assignment with its contract, as the results read it. */
export interface AssignmentContractFacts extends Period {
  intake_within_days: number;
  placement_within_days: number;
  placement_min_weeks: number;
}

/** The client's facts the results count: intakes held, placements started, WHO-5 scores of check-ins. */
export interface ClientFacts {
  intakes: readonly { held_on: string }[];
  placements: readonly { started_on: string | null; ended_on: string | null; attributable_to: string | null }[];
  checkIns: readonly { held_on: string; who5_raw: number }[];
}

/** One assignment's contribution to the results; the WHO-5 change is in percentage points, or null when not measured. */
export type AssignmentResult = Omit<AgencyResultFields, "who5Change"> & { who5ChangeSum: number };

const EMPTY: AssignmentResult = {
  assignments: 0,
  currentAssignments: 0,
  intakesTargeted: 0,
  intakesOnTime: 0,
  placementsTargeted: 0,
  placementsOnTime: 0,
  durationsTargeted: 0,
  durationsMet: 0,
  placementsStarted: 0,
  lastingPlacements: 0,
  lastingPlacementsDecided: 0,
  endingsAttributedToOrganisation: 0,
  endings: 0,
  who5Clients: 0,
  who5ChangeSum: 0,
};

const count = (yes: boolean) => (yes ? 1 : 0);

/**
 * What one assignment achieved by `today`, against its contract and against what matters to the client. A target
 * counts once its term has passed or it was met, so a fresh assignment neither helps nor hurts. The client's
 * outcomes look past the period: a placement started under the assignment lasts, or fails, after it too.
 */
export function resultOfAssignment(a: AssignmentContractFacts, facts: ClientFacts, today: string): AssignmentResult {
  const inPeriod = (date: string) => date >= a.start_date && date <= a.end_date;
  const intakeDue = addDays(a.start_date, a.intake_within_days);
  const intakes = facts.intakes.filter((i) => inPeriod(i.held_on));
  const intakeOnTime = intakes.some((i) => i.held_on <= intakeDue);
  const placementDue = addDays(a.start_date, a.placement_within_days);
  const started = facts.placements.flatMap((p) => (p.started_on && inPeriod(p.started_on) ? [{ ...p, started_on: p.started_on }] : []));
  const placementOnTime = started.some((p) => p.started_on <= placementDue);
  let durationsTargeted = 0;
  let durationsMet = 0;
  let lasting = 0;
  let lastingDecided = 0;
  for (const p of started) {
    const lastedUntil = p.ended_on ?? today;
    const contractEnd = addDays(p.started_on, a.placement_min_weeks * 7);
    const met = lastedUntil >= contractEnd;
    durationsTargeted += count(met || p.ended_on !== null);
    durationsMet += count(met);
    const lastingEnd = addMonths(p.started_on, LASTING_PLACEMENT_MONTHS);
    const lasted = lastedUntil >= lastingEnd;
    lastingDecided += count(lasted || p.ended_on !== null);
    lasting += count(lasted);
  }
  const ended = started.filter((p) => p.ended_on !== null);
  const who5 = who5ChangeOf(a, facts.checkIns, today);
  return {
    assignments: 1,
    currentAssignments: count(inPeriod(today)),
    intakesTargeted: count(intakes.length > 0 || today > intakeDue),
    intakesOnTime: count(intakeOnTime),
    placementsTargeted: count(started.length > 0 || today > placementDue),
    placementsOnTime: count(placementOnTime),
    durationsTargeted,
    durationsMet,
    placementsStarted: started.length,
    lastingPlacements: lasting,
    lastingPlacementsDecided: lastingDecided,
    endingsAttributedToOrganisation: ended.filter((p) => p.attributable_to === "organisation").length,
    endings: ended.length,
    who5Clients: count(who5 !== null),
    who5ChangeSum: who5 ?? 0,
  };
}

/**
 * How the client's wellbeing moved over the period: the WHO-5 percentage of the last check-in in the period (up to
 * today) against the last one before it started, or else the first one in it. Null without two scores.
 */
export function who5ChangeOf(a: Period, checkIns: ClientFacts["checkIns"], today: string): number | null {
  const until = a.end_date < today ? a.end_date : today;
  const sorted = [...checkIns].sort((x, y) => (x.held_on < y.held_on ? -1 : x.held_on > y.held_on ? 1 : 0));
  const before = sorted.filter((c) => c.held_on <= a.start_date).at(-1);
  const during = sorted.filter((c) => c.held_on > a.start_date && c.held_on <= until);
  const baseline = before ?? during[0];
  const latest = during.at(-1);
  if (!baseline || !latest || latest === baseline) return null;
  return (latest.who5_raw - baseline.who5_raw) * 4;
}

/** Adds assignment results up. */
export function sumResults(results: readonly AssignmentResult[]): AssignmentResult {
  const total = { ...EMPTY };
  for (const r of results) for (const key of Object.keys(total) as (keyof AssignmentResult)[]) total[key] += r[key];
  return total;
}

/** Summed results as the API shows them: the WHO-5 change as the average over the clients measured, to one decimal. */
export function presentableResults({ who5ChangeSum, ...rest }: AssignmentResult): AgencyResultFields {
  return { ...rest, who5Change: rest.who5Clients > 0 ? Math.round((who5ChangeSum / rest.who5Clients) * 10) / 10 : null };
}
