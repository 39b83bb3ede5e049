import { toNumber } from "@web/components/formValues.js";
import type { Availability, AvailabilityInput } from "./api.js";

/** The controls of one weekly block, as text. */
export const BLOCK_FIELDS = ["weekday", "startTime", "endTime", "slotMinutes", "location"] as const;
export type BlockField = (typeof BLOCK_FIELDS)[number];

/** One block in the form; `key` keeps React's list stable while blocks are added and removed. */
export type BlockValues = Record<BlockField, string> & { key: number };

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const SLOT_MINUTES = [15, 20, 30, 45, 60, 90, 120] as const;

let nextKey = 1;

/** The form values of a stored block. */
export function blockValues(block: Availability["blocks"][number]): BlockValues {
  return {
    key: nextKey++,
    weekday: String(block.weekday),
    startTime: block.startTime,
    endTime: block.endTime,
    slotMinutes: String(block.slotMinutes),
    location: block.location,
  };
}

/** A new block: the next weekday after the last block, a morning, at the same place. */
export function newBlock(previous: BlockValues | undefined): BlockValues {
  const weekday = previous ? (Number(previous.weekday) % 5) + 1 : 1;
  return {
    key: nextKey++,
    weekday: String(weekday),
    startTime: "09:00",
    endTime: "12:00",
    slotMinutes: previous?.slotMinutes ?? "45",
    location: previous?.location ?? "",
  };
}

/** The control name of a block's field, the same as the server's `invalidParams` name. */
export function blockFieldName(index: number, field: BlockField): string {
  return `blocks.${index}.${field}`;
}

/** Every control name of the form, so server errors can be placed beside the right one. */
export function blockFieldNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => BLOCK_FIELDS.map((field) => blockFieldName(index, field))).flat();
}

function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** How many intake slots a block gives each week (0 while the times do not make sense yet). */
export function slotsPerWeek(block: BlockValues): number {
  const start = minutesOf(block.startTime);
  const end = minutesOf(block.endTime);
  const slot = Number(block.slotMinutes);
  if (start === null || end === null || !(slot > 0) || end <= start) return 0;
  return Math.floor((end - start) / slot);
}

/** The body of `PUT /me/availability`. */
export function toAvailabilityInput(blocks: BlockValues[]): AvailabilityInput {
  return {
    blocks: blocks.map((block) => ({
      weekday: toNumber(block.weekday) as number,
      startTime: block.startTime,
      endTime: block.endTime,
      slotMinutes: toNumber(block.slotMinutes) as number,
      location: block.location.trim(),
    })),
  };
}
