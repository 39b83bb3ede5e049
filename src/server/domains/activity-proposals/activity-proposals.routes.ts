import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { contextOf } from "@server/http/context.js";
import { readUploadedFile } from "@server/http/multipart.js";
import {
  activityProposalDecisionInput,
  activityProposalInput,
  activityProposalList,
  activityProposalOutput,
} from "@shared/schemas/activity-proposals.js";
import { idParam } from "@shared/schemas/common.js";
import { documentOutput, EVIDENCE_MAX_BYTES } from "@shared/schemas/exemptions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkEvidence, presentDocument } from "../documents/documents.service.js";
import { decideProposal } from "./activity-proposals.decision.js";
import { activityProposalPolicy } from "./activity-proposals.policy.js";
import { presentActivityProposal } from "./activity-proposals.presenter.js";
import { activityProposalListAbilities, hoursAvailable } from "./activity-proposals.rules.js";
import {
  type ActivityProposalView,
  addProposalEvidence,
  listProposals,
  loadProposal,
  proposeActivity,
} from "./activity-proposals.service.js";
import { mayUndoDecision, undoProposalDecision } from "./activity-proposals.undo.js";

/** Activities the client proposes as their own contribution, and the consultant's decision on each. */
export function activityProposalRoutes({ db }: Services): FastifyPluginAsyncZod {
  const present = async (ctx: RequestContext, view: ActivityProposalView) =>
    presentActivityProposal(ctx.actor, view, await mayUndoDecision(db.kysely, ctx, view.row));
  const presentOne = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const ctx = contextOf(request);
    return present(ctx, await loadProposal(db.kysely, ctx, id));
  };
  return async (app) => {
    app.get(
      "/clients/:id/activity-proposals",
      {
        config: { policy: activityProposalPolicy.read },
        schema: {
          tags: ["activity-proposals"],
          summary: "A client's proposals of their own activity",
          description:
            "Newest first, each with its status, the consultant's reasons and the caller's abilities. A sensitive read: audited.",
          params: idParam,
          response: { 200: activityProposalList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { views, facts } = await listProposals(db.kysely, ctx, request.params.id);
        const items = [];
        for (const view of views) items.push(await present(ctx, view));
        return {
          items,
          hoursAvailablePerWeek: hoursAvailable(facts),
          abilities: activityProposalListAbilities(ctx.actor),
        };
      },
    );

    app.post(
      "/clients/:id/activity-proposals",
      {
        config: { policy: activityProposalPolicy.propose },
        schema: {
          tags: ["activity-proposals"],
          summary: "Propose an activity of one's own",
          description:
            "Caring for someone (mantelzorg), a course, volunteer work or another initiative the client does or wants to do: what, where, " +
            "about how many hours a week and since or from when. By the client for their own record, or by staff on their behalf. " +
            "It waits on the consultant's work queue and counts for nothing until accepted.",
          params: idParam,
          body: activityProposalInput,
          response: { 201: activityProposalOutput },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await presentOne(request, await proposeActivity(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.post(
      "/activity-proposals/:id/decision",
      {
        config: { policy: activityProposalPolicy.decide },
        schema: {
          tags: ["activity-proposals"],
          summary: "Accept or decline a proposal, with reasons",
          description:
            "A decision (besluit) with its letter and the objection term. Accepted, the proposal becomes the client's contribution " +
            "(caregiving beyond customary care, or a formalised contribution); its hours must fit capacity (409 capacityExceeded or " +
            "capacityNotAssessed), and the consultant may accept fewer hours than proposed, never more (400 aboveProposed). " +
            "Decided once: 409 activityProposalDecided. The letter is held back from the client for a few minutes and the decision " +
            "can be undone until it is printed (`abilities.undo`).",
          params: idParam,
          body: activityProposalDecisionInput,
          response: { 200: activityProposalOutput },
        },
      },
      async (request) => {
        await decideProposal(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request, request.params.id);
      },
    );

    app.delete(
      "/activity-proposals/:id/decision",
      {
        config: { policy: activityProposalPolicy.decide },
        schema: {
          tags: ["activity-proposals"],
          summary: "Undo the decision on a proposal",
          description:
            "While the decision letter has not left the building (not printed, delivered, announced to the client or opened; " +
            "`abilities.undo`), whoever decided or a team lead takes the decision back: the letter is kept, withdrawn; the decision is " +
            "kept, marked withdrawn; the contribution or caregiving that accepting made is removed (its hours free again) and the " +
            "proposal waits for a decision as before. 409 letterLeftBuilding, letterWithdrawn, activityProposalNotDecided or " +
            "activityMovedOn (what accepting made has ended or the client was asked about it); 403 notLetterAuthor.",
          params: idParam,
          response: { 200: activityProposalOutput },
        },
      },
      async (request) => {
        await undoProposalDecision(db.kysely, contextOf(request), request.params.id);
        return presentOne(request, request.params.id);
      },
    );

    app.post(
      "/activity-proposals/:id/documents",
      {
        config: { policy: activityProposalPolicy.upload },
        schema: {
          tags: ["activity-proposals"],
          summary: "Upload a document that shows the activity",
          description:
            "multipart/form-data with one file in the field `file` and no other field: a PDF, PNG or JPEG of at most 10 MB; " +
            "a bad form or file is a 400 naming the field, another media type a 415. Only while the proposal waits for a decision " +
            "(409 activityProposalDecided). Sensitive: downloads are audited.",
          consumes: ["multipart/form-data"],
          params: idParam,
          response: { 201: documentOutput },
        },
      },
      async (request, reply) => {
        const upload = await checkEvidence(await readUploadedFile(request, { maxBytes: EVIDENCE_MAX_BYTES }));
        const row = await addProposalEvidence(db.kysely, contextOf(request), request.params.id, upload);
        return reply.status(201).send(presentDocument(row));
      },
    );
  };
}
