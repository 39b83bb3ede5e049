import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { EXPENSE_ACTIONS } from "@shared/schemas/host-partnership.js";
import { assertMayActForOrganisation } from "../placements/placements.rules.js";
import { assertExpenseNotPaid } from "./expenses.rules.js";

/**
 * The host records and pays the expense allowance of its own placements, and staff read and record it with it; the
 * limits of the volunteer allowance are the municipality's table (admins set a year's), which hosts read too.
 */
export const expensePolicy = {
  read: roles("expenses.read", "admin", "consultant", "teamLead", "host"),
  record: roles("expenses.record", "consultant", "teamLead", "host"),
  readLimits: roles("expenses.readLimits", "admin", "consultant", "teamLead", "host"),
  setLimits: roles("expenses.setLimits", "admin"),
};

/** Whether the actor may record an allowance of this organisation's placement (the status rule is the placement's). */
export function mayRecordExpenses(actor: Actor, organisationId: string): boolean {
  return expensePolicy.record.allows(actor) && passes(() => assertMayActForOrganisation(actor, organisationId));
}

/** What the actor may do with one allowance: record it as paid, once. */
export function expenseAbilities(
  actor: Actor,
  organisationId: string,
  expense: { paid_on: string | null },
): Abilities<typeof EXPENSE_ACTIONS> {
  return { markPaid: mayRecordExpenses(actor, organisationId) && passes(() => assertExpenseNotPaid(expense)) };
}
