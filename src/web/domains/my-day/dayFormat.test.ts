import { describe, expect, it } from "vitest";
import { amsterdamDayOf, formatDayHeading, formatTimeRange } from "./dayFormat.js";

describe("the agenda's dates and times", () => {
  it("writes a day out in Dutch and times on a 24-hour clock in Amsterdam", () => {
    expect(formatDayHeading("2026-12-03", "nl")).toBe("donderdag 3 december 2026");
    expect(formatTimeRange("2026-12-03T13:30:00Z", "2026-12-03T14:15:00Z", "nl")).toBe("14:30–15:15");
    expect(formatTimeRange("2026-07-03T13:30:00Z", "2026-07-03T14:15:00Z", "en")).toBe("15:30–16:15");
  });

  it("puts half past midnight in Amsterdam on its Amsterdam day", () => {
    expect(amsterdamDayOf("2026-12-02T23:30:00Z")).toBe("2026-12-03");
  });
});
