import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  amsterdamDateOf,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatLongDateTime,
  formatTime,
  formatTimeRange,
  formatWeekdayDate,
  languageName,
} from "./format.js";

describe("dates in tables", () => {
  it("writes a calendar date as DD-MM-JJJJ in both languages", () => {
    expect(formatDate("2026-12-02", "nl")).toBe("02-12-2026");
    expect(formatDate("2026-12-02", "en")).toBe("02-12-2026");
  });

  it("puts an instant on its Amsterdam day: 23:30 UTC on 1 December is 2 December in winter", () => {
    expect(formatDate("2026-12-01T23:30:00Z", "nl")).toBe("02-12-2026");
    expect(amsterdamDateOf("2026-12-01T22:30:00Z")).toBe("2026-12-01");
  });

  it("uses summer time in summer: 22:30 UTC on 1 July is already 2 July in Amsterdam", () => {
    expect(formatDate("2026-07-01T22:30:00Z", "nl")).toBe("02-07-2026");
    expect(formatDate("2026-07-01T21:30:00Z", "nl")).toBe("01-07-2026");
  });

  it("leaves an empty value empty and an unreadable one as it came", () => {
    expect(formatDate(null, "nl")).toBe("");
    expect(formatDate("soon", "nl")).toBe("soon");
  });
});

describe("dates in running text", () => {
  it("writes the month out, in the reader's language", () => {
    expect(formatLongDate("2026-12-02", "nl")).toBe("2 december 2026");
    expect(formatLongDate("2026-12-02", "en")).toBe("2 December 2026");
  });

  it("does not shift a calendar date through a time zone", () => {
    expect(formatLongDate("2026-01-01", "nl")).toBe("1 januari 2026");
  });

  it("places an instant on its Amsterdam day", () => {
    expect(formatLongDate("2026-12-01T23:30:00Z", "nl")).toBe("2 december 2026");
    expect(formatWeekdayDate("2026-12-02T23:30:00Z", "nl")).toBe("donderdag 3 december 2026");
    expect(formatWeekdayDate("2026-12-03", "en")).toBe("Thursday, 3 December 2026");
  });
});

describe("times", () => {
  it("uses a 24-hour clock in Amsterdam time in both languages", () => {
    expect(formatTime("2026-12-02T13:05:00Z", "nl")).toBe("14:05");
    expect(formatTime("2026-12-02T13:05:00Z", "en")).toBe("14:05");
    expect(formatTime("2026-12-02T23:05:00Z", "en")).toBe("00:05");
  });

  it("follows the clocks across daylight saving time", () => {
    // 29 March 2026: the clocks go from 02:00 to 03:00. 25 October 2026: back from 03:00 to 02:00.
    expect(formatTime("2026-03-29T00:59:00Z")).toBe("01:59");
    expect(formatTime("2026-03-29T01:00:00Z")).toBe("03:00");
    expect(formatTime("2026-10-25T00:30:00Z")).toBe("02:30");
    expect(formatTime("2026-10-25T01:30:00Z")).toBe("02:30");
    expect(formatTimeRange("2026-07-03T13:30:00Z", "2026-07-03T14:15:00Z", "en")).toBe("15:30–16:15");
  });

  it("writes a moment as date and time: numeric in tables, in words in text", () => {
    expect(formatDateTime("2026-12-02T13:05:00Z", "nl")).toBe("02-12-2026 14:05");
    expect(formatDateTime("2026-12-02T13:05:00Z", "en")).toBe("02-12-2026 14:05");
    expect(formatDateTime("2026-12-01T23:30:00Z", "nl")).toBe("02-12-2026 00:30");
    expect(formatLongDateTime("2026-12-02T13:05:00Z", "nl")).toBe("2 december 2026 om 14:05");
    expect(formatLongDateTime("2026-12-02T13:05:00Z", "en")).toBe("2 December 2026 at 14:05");
  });
});

describe("whatever the browser's time zone", () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    vi.stubEnv("TZ", "America/Los_Angeles");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    process.env.TZ = zone;
  });

  it("still shows Amsterdam's day and time", () => {
    expect(new Date("2026-12-01T23:30:00Z").getDate()).toBe(1);
    expect(formatDate("2026-12-01T23:30:00Z", "nl")).toBe("02-12-2026");
    expect(formatLongDate("2026-12-02", "nl")).toBe("2 december 2026");
    expect(formatTime("2026-12-01T23:30:00Z")).toBe("00:30");
  });
});

describe("language names", () => {
  it("names a language code in the reader's language", () => {
    expect(languageName("ar", "nl")).toBe("Arabisch");
    expect(languageName("tr", "en")).toBe("Turkish");
  });
});
