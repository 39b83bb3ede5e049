import type { Actor } from "@server/auth/actor.js";
import type { PlacementExpensesTable, VolunteerAllowanceLimitsTable } from "@server/db/schema.js";
import type { AllowanceLimitsOutput, expenseOutput } from "@shared/schemas/host-partnership.js";
import type { z } from "zod";
import { expenseAbilities } from "./expenses.policy.js";

const euros = (cents: number) => Number(cents) / 100;

/** One allowance, in euros, with what the caller may do with it. */
export function presentExpense(actor: Actor, organisationId: string, row: PlacementExpensesTable): z.infer<typeof expenseOutput> {
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    amount: euros(row.amount_cents),
    description: row.description,
    paidOn: row.paid_on,
    createdAt: row.created_at,
    abilities: expenseAbilities(actor, organisationId, row),
  };
}

/** A year's limits, in euros, with their source. */
export function presentAllowanceLimits(row: VolunteerAllowanceLimitsTable): AllowanceLimitsOutput {
  return {
    year: Number(row.year),
    hourlyAmount: euros(row.hourly_cents),
    monthlyAmount: euros(row.monthly_cents),
    yearlyAmount: euros(row.yearly_cents),
    source: row.source,
    updatedAt: row.updated_at,
  };
}
