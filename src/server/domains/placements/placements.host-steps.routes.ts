import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { hostCheckInInput, introductionInput } from "@shared/schemas/host-partnership.js";
import { placementOutput } from "@shared/schemas/placements.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { hostAgreementPdf } from "./placements.agreement-document.js";
import { recordHostCheckIn, recordIntroduction } from "./placements.host-steps.js";
import { placementPolicy } from "./placements.policy.js";
import { presentPlacement } from "./placements.presenter.js";
import { listAgreements, listNotes } from "./placements.repo.js";
import { requireVisiblePlacement } from "./placements.service.js";

/** The host as partner: the introduction meeting before the start, the check-in after four weeks, its copy of the agreement. */
export function placementHostStepRoutes({ db }: Services): FastifyPluginAsyncZod {
  const detail = async (ctx: RequestContext, id: string) => {
    const row = await requireVisiblePlacement(db.kysely, ctx, id);
    return presentPlacement(ctx.actor, row, await listAgreements(db.kysely, id), await listNotes(db.kysely, id));
  };
  return async (app) => {
    app.post(
      "/placements/:id/introduction",
      {
        config: { policy: placementPolicy.act },
        schema: {
          tags: ["placements"],
          summary: "Record the introduction meeting before the start",
          description:
            "The day, who attended, the named contact person at the host and the client's and the host's verdict. Before the " +
            "start only (409 placementState), once (409 introductionRecorded), not in the future (400). A host for its own " +
            "organisation only (403 otherOrganisation).",
          params: idParam,
          body: introductionInput,
          response: { 201: placementOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await recordIntroduction(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(await detail(ctx, request.params.id));
      },
    );

    app.post(
      "/placements/:id/host-check-in",
      {
        config: { policy: placementPolicy.act },
        schema: {
          tags: ["placements"],
          summary: "Record the check-in with the host after four weeks",
          description:
            "Due four weeks after the start (hostSteps.hostCheckIn.dueOn); waits on the consultant's work queue " +
            "(hostCheckInDue) until recorded. Only on a running placement (409 placementState; 409 placementNotBegun before " +
            "its start date), once (409 hostCheckInRecorded).",
          params: idParam,
          body: hostCheckInInput,
          response: { 201: placementOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await recordHostCheckIn(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(await detail(ctx, request.params.id));
      },
    );

    app.get(
      "/placements/:id/agreement/document",
      {
        config: { policy: placementPolicy.act },
        schema: {
          tags: ["placements"],
          summary: "Download the current agreement for the host",
          description:
            "The host's copy of the current agreement version as a PDF: the terms, the municipality's volunteer insurance and " +
            "the signatures given so far, naming the client by first name only. The host signs in the portal afterwards.",
          params: idParam,
          produces: ["application/pdf"],
          response: { 200: z.any().describe("the PDF") },
        },
      },
      async (request, reply) => {
        const { pdf, version } = await hostAgreementPdf(db.kysely, contextOf(request), request.params.id);
        return reply
          .type("application/pdf")
          .header("Content-Disposition", `attachment; filename="plaatsingsovereenkomst-versie-${version}.pdf"`)
          .send(pdf);
      },
    );
  };
}
