import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { notFound } from "@server/http/errors.js";
import {
  buddyAgreementEnded,
  buddyAgreementEndInput,
  buddyAgreementInput,
  buddyAgreementUndone,
  buddyList,
  buddyMeetingInput,
  buddyMeetingOutput,
  buddyOutput,
  buddyPairingEnded,
  buddyPairingEndInput,
  buddyPairingInput,
  buddyPairingList,
  buddyPairingOutput,
  buddyQuery,
} from "@shared/schemas/buddies.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { buddyPolicy } from "./buddies.policy.js";
import { presentAgreement, presentBuddy, presentPairings } from "./buddies.presenter.js";
import { findVisibleBuddy, listVisibleBuddies } from "./buddies.repo.js";
import { clientBuddyAbilities } from "./buddies.rules.js";
import {
  endBuddyAgreement,
  endPairing,
  listClientPairings,
  makeBuddyAgreement,
  mayUndoAgreement,
  pairWithBuddy,
  recordMeeting,
  undoBuddyAgreement,
} from "./buddies.service.js";

const TAGS = ["buddies"];

/** Peer activation: buddies (maatjes) with their agreement, the pairings the consultant makes, and the pairs' meetings. */
export function buddyRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/buddies",
      {
        config: { policy: buddyPolicy.list },
        schema: { tags: TAGS, summary: "The buddies of the caller's districts", querystring: buddyQuery, response: { 200: buddyList } },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { page, pageSize, district } = request.query;
        const { rows, total } = await listVisibleBuddies(db.kysely, ctx.actor, { page, pageSize, district });
        return { items: rows.map(presentBuddy), page, pageSize, total, abilities: { pair: buddyPolicy.pair.allows(ctx.actor) } };
      },
    );

    app.post(
      "/clients/:id/buddies",
      {
        config: { policy: buddyPolicy.createAgreement },
        schema: {
          tags: TAGS,
          summary: "Make a client a buddy",
          description:
            "The buddy agreement: a decision with its letter (open to objection) whose contribution counts the buddy's hours " +
            "(409 capacityExceeded beyond capacity, alreadyBuddy for a second agreement; 400 when the training lies ahead). The letter is " +
            "held back from the client for a few minutes (NV_UNDO_HOLD_MINUTES) and the agreement can be undone until it is printed.",
          params: idParam,
          body: buddyAgreementInput,
          response: { 201: buddyOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await makeBuddyAgreement(db.kysely, ctx, request.params.id, request.body);
        const buddy = await findVisibleBuddy(db.kysely, ctx.actor, id);
        if (!buddy) throw notFound("buddy");
        return reply.status(201).send(presentBuddy(buddy));
      },
    );

    app.post(
      "/buddies/:id/end",
      {
        config: { policy: buddyPolicy.endAgreement },
        schema: {
          tags: TAGS,
          summary: "End a buddy agreement, without a reason",
          description:
            "The buddy (from the portal) or the consultant ends it. No reason is asked or accepted, and the ending is never a ground for " +
            "anything: no decision, letter, attribution, sanction or work-queue item follows. The buddy's running pairings end with it, and " +
            "their contribution ends today, so their hours no longer count from then. 409 buddyNotActive when it has ended already.",
          params: idParam,
          body: buddyAgreementEndInput,
          response: { 200: buddyAgreementEnded },
        },
      },
      async (request) => {
        const ended = await endBuddyAgreement(db.kysely, contextOf(request), request.params.id);
        return { id: request.params.id, status: "ended" as const, ...ended };
      },
    );

    app.post(
      "/buddies/:id/undo",
      {
        config: { policy: buddyPolicy.undoAgreement },
        schema: {
          tags: TAGS,
          summary: "Undo a buddy agreement",
          description:
            "While its letter has not left the building (not printed, delivered, announced to the client or opened; the agreement's " +
            "`abilities.undo`), whoever made it or a team lead undoes it: the letter is kept, withdrawn; its decision is kept, marked " +
            "withdrawn and listed nowhere; the agreement and its peerBuddy contribution are removed. 409 letterLeftBuilding, " +
            "letterWithdrawn, buddyNotActive, or buddyAgreementInUse once someone was paired with the buddy or asked about it; 403 " +
            "notLetterAuthor.",
          params: idParam,
          response: { 200: buddyAgreementUndone },
        },
      },
      async (request) => undoBuddyAgreement(db.kysely, contextOf(request), request.params.id),
    );

    app.get(
      "/clients/:id/buddy-pairings",
      {
        config: { policy: buddyPolicy.readPairings },
        schema: {
          tags: TAGS,
          summary: "A client's buddy pairings, from the client's side",
          description:
            "As the person supported (my buddy) or as the buddy (the person I support). The other person is only a first name and, " +
            "while the pairing runs, the contact details agreed for it.",
          params: idParam,
          response: { 200: buddyPairingList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const view = await listClientPairings(db.kysely, ctx, request.params.id);
        const activePairingId = view.pairings.find((p) => p.client_id === request.params.id && p.status === "active")?.id;
        return {
          items: presentPairings(ctx.actor, view),
          agreement: view.agreement
            ? presentAgreement(ctx.actor, view.agreement, await mayUndoAgreement(db.kysely, ctx, view.agreement))
            : null,
          abilities: clientBuddyAbilities(ctx.actor, { activePairingId, activeBuddyId: view.activeBuddyId }),
        };
      },
    );

    app.post(
      "/buddy-pairings",
      {
        config: { policy: buddyPolicy.pair },
        schema: {
          tags: TAGS,
          summary: "Pair a client with a buddy",
          description:
            "409 buddyNotActive, buddyFull (the buddy supports as many as agreed), alreadyPaired (one buddy at a time) or ownBuddy.",
          body: buddyPairingInput,
          response: { 201: buddyPairingOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await pairWithBuddy(db.kysely, ctx, request.body);
        const pairings = presentPairings(ctx.actor, await listClientPairings(db.kysely, ctx, request.body.clientId));
        const made = pairings.find((p) => p.id === id);
        if (!made) throw notFound("buddyPairing");
        return reply.status(201).send(made);
      },
    );

    app.post(
      "/buddy-pairings/:id/end",
      {
        config: { policy: buddyPolicy.endPairing },
        schema: {
          tags: TAGS,
          summary: "End a buddy pairing, without a reason",
          description:
            "Either side (from the portal) or the consultant ends it. No reason is asked or accepted, and the ending is never a ground for " +
            "anything: no decision, letter, attribution or sanction follows. 409 pairingEnded when it has ended already.",
          params: idParam,
          body: buddyPairingEndInput,
          response: { 200: buddyPairingEnded },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await endPairing(db.kysely, ctx, request.params.id);
        return { id: request.params.id, status: "ended" as const, endedOn: ctx.clock.today() };
      },
    );

    app.post(
      "/buddy-pairings/:id/meetings",
      {
        config: { policy: buddyPolicy.recordMeeting },
        schema: {
          tags: TAGS,
          summary: "Record a meeting of a buddy pair",
          description: "By either side or the consultant: the date and the hours, which are the buddy's contribution. 409 pairingEnded.",
          params: idParam,
          body: buddyMeetingInput,
          response: { 201: buddyMeetingOutput },
        },
      },
      async (request, reply) => {
        const id = await recordMeeting(db.kysely, contextOf(request), request.params.id, request.body);
        return reply.status(201).send({ id, heldOn: request.body.heldOn, hours: request.body.hours });
      },
    );
  };
}
