import type { Services } from "@server/app.js";
import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { inTransaction } from "@server/db/transaction.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  allowanceLimitsInput,
  allowanceLimitsList,
  allowanceLimitsOutput,
  expenseInput,
  expenseList,
  expensePaymentInput,
} from "@shared/schemas/host-partnership.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../audit/audit.service.js";
import { assertPlacementStatusAllows } from "../placements/placements.rules.js";
import { requireVisiblePlacement } from "../placements/placements.service.js";
import { expensePolicy, mayRecordExpenses } from "./expenses.policy.js";
import { presentAllowanceLimits, presentExpense } from "./expenses.presenter.js";
import { listAllowanceLimits, listExpensesOfPlacement, upsertAllowanceLimits } from "./expenses.repo.js";
import { toCents } from "./expenses.rules.js";
import { payExpense, recordExpense } from "./expenses.service.js";

/** What a volunteer is owed: the expense allowance per placement, and the year's tax-free limits it is checked against. */
export function expenseRoutes({ db }: Services): FastifyPluginAsyncZod {
  const list = async (ctx: RequestContext, id: string) => {
    const placement = await requireVisiblePlacement(db.kysely, ctx, id);
    const rows = await listExpensesOfPlacement(db.kysely, id);
    const years = new Set(rows.map((r) => Number(r.period.slice(0, 4))).concat(Number(ctx.clock.today().slice(0, 4))));
    const limits = (await listAllowanceLimits(db.kysely)).filter((l) => years.has(Number(l.year)));
    return {
      items: rows.map((row) => presentExpense(ctx.actor, placement.organisation_id, row)),
      limits: limits.map(presentAllowanceLimits),
      abilities: {
        record:
          mayRecordExpenses(ctx.actor, placement.organisation_id) && passes(() => assertPlacementStatusAllows(placement, "recordExpense")),
      },
    };
  };

  return async (app) => {
    app.get(
      "/placements/:id/expenses",
      {
        config: { policy: expensePolicy.read },
        schema: {
          tags: ["expenses"],
          summary: "A placement's expense allowances",
          description: "Per month: travel or other costs, the amount, paid or not; with the tax-free limits of the years concerned.",
          params: idParam,
          response: { 200: expenseList },
        },
      },
      async (request) => list(contextOf(request), request.params.id),
    );

    app.post(
      "/placements/:id/expenses",
      {
        config: { policy: expensePolicy.record },
        schema: {
          tags: ["expenses"],
          summary: "Record an expense allowance",
          description:
            "For one month of a running or ended placement (409 placementState otherwise). The volunteer's total in that month " +
            "and year, over all placements, stays within the tax-free limits of the year's table: at most the hourly amount " +
            "over the placement's hours in an average month and the monthly maximum, and the yearly maximum (409 " +
            "allowanceAboveLimit naming amount; 409 allowanceLimitsMissing for a year not in the table).",
          params: idParam,
          body: expenseInput,
          response: { 201: expenseList },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await recordExpense(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(await list(ctx, request.params.id));
      },
    );

    app.post(
      "/placements/:id/expense-payments",
      {
        config: { policy: expensePolicy.record },
        schema: {
          tags: ["expenses"],
          summary: "Record that an allowance was paid",
          description: "Once (409 expensePaid); an allowance of another placement is 400 unknownExpense.",
          params: idParam,
          body: expensePaymentInput,
          response: { 201: expenseList },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await payExpense(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(await list(ctx, request.params.id));
      },
    );

    app.get(
      "/volunteer-allowance-limits",
      {
        config: { policy: expensePolicy.readLimits },
        schema: {
          tags: ["expenses"],
          summary: "The tax-free limits of the volunteer allowance by year",
          response: { 200: allowanceLimitsList },
        },
      },
      async () => ({ items: (await listAllowanceLimits(db.kysely)).map(presentAllowanceLimits) }),
    );

    app.put(
      "/volunteer-allowance-limits",
      {
        config: { policy: expensePolicy.setLimits },
        schema: {
          tags: ["expenses"],
          summary: "Set the limits of one year",
          description:
            "When the Belastingdienst publishes a year's amounts, the municipality adds or corrects that year, naming the source.",
          body: allowanceLimitsInput,
          response: { 200: allowanceLimitsOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const input = request.body;
        const row = {
          year: input.year,
          hourly_cents: toCents(input.hourlyAmount),
          monthly_cents: toCents(input.monthlyAmount),
          yearly_cents: toCents(input.yearlyAmount),
          source: input.source,
          updated_by: ctx.actor.id,
          updated_at: nowIso(ctx.clock),
        };
        await inTransaction(db.kysely, async (trx) => {
          await upsertAllowanceLimits(trx, row);
          await recordAudit(trx, ctx, {
            action: "allowanceLimits.set",
            category: "admin",
            subjectType: "volunteerAllowanceLimits",
            subjectId: String(input.year),
          });
        });
        return presentAllowanceLimits(row);
      },
    );
  };
}
