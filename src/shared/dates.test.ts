import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  amsterdamDateTime,
  dutchTime,
  dutchWeekdayDate,
  isoWeekday,
  todayInAmsterdam,
  wholeYearsBetween,
  yearsBefore,
} from "./dates.js";

describe("dates", () => {
  it("takes today's date in Amsterdam, not UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    expect(todayInAmsterdam(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    // 21:30 UTC in summer is 23:30 in Amsterdam (UTC+2): still the same day.
    expect(todayInAmsterdam(new Date("2026-07-01T21:30:00Z"))).toBe("2026-07-01");
  });

  it("counts whole years as a birthday does", () => {
    expect(wholeYearsBetween("2021-11-28", "2026-11-28")).toBe(5);
    expect(wholeYearsBetween("2021-11-29", "2026-11-28")).toBe(4);
    expect(wholeYearsBetween("2027-01-01", "2026-11-28")).toBe(0);
  });

  it("steps back whole years, 29 February to the 28th", () => {
    expect(yearsBefore("2026-11-28", 5)).toBe("2021-11-28");
    expect(yearsBefore("2024-02-29", 1)).toBe("2023-02-28");
  });
});

describe("Amsterdam wall-clock times", () => {
  it("uses +01:00 in winter and +02:00 in summer", () => {
    expect(amsterdamDateTime("2026-12-08", "10:30")).toBe("2026-12-08T10:30:00+01:00");
    expect(amsterdamDateTime("2026-07-01", "09:00")).toBe("2026-07-01T09:00:00+02:00");
  });

  it("gets the days the clocks change right", () => {
    expect(amsterdamDateTime("2026-03-29", "10:00")).toBe("2026-03-29T10:00:00+02:00");
    expect(amsterdamDateTime("2026-10-25", "10:00")).toBe("2026-10-25T10:00:00+01:00");
  });

  it("writes weekday, date and time in Dutch", () => {
    expect(dutchWeekdayDate("2026-12-08T10:30:00+01:00")).toBe("dinsdag 8 december 2026");
    expect(dutchTime("2026-12-08T10:30:00+01:00")).toBe("10:30");
  });

  it("adds days and knows the ISO weekday", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});

describe("addMonths", () => {
  it("counts calendar months across years and keeps the day, or the month's last day", () => {
    expect(addMonths("2026-05-15", 6)).toBe("2026-11-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-10", -13)).toBe("2024-12-10");
  });
});
