import { describe, expect, it } from "vitest";
import { isSessionOver, isSessionTouchDue, SESSION_TOUCH_TOLERANCE_MS, sessionEndsAt } from "./sessions.rules.js";

const settings = { idleMinutes: 30, maxHours: 12 };
const created = "2026-12-02T08:00:00.000Z";

describe("sessionEndsAt", () => {
  it("ends a session the idle time after its last request", () => {
    expect(sessionEndsAt({ createdAt: created, lastSeenAt: "2026-12-02T10:17:31.250Z" }, settings)).toBe("2026-12-02T10:47:31.250Z");
  });

  it("never ends it later than the absolute lifetime after its creation", () => {
    expect(sessionEndsAt({ createdAt: created, lastSeenAt: "2026-12-02T19:45:00.000Z" }, settings)).toBe("2026-12-02T20:00:00.000Z");
  });
});

describe("isSessionOver", () => {
  const session = { created_at: created, expires_at: "2026-12-02T10:47:31.250Z" };

  it("holds a session until its stored end, and not a moment longer", () => {
    expect(isSessionOver(session, new Date("2026-12-02T10:47:31.249Z"), settings)).toBe(false);
    expect(isSessionOver(session, new Date("2026-12-02T10:47:31.250Z"), settings)).toBe(true);
  });

  it("ends a session at once when a lower lifetime has passed since its creation", () => {
    expect(isSessionOver(session, new Date("2026-12-02T10:00:00.000Z"), { idleMinutes: 30, maxHours: 2 })).toBe(true);
    expect(isSessionOver(session, new Date("2026-12-02T09:59:59.999Z"), { idleMinutes: 30, maxHours: 2 })).toBe(false);
  });
});

describe("isSessionTouchDue", () => {
  const lastSeenAt = "2026-12-02T10:00:00.000Z";
  const later = (ms: number) => new Date(Date.parse(lastSeenAt) + ms);

  it("records a request once the recorded one is the tolerance old, not before", () => {
    expect(isSessionTouchDue(lastSeenAt, later(SESSION_TOUCH_TOLERANCE_MS - 1))).toBe(false);
    expect(isSessionTouchDue(lastSeenAt, later(SESSION_TOUCH_TOLERANCE_MS))).toBe(true);
  });

  it("keeps the tolerance far below the shortest idle time a setting allows (a minute)", () => {
    expect(SESSION_TOUCH_TOLERANCE_MS).toBeLessThanOrEqual(60_000 / 10);
  });

  it("never moves the recorded request back in time", () => {
    expect(isSessionTouchDue(lastSeenAt, later(-60_000))).toBe(false);
  });
});
