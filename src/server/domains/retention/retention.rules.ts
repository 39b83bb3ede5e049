import { addMonths, amsterdamDateTime } from "@shared/dates.js";

/**
 * Retention (AVG art. 5 lid 1 sub e): personal data is kept no longer than its purpose needs. Each kind of record
 * has its period in the ordinance (`retention`); the daily job removes or anonymises what has passed it. Letters
 * and decisions are never among them: the Archiefwet and the Selectielijst gemeenten keep them with the client's
 * file, and the database refuses to delete them.
 */

/**
 * The first day still kept: a record dated before it has passed a period of `months` on `today`. A record dated
 * exactly `months` ago is on its last day and stays.
 */
export function retentionCutoff(today: string, months: number): string {
  return addMonths(today, -months);
}

/** The same cutoff for timestamps: the start of the cutoff day in Amsterdam, as a UTC instant like those stored. */
export function retentionCutoffInstant(today: string, months: number): string {
  return new Date(amsterdamDateTime(retentionCutoff(today, months), "00:00")).toISOString();
}

/**
 * A message to a client (the outbox: "a new letter is ready", a reminder) has served its purpose once it was sent or
 * finally failed; it holds an address and says that the client had post or an appointment, so it is removed this
 * many months later. Three months leave the administrator time to look into a complaint about a message.
 */
export const MESSAGE_MONTHS = 3;

/**
 * An assignment to an intermediary agency says which agency worked with the client and under which targets. It serves
 * the team lead's comparison of agencies and the client's access to who had their file; both look back over the
 * contracts of recent years, so an assignment is removed this many months after its period ended. What the agency
 * recorded (intakes, check-ins, placements) is the client's file and stays with it.
 */
export const AGENCY_ASSIGNMENT_MONTHS = 24;

/**
 * A research export — its file of pseudonymised client-months and the record of its period and what it released —
 * has served its purpose once its researcher could fetch it: it is removed this many months after it finished (done
 * or failed). A researcher who needs the figures again makes a new export. Who exported which period stays in the
 * audit log for the ordinance's period; an export still in progress is never removed.
 */
export const RESEARCH_EXPORT_MONTHS = 3;

/**
 * A work-queue item marked done or snoozed, with the consultant's note, serves the queue only: it is removed this many
 * months after it was marked. A signal that is still there a year later comes back on the queue, which is right.
 */
export const WORK_QUEUE_NOTE_MONTHS = 12;

/**
 * The contact details a client agreed to share with their buddy (and a buddy's own, on the pairing's other side) serve
 * the pairing only: three months after it ended they are erased; the pairing and its meetings (the buddy's hours) stay.
 */
export const BUDDY_CONTACT_MONTHS = 3;

/**
 * An expense allowance paid to a volunteer is part of the books the law requires to be kept for seven years (AWR art.
 * 52): it is kept for the year it covers and the seven after, then removed.
 */
export const EXPENSE_RETENTION_YEARS = 7;

/** The first year whose expense allowances are still kept on `today`. */
export function firstKeptExpenseYear(today: string): number {
  return Number(today.slice(0, 4)) - EXPENSE_RETENTION_YEARS;
}

/** What decides whether a piece of evidence has served its purpose. */
export interface EvidenceFacts {
  /** The day its subject closed (an exemption ended or refused, an accountability request answered or stopped); null while open. */
  closedOn: string | null;
  /** The last day to object to any decision about the subject (Awb 6:7), or null when none was taken. */
  lastObjectionTermEndsOn: string | null;
  /** The last day an objection against such a decision was decided: the appeal term runs from it. */
  lastObjectionDecidedOn: string | null;
  /** An objection against a decision about the subject is still undecided. */
  objectionOpen: boolean;
}

/**
 * Evidence is kept while its subject is open, while an objection against a decision about it is undecided, and
 * for the ordinance's `evidenceMonths` after the latest of the subject's closing, the objection terms of its
 * decisions and the decisions on objection; then it has passed its period. The decision itself keeps the facts and
 * reasons it rests on.
 */
export function evidenceExpired(facts: EvidenceFacts, today: string, months: number): boolean {
  if (facts.closedOn === null || facts.objectionOpen) return false;
  const dates = [facts.closedOn, facts.lastObjectionTermEndsOn, facts.lastObjectionDecidedOn].filter((d): d is string => d !== null);
  // YYYY-MM-DD sorts as it counts: the last is the latest.
  const reference = dates.sort().at(-1) ?? facts.closedOn;
  return reference < retentionCutoff(today, months);
}
