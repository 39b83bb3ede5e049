import type { Clock } from "@server/clock.js";

/**
 * Counts failed logins per account name (existing or not, so it reveals nothing) and refuses further
 * attempts for a while after too many. Per process; the IP limit of @fastify/rate-limit sits in front.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** True when this account name may try again now. */
  mayAttempt(email: string): boolean {
    return this.recent(email, this.clock.now().getTime()).length < this.maxFailures;
  }

  /** Counts one failed attempt for this account name, now. */
  recordFailure(email: string): void {
    const now = this.clock.now().getTime();
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  /** Forgets the failures of an account name that logged in. */
  recordSuccess(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: number): number[] {
    const list = (this.failures.get(email) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(email);
    return list;
  }
}
