/**
 * Counts failed logins per account name (existing or not, so it reveals nothing) and refuses further
 * attempts for a while after too many. Per process; the IP limit of @fastify/rate-limit sits in front.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** True when this account name may try again now. */
  mayAttempt(email: string, now = Date.now()): boolean {
    return this.recent(email, now).length < this.maxFailures;
  }

  recordFailure(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: number): number[] {
    const list = (this.failures.get(email) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(email);
    return list;
  }
}
