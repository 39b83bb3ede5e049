import { TooManyRequests } from "@server/http/errors.js";

/** The limits on attempts. Each is counted in the database per key (an account name or a client address). */
export type ThrottleKind = "loginPerAccount" | "loginPerAddress" | "complaintPerAddress" | "passwordChangePerAccount";

export interface ThrottleLimit {
  kind: ThrottleKind;
  /** Attempts allowed within any window of `windowMinutes`. */
  max: number;
  windowMinutes: number;
  /** The code of the 429 once the limit is reached. */
  code: "tooManyAttempts" | "rateLimited";
}

/** Every limit, with the one number the configuration sets: login attempts per client address per minute. */
export function throttleLimits(settings: { loginAttemptsPerAddressPerMinute: number }): Record<ThrottleKind, ThrottleLimit> {
  return {
    // Failed logins of one account name, existing or not, so the answer reveals nothing; a login forgets them.
    loginPerAccount: { kind: "loginPerAccount", max: 10, windowMinutes: 15, code: "tooManyAttempts" },
    loginPerAddress: { kind: "loginPerAddress", max: settings.loginAttemptsPerAddressPerMinute, windowMinutes: 1, code: "rateLimited" },
    // The complaint route is public: a flood from one address must not bury real complaints.
    complaintPerAddress: { kind: "complaintPerAddress", max: 10, windowMinutes: 1, code: "rateLimited" },
    // Guessing the current password with a stolen session.
    passwordChangePerAccount: { kind: "passwordChangePerAccount", max: 10, windowMinutes: 1, code: "rateLimited" },
  };
}

/** The longest window of any limit: attempts older than this count for none and may be removed. */
export const LONGEST_THROTTLE_WINDOW_MINUTES = Math.max(
  ...Object.values(throttleLimits({ loginAttemptsPerAddressPerMinute: 1 })).map((limit) => limit.windowMinutes),
);

/** The instant after which an attempt falls within the limit's window ending `now`. */
export function windowStart(limit: ThrottleLimit, now: Date): string {
  return new Date(now.getTime() - limit.windowMinutes * 60_000).toISOString();
}

/**
 * One more attempt may be counted while fewer than `max` fall within the window; otherwise 429 with the limit's code,
 * to be tried again when the oldest of them leaves the window (a sliding window, so no burst at a boundary).
 */
export function assertWithinLimit(limit: ThrottleLimit, recent: { count: number; oldestAt: string | null }, now: Date): void {
  if (recent.count < limit.max || recent.oldestAt === null) return;
  const freesAt = Date.parse(recent.oldestAt) + limit.windowMinutes * 60_000;
  const seconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
  const detail =
    limit.code === "tooManyAttempts"
      ? `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`
      : `Too many attempts. Try again in ${seconds} seconds.`;
  throw new TooManyRequests(limit.code, detail, seconds);
}
