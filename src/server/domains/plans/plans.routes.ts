import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { notFound } from "@server/http/errors.js";
import { idParam } from "@shared/schemas/common.js";
import { planConfirmationInput, planList, planOutput, planStepInput, planStepUpdateInput } from "@shared/schemas/plans.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planListAbilities, planPolicy } from "./plans.policy.js";
import { presentPlan } from "./plans.presenter.js";
import { addPlanStep, confirmPlan, listPlans, readPlans, updatePlanStep } from "./plans.service.js";
import { mayUndoConfirmation, undoPlanConfirmation } from "./plans.undo.js";

/** Plans naar vermogen: versions, steps, confirmation. */
export function planRoutes({ db }: Services): FastifyPluginAsyncZod {
  const presentCurrent = async (request: Parameters<typeof contextOf>[0], clientId: string, planId: string) => {
    const ctx = contextOf(request);
    const { frame, plans } = await listPlans(db.kysely, ctx, clientId);
    const entry = plans.find((p) => p.plan.id === planId);
    if (!entry) throw notFound("plan");
    return presentPlan(ctx.actor, frame, entry.plan, entry.steps, await mayUndoConfirmation(db.kysely, ctx, entry.plan));
  };

  return async (app) => {
    app.get(
      "/clients/:id/plans",
      {
        config: { policy: planPolicy.list },
        schema: { tags: ["plans"], summary: "All plan versions of a client", params: idParam, response: { 200: planList } },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { actor } = ctx;
        const { frame, plans } = await readPlans(db.kysely, ctx, request.params.id);
        const items = [];
        for (const { plan, steps } of plans)
          items.push(
            presentPlan(actor, frame, plan, steps, planPolicy.change.allows(actor) && (await mayUndoConfirmation(db.kysely, ctx, plan))),
          );
        return {
          items,
          weeklyNormHours: frame.weeklyNormHours,
          maxDurationMonths: frame.maxDurationMonths,
          abilities: planListAbilities(actor),
        };
      },
    );

    app.post(
      "/clients/:id/plan-steps",
      {
        config: { policy: planPolicy.change },
        schema: {
          tags: ["plans"],
          summary: "Add a step to the draft plan",
          description:
            "A step that asks hours: 409 capacityExceeded when the hours asked of the client in all would exceed their capacity (capacityNotAssessed before an intake), then 409 aboveNorm above the ordinance's weekly norm, then 409 tooLong when it ends more than the ordinance's maxDurationMonths after its start (without an end date it ends then). Care, debt help and work on one's own situation ask no hours: 400 on hoursPerWeek above 0.",
          params: idParam,
          body: planStepInput,
          response: { 201: planOutput },
        },
      },
      async (request, reply) => {
        const plan = await addPlanStep(db.kysely, contextOf(request), request.params.id, request.body);
        return reply.status(201).send(await presentCurrent(request, request.params.id, plan.id));
      },
    );

    app.patch(
      "/plan-steps/:id",
      {
        config: { policy: planPolicy.change },
        schema: {
          tags: ["plans"],
          summary: "Change a step",
          description:
            "A step of a confirmed plan is changed in a new draft version; the confirmed version is never edited. The limits of adding a step apply (capacityExceeded, aboveNorm, tooLong).",
          params: idParam,
          body: planStepUpdateInput,
          response: { 200: planOutput },
        },
      },
      async (request) => {
        const plan = await updatePlanStep(db.kysely, contextOf(request), request.params.id, request.body);
        return presentCurrent(request, plan.client_id, plan.id);
      },
    );

    app.post(
      "/plans/:id/confirmation",
      {
        config: { policy: planPolicy.change },
        schema: {
          tags: ["plans"],
          summary: "Confirm a draft plan with the client",
          description:
            "The version becomes immutable and a plan letter (PDF) records what was agreed; the letter is held back from the client for a few minutes and the confirmation can be undone until it is printed. A plan that asks hours is refused with 409 capacityExceeded, aboveNorm or tooLong when it no longer keeps those limits.",
          params: idParam,
          body: planConfirmationInput,
          response: { 201: planOutput },
        },
      },
      async (request, reply) => {
        const plan = await confirmPlan(db.kysely, contextOf(request), request.params.id, request.body.reportingFrequencyWeeks);
        return reply.status(201).send(await presentCurrent(request, plan.client_id, plan.id));
      },
    );

    app.delete(
      "/plans/:id/confirmation",
      {
        config: { policy: planPolicy.change },
        schema: {
          tags: ["plans"],
          summary: "Undo a plan's confirmation",
          description:
            "While the plan letter has not left the building (not printed, delivered, announced to the client or opened; `abilities.undoConfirmation`), whoever confirmed it or a team lead takes the version back to draft: the letter is kept, withdrawn; the assignment decision it announced is kept, marked withdrawn, and the version it superseded is in force again. 409 letterLeftBuilding, letterWithdrawn, planNotConfirmed or draftExists; 403 notLetterAuthor.",
          params: idParam,
          response: { 200: planOutput },
        },
      },
      async (request) => {
        const plan = await undoPlanConfirmation(db.kysely, contextOf(request), request.params.id);
        return presentCurrent(request, plan.client_id, plan.id);
      },
    );
  };
}
