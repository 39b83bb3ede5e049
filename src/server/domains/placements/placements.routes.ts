import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  agreementSignatureInput,
  clientPlacementList,
  clientSideInput,
  placementAttributionInput,
  placementCreateInput,
  placementDecisionInput,
  placementEndInput,
  placementFeedbackInput,
  placementListQuery,
  placementNoteInput,
  placementOutput,
  placementPage,
  placementSummary,
  placementUndoOutput,
  signAgreementInput,
} from "@shared/schemas/placements.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { attributePlacement } from "./placements.attribution.js";
import { giveClientSide, givePlacementFeedback, listClientPlacements } from "./placements.client-voice.js";
import { placementPolicy } from "./placements.policy.js";
import { presentAgreement, presentPlacement, presentPlacementSummary } from "./placements.presenter.js";
import { recordHostOpening, undoReferral } from "./placements.proposal-undo.js";
import { listAgreements, listNotes, listVisiblePlacements } from "./placements.repo.js";
import {
  addPlacementNote,
  decideReferral,
  endPlacement,
  proposePlacement,
  requireVisiblePlacement,
  signAgreement,
} from "./placements.service.js";
import { signAgreementAs } from "./placements.signatures.js";

/** Referrals, placement agreements, notes and endings. */
export function placementRoutes({ db }: Services): FastifyPluginAsyncZod {
  const detail = async (ctx: RequestContext, id: string) => {
    const row = await requireVisiblePlacement(db.kysely, ctx, id);
    return presentPlacement(ctx.actor, row, await listAgreements(db.kysely, id), await listNotes(db.kysely, id));
  };
  const action = { config: { policy: placementPolicy.act } };

  return async (app) => {
    app.get(
      "/placements",
      {
        config: { policy: placementPolicy.list },
        schema: { tags: ["placements"], summary: "List placements", querystring: placementListQuery, response: { 200: placementPage } },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { rows, total } = await listVisiblePlacements(db.kysely, ctx.actor, request.query);
        const { page, pageSize } = request.query;
        return { items: rows.map((row) => presentPlacementSummary(ctx.actor, row)), page, pageSize, total };
      },
    );

    app.post(
      "/placements",
      {
        config: { policy: placementPolicy.propose },
        schema: {
          tags: ["placements"],
          summary: "Propose a placement (referral)",
          description:
            "409 roleNotApproved, roleFull, guidanceLevelTooLow, guidanceExceeded (unless guidanceOverrideReason), capacityExceeded, then aboveNorm (the ordinance's weekly norm over everything asked of the client), alreadyReferred.",
          body: placementCreateInput,
          response: { 201: placementOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await proposePlacement(db.kysely, ctx, request.body);
        return reply.status(201).send(await detail(ctx, id));
      },
    );

    app.get(
      "/placements/:id",
      {
        config: { policy: placementPolicy.list },
        schema: {
          tags: ["placements"],
          summary: "Read a placement",
          description:
            "A host sees a referral once its hold for undoing has passed; its first reading is recorded, and the referral is no longer undone.",
          params: idParam,
          response: { 200: placementOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await recordHostOpening(db.kysely, ctx, await requireVisiblePlacement(db.kysely, ctx, request.params.id));
        return detail(ctx, request.params.id);
      },
    );

    app.post(
      "/placements/:id/undo",
      {
        config: { policy: placementPolicy.propose },
        schema: {
          tags: ["placements"],
          summary: "Undo a referral before it reaches the host",
          description:
            "While the referral is held from the host (NV_UNDO_HOLD_MINUTES) and the host has not opened it (`abilities.undo`): it is removed, " +
            "its role's place and guidance hours are free again, and a placement proposal it came from is pending again. By the consultant " +
            "who made it or a team lead (403 notLetterAuthor). 409 placementState once answered, referralReachedHost once the host can see it.",
          params: idParam,
          response: { 200: placementUndoOutput },
        },
      },
      async (request) => undoReferral(db.kysely, contextOf(request), request.params.id),
    );

    app.post(
      "/placements/:id/accept",
      { ...action, schema: { tags: ["placements"], summary: "Accept a referral", params: idParam, response: { 200: placementOutput } } },
      async (request) => {
        const ctx = contextOf(request);
        await decideReferral(db.kysely, ctx, request.params.id, "accepted");
        return detail(ctx, request.params.id);
      },
    );

    app.post(
      "/placements/:id/decline",
      {
        ...action,
        schema: {
          tags: ["placements"],
          summary: "Decline a referral",
          params: idParam,
          body: placementDecisionInput,
          response: { 200: placementOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await decideReferral(db.kysely, ctx, request.params.id, "declined", request.body.reason);
        return detail(ctx, request.params.id);
      },
    );

    app.post(
      "/placements/:id/start",
      {
        ...action,
        schema: {
          tags: ["placements"],
          summary: "Sign the agreement and start",
          description:
            "Start date, end date, hours, tasks, contact person and guidance arrangement are all required. 409 tooLong when it ends more than the ordinance's maxDurationMonths after its start; more hours than referred: 409 capacityExceeded, then aboveNorm.",
          params: idParam,
          body: signAgreementInput,
          response: { 200: placementOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await signAgreement(db.kysely, ctx, request.params.id, request.body.agreement, true);
        return detail(ctx, request.params.id);
      },
    );

    app.post(
      "/placements/:id/agreements",
      {
        ...action,
        schema: {
          tags: ["placements"],
          summary: "Sign a new agreement version",
          description:
            "A signed agreement never changes; a change is a new version with its own PDF. 409 tooLong when it ends more than the ordinance's maxDurationMonths after the placement started; more hours: 409 capacityExceeded, then aboveNorm.",
          params: idParam,
          body: signAgreementInput,
          response: { 201: placementOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await signAgreement(db.kysely, ctx, request.params.id, request.body.agreement, false);
        return reply.status(201).send(await detail(ctx, request.params.id));
      },
    );

    app.post(
      "/placements/:id/agreement/signatures",
      {
        config: { policy: placementPolicy.sign },
        schema: {
          tags: ["placements"],
          summary: "Sign the current agreement for one party",
          description:
            "The host's member signs for the host, a consultant or team lead for the municipality, the client in the portal " +
            "or a consultant recording the client's signature on paper (403 notSigningParty). Each party signs once " +
            "(409 alreadySigned), only while the placement is active (409 placementState). The municipality's signature is a " +
            "decision with a letter that lists the signatures given and the legal remedy.",
          params: idParam,
          body: agreementSignatureInput,
          response: { 201: placementOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await signAgreementAs(db.kysely, ctx, request.params.id, request.body);
        return reply.status(201).send(await detail(ctx, request.params.id));
      },
    );

    app.post(
      "/placements/:id/end",
      {
        ...action,
        schema: {
          tags: ["placements"],
          summary: "End a placement",
          description:
            "A regular ending (completed, movedToPaidWork) is attributed to nobody. Any other waits, attributableTo " +
            "undetermined, until the consultant hears the client (POST /placements/{id}/attribution); the ender's " +
            "attributableTo is kept as their view. Staff may determine at once an attribution other than client.",
          params: idParam,
          body: placementEndInput,
          response: { 200: placementOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await endPlacement(db.kysely, ctx, request.params.id, request.body);
        return detail(ctx, request.params.id);
      },
    );

    app.post(
      "/placements/:id/attribution",
      {
        config: { policy: placementPolicy.attribute },
        schema: {
          tags: ["placements"],
          summary: "Determine to whom an ending is attributable, after hearing the client",
          description:
            "By a consultant or team lead, never the host (403). Only on an ended placement (409 placementState) whose " +
            "attribution is undetermined (409 attributionDetermined); heardOn not in the future (400). Attributed to the " +
            "client it is a decision (placementAttribution) with a letter that ends with the right to object; no sanction " +
            "follows from it automatically.",
          params: idParam,
          body: placementAttributionInput,
          response: { 200: placementOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await attributePlacement(db.kysely, ctx, request.params.id, request.body);
        return detail(ctx, request.params.id);
      },
    );

    app.get(
      "/clients/:id/placements",
      {
        config: { policy: placementPolicy.clientList },
        schema: {
          tags: ["placements"],
          summary: "A client's running and ended placements",
          description:
            "The client reads their own (any other id is 404), with what they may still do: give their side, rate it, and sign " +
            "the current agreement in the portal (currentAgreement.abilities.signAsClient).",
          params: idParam,
          response: { 200: clientPlacementList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const rows = await listClientPlacements(db.kysely, ctx, request.params.id);
        const items = [];
        for (const row of rows) {
          const current = (await listAgreements(db.kysely, row.id)).at(-1);
          items.push({
            ...presentPlacementSummary(ctx.actor, row),
            currentAgreement: current ? presentAgreement(ctx.actor, row, current, true) : null,
          });
        }
        return { items };
      },
    );

    app.post(
      "/placements/:id/client-side",
      {
        config: { policy: placementPolicy.clientVoice },
        schema: {
          tags: ["placements"],
          summary: "The client's side of an ending",
          description:
            "The client's own account of why their placement ended, optionally with a reason from a short list: only on their own " +
            "ended placement (404 otherwise, 409 placementState while it runs), once (409 clientSideGiven). The consultant sees it " +
            "when determining the attribution; the host never does.",
          params: idParam,
          body: clientSideInput,
          response: { 200: placementSummary },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await giveClientSide(db.kysely, ctx, request.params.id, request.body);
        return presentPlacementSummary(ctx.actor, await requireVisiblePlacement(db.kysely, ctx, request.params.id));
      },
    );

    app.post(
      "/placements/:id/feedback",
      {
        config: { policy: placementPolicy.clientVoice },
        schema: {
          tags: ["placements"],
          summary: "The client's rating of a placement and its organisation",
          description:
            "A rating of 1–5 and words if the client likes, on their own running or ended placement (404 otherwise), once (409 " +
            "feedbackGiven). The consultant sees it with the placement; it counts in the organisation's figures; the host sees " +
            "only anonymous figures from five ratings on.",
          params: idParam,
          body: placementFeedbackInput,
          response: { 200: placementSummary },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await givePlacementFeedback(db.kysely, ctx, request.params.id, request.body);
        return presentPlacementSummary(ctx.actor, await requireVisiblePlacement(db.kysely, ctx, request.params.id));
      },
    );

    app.post(
      "/placements/:id/notes",
      {
        ...action,
        schema: {
          tags: ["placements"],
          summary: "Add a note (e.g. attendance)",
          params: idParam,
          body: placementNoteInput,
          response: { 201: placementOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await addPlacementNote(db.kysely, ctx, request.params.id, request.body.note);
        return reply.status(201).send(await detail(ctx, request.params.id));
      },
    );
  };
}
