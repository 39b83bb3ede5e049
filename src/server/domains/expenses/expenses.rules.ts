import { conflict, invalidField } from "@server/http/errors.js";

/** The tax-free limits of the volunteer allowance (vrijwilligersvergoeding) in one year, in cents. */
export interface AllowanceLimits {
  year: number;
  hourly_cents: number;
  monthly_cents: number;
  yearly_cents: number;
}

/** Weeks in an average month: 52 weeks over 12 months. */
const WEEKS_PER_MONTH = 52 / 12;

const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace(".", ",")}`;

/**
 * The most a volunteer may receive tax-free in one month for a placement of these hours a week: the year's monthly
 * maximum, and no more than the hourly maximum over the hours of an average month.
 */
export function monthlyAllowanceCap(limits: AllowanceLimits, hoursPerWeek: number): number {
  return Math.min(limits.monthly_cents, Math.floor(limits.hourly_cents * hoursPerWeek * WEEKS_PER_MONTH));
}

/** An allowance is checked against the limits of its year; a year without limits in the table is refused. */
export function assertAllowanceLimitsKnown(limits: AllowanceLimits | undefined, year: number): asserts limits is AllowanceLimits {
  if (!limits) {
    throw conflict("allowanceLimitsMissing", `The limits of the volunteer allowance for ${year} are not in the table yet.`, [
      { name: "period", code: "aboveAllowanceLimit", reason: `No limits for ${year}` },
    ]);
  }
}

/**
 * The volunteer allowance stays within the tax-free limits of its year (Belastingdienst): what the volunteer receives
 * in the month, with this one, at most the monthly cap (`monthlyAllowanceCap`), and in the year at most the yearly
 * maximum — counted over all the volunteer's placements, since the limits are the volunteer's. Above them the
 * allowance would be taxed and could cost the client their benefit: refused, naming the limit.
 */
export function assertWithinAllowanceLimits(
  limits: AllowanceLimits,
  facts: { hoursPerWeek: number; monthTotalCents: number; yearTotalCents: number; amountCents: number },
): void {
  const cap = monthlyAllowanceCap(limits, facts.hoursPerWeek);
  const month = facts.monthTotalCents + facts.amountCents;
  if (month > cap) {
    throw conflict(
      "allowanceAboveLimit",
      `This month would come to ${euro(month)}; the tax-free limit in ${limits.year} is ${euro(cap)} a month ` +
        `(${euro(limits.hourly_cents)} an hour over ${facts.hoursPerWeek} hours a week, at most ${euro(limits.monthly_cents)}).`,
      [
        {
          name: "amount",
          code: "aboveAllowanceLimit",
          reason: `At most ${euro(Math.max(0, cap - facts.monthTotalCents))} more this month`,
        },
      ],
    );
  }
  const year = facts.yearTotalCents + facts.amountCents;
  if (year > limits.yearly_cents) {
    throw conflict(
      "allowanceAboveLimit",
      `This year would come to ${euro(year)}; the tax-free limit in ${limits.year} is ${euro(limits.yearly_cents)} a year.`,
      [
        {
          name: "amount",
          code: "aboveAllowanceLimit",
          reason: `At most ${euro(Math.max(0, limits.yearly_cents - facts.yearTotalCents))} more this year`,
        },
      ],
    );
  }
}

/** A payment is recorded once; a paid allowance stays paid. */
export function assertExpenseNotPaid(expense: { paid_on: string | null }): void {
  if (expense.paid_on) throw conflict("expensePaid", "This allowance has already been recorded as paid.");
}

/** Euros with at most two decimals, as whole cents. */
export function toCents(euros: number): number {
  return Math.round(euros * 100);
}

/** A payment is recorded once it was made. */
export function assertPaidNotInFuture(paidOn: string, today: string): void {
  if (paidOn > today) throw invalidField("paidOn", "dateInFuture", "Record a payment once it was made");
}
