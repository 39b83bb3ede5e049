import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField } from "@server/http/errors.js";
import type { ExpenseInput } from "@shared/schemas/host-partnership.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { partiesOfPlacement } from "../placements/placements.repo.js";
import { assertMayActForOrganisation, assertPlacementStatusAllows } from "../placements/placements.rules.js";
import { requireVisiblePlacement } from "../placements/placements.service.js";
import * as repo from "./expenses.repo.js";
import {
  assertAllowanceLimitsKnown,
  assertExpenseNotPaid,
  assertPaidNotInFuture,
  assertWithinAllowanceLimits,
  toCents,
} from "./expenses.rules.js";

/**
 * Records an expense allowance (onkostenvergoeding) for one month of a running or ended placement, paid or not. The
 * volunteer's total in that month and year, over all their placements, stays within the tax-free limits of the year's
 * table (409 allowanceAboveLimit, allowanceLimitsMissing). The client's row is locked first, so two parallel
 * allowances for the same volunteer are counted one after the other and cannot pass the limit together.
 */
export async function recordExpense(db: Kysely<Database>, ctx: RequestContext, placementId: string, input: ExpenseInput): Promise<string> {
  const today = ctx.clock.today();
  if (input.paidOn) assertPaidNotInFuture(input.paidOn, today);
  return inTransaction(db, async (trx) => {
    const parties = await partiesOfPlacement(trx, placementId);
    if (parties) await lockClient(trx, parties.client_id);
    const placement = await requireVisiblePlacement(trx, ctx, placementId);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    assertPlacementStatusAllows(placement, "recordExpense");
    const year = Number(input.period.slice(0, 4));
    const limits = await repo.allowanceLimitsOf(trx, year);
    assertAllowanceLimitsKnown(limits, year);
    const totals = await repo.allowanceTotalsOf(trx, placement.client_id, input.period);
    const amountCents = toCents(input.amount);
    assertWithinAllowanceLimits(limits, {
      hoursPerWeek: placement.hours_per_week,
      monthTotalCents: totals.monthCents,
      yearTotalCents: totals.yearCents,
      amountCents,
    });
    const now = nowIso(ctx.clock);
    const id = randomUUID();
    await repo.insertExpense(trx, {
      id,
      placement_id: placement.id,
      client_id: placement.client_id,
      organisation_id: placement.organisation_id,
      kind: input.kind,
      period: input.period,
      amount_cents: amountCents,
      description: input.description || null,
      paid_on: input.paidOn ?? null,
      recorded_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, ctx, {
      action: "placement.expense",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: placement.id,
      details: { expenseId: id, period: input.period, amountCents },
    });
    return id;
  });
}

/** Records that one allowance of a placement was paid, once (409 expensePaid, also under parallel requests); 400 for an allowance of another placement. */
export async function payExpense(
  db: Kysely<Database>,
  ctx: RequestContext,
  placementId: string,
  input: { expenseId: string; paidOn: string },
): Promise<void> {
  assertPaidNotInFuture(input.paidOn, ctx.clock.today());
  await inTransaction(db, async (trx) => {
    const placement = await requireVisiblePlacement(trx, ctx, placementId);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    const expense = await repo.findExpense(trx, placement.id, input.expenseId);
    if (!expense) throw invalidField("expenseId", "unknownExpense", "No such allowance on this placement");
    assertExpenseNotPaid(expense);
    if (!(await repo.markExpensePaid(trx, expense.id, input.paidOn, nowIso(ctx.clock)))) assertExpenseNotPaid({ paid_on: "meanwhile" });
    await recordAudit(trx, ctx, {
      action: "placement.expensePaid",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: placement.id,
      details: { expenseId: expense.id },
    });
  });
}
