import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { readUploadedFile } from "@server/http/multipart.js";
import { idParam } from "@shared/schemas/common.js";
import {
  documentOutput,
  EVIDENCE_MAX_BYTES,
  exemptionDecisionInput,
  exemptionEndInput,
  exemptionExtensionRefusalInput,
  exemptionInput,
  exemptionList,
  exemptionListQuery,
  exemptionOutput,
  exemptionPage,
  exemptionRequestInput,
  medicalAdviceInput,
} from "@shared/schemas/exemptions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkEvidence, presentDocument } from "../documents/documents.service.js";
import { exemptionPolicy } from "./exemptions.policy.js";
import { presentExemption } from "./exemptions.presenter.js";
import { exemptionListAbilities } from "./exemptions.rules.js";
import {
  addExemptionEvidence,
  addMedicalAdvice,
  coSignExemption,
  decideExemption,
  endExemption,
  listExemptions,
  listExemptionsByStatus,
  readExemption,
  recordExemption,
  refuseExtension,
  requestExemption,
} from "./exemptions.service.js";
import { undoExemption } from "./exemptions.undo.js";

/** Exemptions (art. 9 lid 2): recorded, requested, decided, co-signed, ended; with evidence. */
export function exemptionRoutes({ db }: Services): FastifyPluginAsyncZod {
  const presentOne = async (id: string, request: Parameters<typeof contextOf>[0]) => {
    const ctx = contextOf(request);
    return presentExemption(ctx.actor, await readExemption(db.kysely, ctx, id), ctx.clock.today());
  };

  return async (app) => {
    app.get(
      "/clients/:id/exemptions",
      {
        config: { policy: exemptionPolicy.read },
        schema: {
          tags: ["exemptions"],
          summary: "A client's exemptions",
          description: "A sensitive read: audited.",
          params: idParam,
          response: { 200: exemptionList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const views = await listExemptions(db.kysely, ctx, request.params.id);
        return {
          items: views.map((view) => presentExemption(ctx.actor, view, ctx.clock.today())),
          abilities: exemptionListAbilities(ctx.actor),
        };
      },
    );

    app.post(
      "/clients/:id/exemptions",
      {
        config: { policy: exemptionPolicy.create },
        schema: {
          tags: ["exemptions"],
          summary: "Record an exemption",
          description:
            "Temporary by law: an end or a review date is required. A full exemption in force removes the client from invitation cohorts and blocks sanctions; " +
            "a partial one caps capacity at its hours. A full exemption longer than the ordinance's threshold waits for a team lead's co-signature.",
          params: idParam,
          body: exemptionInput,
          response: { 201: exemptionOutput },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await presentOne(await recordExemption(db.kysely, contextOf(request), request.params.id, request.body), request)),
    );

    app.post(
      "/clients/:id/exemption-requests",
      {
        config: { policy: exemptionPolicy.request },
        schema: {
          tags: ["exemptions"],
          summary: "Ask for an exemption",
          description: "By the client themselves, or by a consultant for them. A consultant decides.",
          params: idParam,
          body: exemptionRequestInput,
          response: { 201: exemptionOutput },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await presentOne(await requestExemption(db.kysely, contextOf(request), request.params.id, request.body), request)),
    );

    app.get(
      "/exemptions",
      {
        config: { policy: exemptionPolicy.list },
        schema: {
          tags: ["exemptions"],
          summary: "Exemptions by status",
          description:
            "Of the clients in the caller's scope: e.g. `status=awaitingCoSign` for a team lead, `status=requested` for a consultant's " +
            "undecided requests. Audited.",
          querystring: exemptionListQuery,
          response: { 200: exemptionPage },
        },
      },
      async (request) => {
        const { status = "awaitingCoSign", page, pageSize } = request.query;
        const ctx = contextOf(request);
        const { views, total } = await listExemptionsByStatus(db.kysely, ctx, status, page, pageSize);
        const items = views.map((view) => ({
          ...presentExemption(ctx.actor, view, ctx.clock.today()),
          clientName: `${view.row.given_name} ${view.row.family_name}`,
        }));
        return { items, page, pageSize, total };
      },
    );

    app.post(
      "/exemptions/:id/decisions",
      {
        config: { policy: exemptionPolicy.decide },
        schema: {
          tags: ["exemptions"],
          summary: "Decide a request for an exemption",
          params: idParam,
          body: exemptionDecisionInput,
          response: { 200: exemptionOutput },
        },
      },
      async (request) => {
        await decideExemption(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request.params.id, request);
      },
    );

    app.post(
      "/exemptions/:id/medical-advice",
      {
        config: { policy: exemptionPolicy.medicalAdvice },
        schema: {
          tags: ["exemptions"],
          summary: "Record medical advice on an exemption",
          description:
            "The advice of an occupational physician or an independent doctor that a medical request is decided on: who, when, and the " +
            "conclusion in functional terms (what the client can and cannot do), never a diagnosis. A medical request is not granted or " +
            "refused without it (409 medicalAdviceRequired). Health data: audited.",
          params: idParam,
          body: medicalAdviceInput,
          response: { 201: exemptionOutput },
        },
      },
      async (request, reply) => {
        await addMedicalAdvice(db.kysely, contextOf(request), request.params.id, request.body);
        return reply.status(201).send(await presentOne(request.params.id, request));
      },
    );

    app.post(
      "/exemptions/:id/co-signatures",
      {
        config: { policy: exemptionPolicy.coSign },
        schema: {
          tags: ["exemptions"],
          summary: "Co-sign a long full exemption",
          description: "By a team lead who did not decide it.",
          params: idParam,
          response: { 200: exemptionOutput },
        },
      },
      async (request) => {
        await coSignExemption(db.kysely, contextOf(request), request.params.id);
        return presentOne(request.params.id, request);
      },
    );

    app.post(
      "/exemptions/:id/end",
      {
        config: { policy: exemptionPolicy.decide },
        schema: {
          tags: ["exemptions"],
          summary: "End an exemption early",
          params: idParam,
          body: exemptionEndInput,
          response: { 200: exemptionOutput },
        },
      },
      async (request) => {
        await endExemption(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request.params.id, request);
      },
    );

    app.post(
      "/exemptions/:id/extension-refusal",
      {
        config: { policy: exemptionPolicy.decide },
        schema: {
          tags: ["exemptions"],
          summary: "Decide not to extend an exemption",
          description:
            "The client asked for a longer exemption and is refused, or the consultant decides at its review that it ends: it runs to " +
            "its end date (or else its review date) and then ends. A decision with its letter; once per exemption (409 exemptionState).",
          params: idParam,
          body: exemptionExtensionRefusalInput,
          response: { 200: exemptionOutput },
        },
      },
      async (request) => {
        await refuseExtension(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request.params.id, request);
      },
    );

    app.post(
      "/exemptions/:id/undo",
      {
        config: { policy: exemptionPolicy.undo },
        schema: {
          tags: ["exemptions"],
          summary: "Undo an exemption's recording or its last decision",
          description:
            "Its recording with the grant, or its last decision (granted or refused), co-signature, early end or refused extension, " +
            "while that letter has not left the building (not printed, delivered, announced to the client or opened; `abilities.undo`), " +
            "by whoever made it or a team lead: the letter is kept, withdrawn; the decision it announced is kept, marked withdrawn. " +
            "A recording undone removes the exemption (204); any other step puts it back as it was before (awaiting its decision or " +
            "co-signature, or running to its old end or review date; 200 with the exemption). 409 letterLeftBuilding or " +
            "letterWithdrawn; 409 exemptionState when there is nothing to undo, exemptionChanged when it changed since (it ran " +
            "out, say), exemptionHasRecords when evidence or medical advice hangs on an exemption whose recording is undone (end " +
            "it instead); 403 notLetterAuthor.",
          params: idParam,
          response: {
            200: exemptionOutput,
            204: z.null().describe("the recording undone: the exemption is gone, its letter and decision withdrawn"),
          },
        },
      },
      async (request, reply) => {
        if ((await undoExemption(db.kysely, contextOf(request), request.params.id)) === "removed") return reply.status(204).send(null);
        return presentOne(request.params.id, request);
      },
    );

    app.post(
      "/exemptions/:id/documents",
      {
        config: { policy: exemptionPolicy.upload },
        schema: {
          tags: ["exemptions"],
          summary: "Upload evidence for an exemption",
          description:
            "multipart/form-data with one file in the field `file` and no other field: a PDF, PNG or JPEG of at most 10 MB. " +
            "A malformed or cut-off form, a second file, another field, a larger file or another type is a 400 naming the field; " +
            "another media type (JSON, say) is a 415. Nothing is stored on a refusal. " +
            "A refused request takes no evidence (409 exemptionState). Sensitive: downloads are audited.",
          consumes: ["multipart/form-data"],
          params: idParam,
          response: { 201: documentOutput },
        },
      },
      async (request, reply) => {
        const upload = await checkEvidence(await readUploadedFile(request, { maxBytes: EVIDENCE_MAX_BYTES }));
        const row = await addExemptionEvidence(db.kysely, contextOf(request), request.params.id, upload);
        return reply.status(201).send(presentDocument(row));
      },
    );
  };
}
