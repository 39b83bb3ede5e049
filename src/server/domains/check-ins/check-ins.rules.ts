import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import type { CheckInEnteredBy } from "@shared/schemas/check-ins.js";

/** The WHO-5 raw score (0–25) and its percentage (0–100). */
export function scoreWho5(items: readonly number[]): { raw: number; percentage: number } {
  const raw = items.reduce((sum, item) => sum + item, 0);
  return { raw, percentage: raw * 4 };
}

/**
 * The established WHO-5 cut-off: wellbeing is low when the raw score is below 13 of 25, or when any single item is
 * 0 ("never") or 1 ("sometimes"), whatever the total.
 */
export function isWho5Low(items: readonly number[]): boolean {
  return (
    scoreWho5(items).raw < CASEWORK_DEFAULTS.who5AttentionBelow || items.some((item) => item <= CASEWORK_DEFAULTS.who5ItemAttentionAtMost)
  );
}

interface CheckInFacts {
  entered_by: CheckInEnteredBy;
  held_on: string;
  created_at: string;
  who5: readonly number[];
  help_requested: number;
}

/** Why a check-in the client entered themselves is urgent: they asked for help, or their WHO-5 is low. */
export function clientCheckInAlarm(checkIn: CheckInFacts): "helpRequested" | "lowWellbeingReported" | null {
  if (checkIn.entered_by !== "client") return null;
  if (checkIn.help_requested === 1) return "helpRequested";
  return isWho5Low(checkIn.who5) ? "lowWellbeingReported" : null;
}

/**
 * The client's own check-ins that still call for the consultant, flagged from the day they were entered: an alarming
 * one stays flagged until a consultant records a check-in (a call, a talk) on or after its day and after it was entered.
 * Checked-ins come oldest first; answers the oldest open alarm of each kind with its day.
 */
export function openClientAlarms(checkIns: readonly CheckInFacts[]): { code: "helpRequested" | "lowWellbeingReported"; since: string }[] {
  const followedUp = (alarm: CheckInFacts) =>
    checkIns.some((c) => c.entered_by === "consultant" && c.held_on >= alarm.held_on && c.created_at > alarm.created_at);
  const open = new Map<"helpRequested" | "lowWellbeingReported", string>();
  for (const checkIn of checkIns) {
    const code = clientCheckInAlarm(checkIn);
    if (code && !open.has(code) && !followedUp(checkIn)) open.set(code, checkIn.held_on);
  }
  return [...open].map(([code, since]) => ({ code, since }));
}
