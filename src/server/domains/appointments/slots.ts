import { addDays, amsterdamDateTime, isoWeekday } from "@shared/dates.js";

export interface AvailabilityBlock {
  weekday: number;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  location: string;
}

export interface Slot {
  startsAt: string;
  endsAt: string;
  location: string;
}

function minutes(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * The free slots of a weekly availability pattern, in time order, from `fromDate` for `days` days, skipping
 * start times already taken. Times are Amsterdam wall-clock; the result carries the offset of each day.
 */
export function* freeSlots(blocks: AvailabilityBlock[], fromDate: string, days: number, taken: Set<string>): Generator<Slot> {
  const sorted = [...blocks].sort((a, b) => a.weekday - b.weekday || a.start_time.localeCompare(b.start_time));
  for (let d = 0; d < days; d++) {
    const date = addDays(fromDate, d);
    const weekday = isoWeekday(date);
    for (const block of sorted) {
      if (block.weekday !== weekday) continue;
      for (let start = minutes(block.start_time); start + block.slot_minutes <= minutes(block.end_time); start += block.slot_minutes) {
        const startsAt = amsterdamDateTime(date, clock(start));
        if (taken.has(startsAt)) continue;
        yield { startsAt, endsAt: amsterdamDateTime(date, clock(start + block.slot_minutes)), location: block.location };
      }
    }
  }
}
