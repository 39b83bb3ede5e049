import type { ExemptionRow } from "@server/db/schema.js";
import type { ExemptionStatus } from "@shared/schemas/exemptions.js";

/**
 * The actions on an exemption that send a letter and can be undone while it is inside: its recording with the grant
 * (undone by removing it), and its later decisions (undone by putting it back as it was).
 */
export type UndoableExemptionAction = "record" | "decide" | "coSign" | "end" | "refuseExtension";

/**
 * The columns those actions change, and an undo puts back; with the undo state itself, so that after undoing one action
 * the one before it can be undone too while its letter is inside.
 */
const RESTORED_COLUMNS = [
  "status",
  "scope",
  "max_hours_per_week",
  "start_date",
  "end_date",
  "review_date",
  "covers_tegenprestatie",
  "covers_work_obligations",
  "decision_note",
  "unmet_condition",
  "decided_by",
  "decided_at",
  "co_signed_by",
  "co_signed_at",
  "ended_on",
  "end_reason",
  "ordinance_version",
  "undo_state",
] as const satisfies readonly (keyof ExemptionRow)[];

/** An exemption's columns as they were before an undoable action. */
export type ExemptionStateBefore = Required<Pick<ExemptionRow, (typeof RESTORED_COLUMNS)[number]>>;

/**
 * The last undoable action on an exemption: which, its letter, the status it left and the state before it; null before
 * a recording, when there was no exemption.
 */
export type ExemptionUndoState =
  | { action: "record"; letterId: string; statusAfter: ExemptionStatus; before: null }
  | { action: Exclude<UndoableExemptionAction, "record">; letterId: string; statusAfter: ExemptionStatus; before: ExemptionStateBefore };

/** What an action writes beside its changes so that it can be undone: the row as it was, before those changes. */
export function undoStateColumn(
  row: ExemptionRow,
  action: Exclude<UndoableExemptionAction, "record">,
  letterId: string,
  statusAfter: ExemptionStatus,
): { undo_state: string } {
  const before = Object.fromEntries(RESTORED_COLUMNS.map((column) => [column, row[column] ?? null])) as ExemptionStateBefore;
  const state: ExemptionUndoState = { action, letterId, statusAfter, before };
  return { undo_state: JSON.stringify(state) };
}

/** What a recording that granted an exemption at once writes, so that it can be undone: there was nothing before it. */
export function recordedUndoStateColumn(letterId: string, statusAfter: ExemptionStatus): { undo_state: string } {
  const state: ExemptionUndoState = { action: "record", letterId, statusAfter, before: null };
  return { undo_state: JSON.stringify(state) };
}

/** The exemption's last undoable action, or null when none can be undone (none made, or undone already). */
export function undoStateOf(row: Pick<ExemptionRow, "undo_state">): ExemptionUndoState | null {
  return row.undo_state ? (JSON.parse(row.undo_state) as ExemptionUndoState) : null;
}
