import { describe, expect, it } from "vitest";
import { clientCheckInAlarm, isWho5Low, openClientAlarms, scoreWho5 } from "./check-ins.rules.js";

const checkIn = (overrides: Partial<Parameters<typeof clientCheckInAlarm>[0]> = {}) => ({
  entered_by: "client" as const,
  held_on: "2026-12-03",
  created_at: "2026-12-03T09:00:00.000+01:00",
  who5: [3, 3, 3, 3, 3],
  help_requested: 0,
  ...overrides,
});

describe("WHO-5 cut-off", () => {
  it("scores the raw total and its percentage", () => {
    expect(scoreWho5([5, 4, 3, 2, 1])).toEqual({ raw: 15, percentage: 60 });
  });

  it("is low below 13 of 25 and not at 13", () => {
    expect(isWho5Low([3, 3, 2, 2, 2])).toBe(true); // 12
    expect(isWho5Low([3, 3, 3, 2, 2])).toBe(false); // 13
  });

  it("is low when any item is 0 or 1, whatever the total", () => {
    expect(isWho5Low([5, 5, 5, 5, 1])).toBe(true);
    expect(isWho5Low([5, 5, 5, 5, 0])).toBe(true);
    expect(isWho5Low([5, 5, 5, 5, 2])).toBe(false);
  });
});

describe("client check-in alarms", () => {
  it("flags a request for help before a low score, and nothing for a good check-in", () => {
    expect(clientCheckInAlarm(checkIn({ help_requested: 1, who5: [0, 0, 0, 0, 0] }))).toBe("helpRequested");
    expect(clientCheckInAlarm(checkIn({ who5: [4, 4, 4, 4, 1] }))).toBe("lowWellbeingReported");
    expect(clientCheckInAlarm(checkIn())).toBeNull();
  });

  it("leaves check-ins a consultant entered to the ordinary wellbeing reason", () => {
    expect(clientCheckInAlarm(checkIn({ entered_by: "consultant", help_requested: 1 }))).toBeNull();
  });

  it("keeps an alarm open from its own day until a consultant records a later check-in", () => {
    const alarm = checkIn({ help_requested: 1 });
    expect(openClientAlarms([alarm])).toEqual([{ code: "helpRequested", since: "2026-12-03" }]);
    const earlierCall = checkIn({ entered_by: "consultant", held_on: "2026-12-02", created_at: "2026-12-02T10:00:00.000+01:00" });
    expect(openClientAlarms([earlierCall, alarm])).toHaveLength(1);
    const call = checkIn({ entered_by: "consultant", held_on: "2026-12-03", created_at: "2026-12-03T11:00:00.000+01:00" });
    expect(openClientAlarms([alarm, call])).toEqual([]);
  });

  it("names each kind once, from its oldest open check-in", () => {
    const first = checkIn({ who5: [1, 1, 1, 1, 1], held_on: "2026-12-01", created_at: "2026-12-01T09:00:00.000+01:00" });
    const second = checkIn({ who5: [1, 1, 1, 1, 1], help_requested: 1 });
    expect(openClientAlarms([first, second])).toEqual([
      { code: "lowWellbeingReported", since: "2026-12-01" },
      { code: "helpRequested", since: "2026-12-03" },
    ]);
  });
});
