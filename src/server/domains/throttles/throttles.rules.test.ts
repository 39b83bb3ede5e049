import { TooManyRequests } from "@server/http/errors.js";
import { describe, expect, it } from "vitest";
import { assertWithinLimit, LONGEST_THROTTLE_WINDOW_MINUTES, throttleLimits, windowStart } from "./throttles.rules.js";

const limits = throttleLimits({ loginAttemptsPerAddressPerMinute: 30 });
const now = new Date("2026-12-02T12:00:00.000Z");

function refusal(assertion: () => void): TooManyRequests | null {
  try {
    assertion();
    return null;
  } catch (error) {
    if (error instanceof TooManyRequests) return error;
    throw error;
  }
}

describe("throttle limits", () => {
  it("takes the per-address login limit from the configuration and keeps the others fixed", () => {
    expect(throttleLimits({ loginAttemptsPerAddressPerMinute: 7 }).loginPerAddress).toMatchObject({ max: 7, windowMinutes: 1 });
    expect(limits.loginPerAccount).toMatchObject({ max: 10, windowMinutes: 15, code: "tooManyAttempts" });
    expect(limits.complaintPerAddress).toMatchObject({ max: 10, windowMinutes: 1, code: "rateLimited" });
    expect(LONGEST_THROTTLE_WINDOW_MINUTES).toBe(15);
  });

  it("counts attempts after the window's start: a sliding window ending now", () => {
    expect(windowStart(limits.loginPerAccount, now)).toBe("2026-12-02T11:45:00.000Z");
  });
});

describe("assertWithinLimit", () => {
  it("lets an attempt through while fewer than the maximum fall in the window", () => {
    expect(refusal(() => assertWithinLimit(limits.loginPerAccount, { count: 9, oldestAt: "2026-12-02T11:50:00.000Z" }, now))).toBeNull();
    expect(refusal(() => assertWithinLimit(limits.complaintPerAddress, { count: 0, oldestAt: null }, now))).toBeNull();
  });

  it("refuses an account's eleventh failure with tooManyAttempts, until the oldest leaves the window", () => {
    const refused = refusal(() => assertWithinLimit(limits.loginPerAccount, { count: 10, oldestAt: "2026-12-02T11:50:00.000Z" }, now));
    expect(refused).toMatchObject({ status: 429, code: "tooManyAttempts", retryAfterSeconds: 5 * 60 });
  });

  it("refuses an address over its limit with rateLimited, and asks for at least a second", () => {
    const refused = refusal(() => assertWithinLimit(limits.loginPerAddress, { count: 30, oldestAt: "2026-12-02T11:59:00.400Z" }, now));
    expect(refused).toMatchObject({ status: 429, code: "rateLimited", retryAfterSeconds: 1 });
    const later = refusal(() => assertWithinLimit(limits.complaintPerAddress, { count: 10, oldestAt: "2026-12-02T11:59:20.000Z" }, now));
    expect(later).toMatchObject({ code: "rateLimited", retryAfterSeconds: 20 });
  });
});
