import { describe, expect, it, vi } from "vitest";
import { nowIso, systemClock, TestClock } from "./clock.js";

describe("the test clock", () => {
  it("stands at noon in Amsterdam on a given date, in winter and in summer time", () => {
    expect(new TestClock("2026-01-15").today()).toBe("2026-01-15");
    expect(new TestClock("2026-07-15").today()).toBe("2026-07-15");
    expect(nowIso(new TestClock("2026-01-15"))).toBe("2026-01-15T11:00:00.000Z");
  });

  it("moves only when set or advanced", () => {
    const clock = new TestClock("2026-03-10");
    const before = clock.now().getTime();
    expect(clock.now().getTime()).toBe(before);
    clock.advance({ minutes: 90 });
    expect(clock.now().getTime() - before).toBe(90 * 60_000);
    clock.advance({ days: 21 });
    expect(clock.today()).toBe("2026-03-31");
    clock.set("2026-04-01");
    expect(clock.today()).toBe("2026-04-01");
  });

  it("keeps today in Amsterdam, not in UTC, around midnight", () => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time, +02:00).
    expect(new TestClock("2026-03-31T23:30:00Z").today()).toBe("2026-04-01");
  });
});

describe("the system clock", () => {
  it("reads the machine's time", () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(5_000);
  });

  it("gives today's date in Amsterdam, across the turn of a second and of midnight", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2026-03-31T21:59:59.500Z"));
      expect(systemClock.today()).toBe("2026-03-31");
      vi.setSystemTime(new Date("2026-03-31T21:59:59.999Z"));
      expect(systemClock.today()).toBe("2026-03-31");
      // 22:00 UTC is midnight in Amsterdam (summer time): the next second is the next day.
      vi.setSystemTime(new Date("2026-03-31T22:00:00.000Z"));
      expect(systemClock.today()).toBe("2026-04-01");
    } finally {
      vi.useRealTimers();
    }
  });
});
