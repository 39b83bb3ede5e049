import { todayInAmsterdam } from "@shared/dates.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The app's clock (`createApp({ clock })`), for the request context and the routes. */
    clock: Clock;
    /** Minutes the client's notice of an undoable letter is held back (`NV_UNDO_HOLD_MINUTES`). */
    undoHoldMinutes: number;
  }
}

/**
 * Where the server reads the time. Every "now" (timestamps, expiries, leases) and every "today" (dates with legal
 * meaning, in Europe/Amsterdam) comes from one clock, so a test can set the date instead of back-dating rows.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's calendar date in Europe/Amsterdam, `YYYY-MM-DD`. */
  today(): string;
}

/** The date in Amsterdam of the last whole second asked: formatting it is costly, and a request asks several times. */
let todayOfSecond = { second: Number.NaN, date: "" };

/** The machine's clock: what the server runs on outside tests. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== todayOfSecond.second) todayOfSecond = { second, date: todayInAmsterdam(new Date(now)) };
    return todayOfSecond.date;
  },
};

/** The current instant as ISO-8601 text, the form timestamps are stored in. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** A clock that stands still until a test sets or advances it. */
export class TestClock implements Clock {
  private instant: number;

  /** Starts at an instant, or at noon in Amsterdam on a `YYYY-MM-DD` date. */
  constructor(start: Date | string = new Date()) {
    this.instant = TestClock.parse(start);
  }

  now(): Date {
    return new Date(this.instant);
  }

  today(): string {
    return todayInAmsterdam(this.now());
  }

  /** Moves the clock to an instant, or to noon in Amsterdam on a `YYYY-MM-DD` date. */
  set(to: Date | string): void {
    this.instant = TestClock.parse(to);
  }

  /** Moves the clock forward (or back, with negative amounts). */
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    const { days = 0, hours = 0, minutes = 0, seconds = 0 } = by;
    this.instant += (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
  }

  private static parse(value: Date | string): number {
    if (value instanceof Date) return value.getTime();
    // Noon keeps the Amsterdam date the same whatever the offset (+01:00 or +02:00).
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00+01:00`) : Date.parse(value);
  }
}
