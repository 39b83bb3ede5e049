import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { notFound } from "@server/http/errors.js";
import { idParam } from "@shared/schemas/common.js";
import { planConfirmationInput, planList, planOutput, planStepInput, planStepUpdateInput } from "@shared/schemas/plans.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planListAbilities, planPolicy } from "./plans.policy.js";
import { presentPlan } from "./plans.presenter.js";
import { addPlanStep, confirmPlan, listPlans, readPlans, updatePlanStep } from "./plans.service.js";

/** Plans naar vermogen: versions, steps, confirmation. */
export function planRoutes({ db }: Services): FastifyPluginAsyncZod {
  const presentCurrent = async (request: Parameters<typeof contextOf>[0], clientId: string, planId: string) => {
    const ctx = contextOf(request);
    const { frame, plans } = await listPlans(db.kysely, ctx, clientId);
    const entry = plans.find((p) => p.plan.id === planId);
    if (!entry) throw notFound("plan");
    return presentPlan(ctx.actor, frame, entry.plan, entry.steps);
  };

  return async (app) => {
    app.get(
      "/clients/:id/plans",
      {
        config: { policy: planPolicy.list },
        schema: { tags: ["plans"], summary: "All plan versions of a client", params: idParam, response: { 200: planList } },
      },
      async (request) => {
        const { actor } = contextOf(request);
        const { frame, plans } = await readPlans(db.kysely, contextOf(request), request.params.id);
        return { items: plans.map(({ plan, steps }) => presentPlan(actor, frame, plan, steps)), abilities: planListAbilities(actor) };
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
            "409 capacityExceeded when the plan's planned and active hours would exceed the client's capacity; 409 capacityNotAssessed before an intake.",
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
          description: "A step of a confirmed plan is changed in a new draft version; the confirmed version is never edited.",
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
          description: "The version becomes immutable and a plan letter (PDF) records what was agreed.",
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
  };
}
