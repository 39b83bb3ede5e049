import { expectDefined } from "@server/testing/expect-defined.js";
import { describe, expect, it } from "vitest";
import { freeSlots } from "./slots.js";

const tuesday = { weekday: 2, start_time: "09:00", end_time: "11:00", slot_minutes: 45, location: "Wijkteam" };

describe("free slots", () => {
  it("cuts a block into whole slots and skips what is taken", () => {
    const taken = new Set(["2026-12-08T09:45:00+01:00"]);
    const slots = [...freeSlots([tuesday], "2026-12-07", 7, taken)];
    expect(slots.map((s) => s.startsAt)).toEqual(["2026-12-08T09:00:00+01:00"]);
    expect(expectDefined(slots[0]).endsAt).toBe("2026-12-08T09:45:00+01:00");
  });

  it("walks days in order and blocks within a day by start time", () => {
    const blocks = [
      { ...tuesday, start_time: "13:00", end_time: "14:00", slot_minutes: 60 },
      { ...tuesday, weekday: 1, start_time: "10:00", end_time: "11:00", slot_minutes: 60 },
      tuesday,
    ];
    const starts = [...freeSlots(blocks, "2026-12-07", 2, new Set())].map((s) => s.startsAt);
    expect(starts).toEqual([
      "2026-12-07T10:00:00+01:00",
      "2026-12-08T09:00:00+01:00",
      "2026-12-08T09:45:00+01:00",
      "2026-12-08T13:00:00+01:00",
    ]);
  });
});
