import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  hearingInput,
  reconsiderationInput,
  sanctionDecisionInput,
  sanctionList,
  sanctionListQuery,
  sanctionOutput,
  sanctionPage,
  sanctionProposalInput,
} from "@shared/schemas/sanctions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decideSanction, inviteToHearing, issueDecisionLetter, reconsider, recordHearing } from "./sanctions.decision.js";
import { sanctionPolicy } from "./sanctions.policy.js";
import { presentSanction } from "./sanctions.presenter.js";
import { sanctionListAbilities } from "./sanctions.rules.js";
import { listClientSanctions, listSanctionsByStatus, loadSanction, proposeSanction, readSanction } from "./sanctions.service.js";
import { undoSanctionStep } from "./sanctions.undo.js";

type Request = Parameters<typeof contextOf>[0];

/** Sanctions with due process (Participatiewet art. 18, Awb): never automatic, always a second person. */
export function sanctionRoutes({ db }: Services): FastifyPluginAsyncZod {
  const presentOne = async (request: Request, id: string) => {
    const ctx = contextOf(request);
    return presentSanction(ctx.actor, await loadSanction(db.kysely, ctx, id));
  };
  const action = (summary: string, description: string, policy: (typeof sanctionPolicy)[keyof typeof sanctionPolicy]) => ({
    config: { policy },
    schema: { tags: ["sanctions"], summary, description, params: idParam, response: { 200: sanctionOutput } },
  });

  return async (app) => {
    app.get(
      "/clients/:id/sanctions",
      {
        config: { policy: sanctionPolicy.read },
        schema: { tags: ["sanctions"], summary: "A client's sanctions", params: idParam, response: { 200: sanctionList } },
      },
      async (request) => {
        const ctx = contextOf(request);
        const views = await listClientSanctions(db.kysely, ctx, request.params.id);
        return { items: views.map((view) => presentSanction(ctx.actor, view)), abilities: sanctionListAbilities(ctx.actor) };
      },
    );

    app.post(
      "/clients/:id/sanctions",
      {
        config: { policy: sanctionPolicy.propose },
        schema: {
          tags: ["sanctions"],
          summary: "Propose a sanction",
          description:
            "Refused with 409 and the rule as code: activeExemption (a full exemption covers the period), attributionPending (who ended the " +
            "placement is not determined yet), dropoutNotAttributable (the ending is not attributed to the client, also when another ground is " +
            "used about the same facts within three months of it), letterRequired (no invitation letter stating the duty to attend; a refused " +
            "contribution without the letter or confirmed plan that asked it), secondInvitationFirst (a first missed intake), noObligation " +
            "(insufficient effort without the plan step or placement and what was not done), duplicateFact (these facts carry a sanction already), " +
            "factsTooOld (older than the ordinance's maxFactsAgeDays), letterNotDelivered (a linked letter was not delivered), notCulpable " +
            "(culpability none). A refused proposal stores nothing; the refusal is counted for oversight.",
          params: idParam,
          body: sanctionProposalInput,
          response: { 201: sanctionOutput },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await presentOne(request, await proposeSanction(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.get(
      "/sanctions",
      {
        config: { policy: sanctionPolicy.queue },
        schema: {
          tags: ["sanctions"],
          summary: "Sanctions in scope, e.g. proposals to decide",
          querystring: sanctionListQuery,
          response: { 200: sanctionPage },
        },
      },
      async (request) => {
        const { status, page, pageSize } = request.query;
        const ctx = contextOf(request);
        const { views, total } = await listSanctionsByStatus(db.kysely, ctx, status, page, pageSize);
        return { items: views.map((view) => presentSanction(ctx.actor, view)), page, pageSize, total };
      },
    );

    app.get(
      "/sanctions/:id",
      action(
        "Read a sanction",
        "With every version of its hearing record and its decision. Audited as a sensitive read.",
        sanctionPolicy.read,
      ),
      async (request) => {
        const ctx = contextOf(request);
        return presentSanction(ctx.actor, await readSanction(db.kysely, ctx, request.params.id));
      },
    );

    app.post(
      "/sanctions/:id/hearing-invitation",
      action(
        "Invite the client to a hearing",
        "A registered letter with the ordinance's response term. Again only when the last invitation did not reach the client " +
          "(409 hearingAlreadyInvited), never after the hearing (409 alreadyHeard). The letter and the client's notice are held back for " +
          "a few minutes (NV_UNDO_HOLD_MINUTES); the invitation can be undone until the letter leaves the building (`abilities.undo`).",
        sanctionPolicy.invite,
      ),
      async (request) => {
        await inviteToHearing(db.kysely, contextOf(request), request.params.id);
        return presentOne(request, request.params.id);
      },
    );

    app.post(
      "/sanctions/:id/hearing",
      {
        config: { policy: sanctionPolicy.hearing },
        schema: {
          tags: ["sanctions"],
          summary: "Record the hearing",
          description:
            "The client's response, in person, by phone, in writing, or through the portal (the client themselves). Recorded once (409 " +
            "alreadyHeard); a correction names the latest version (correctionOf, else 409 hearingChanged) and becomes a new version, all kept.",
          params: idParam,
          body: hearingInput,
          response: { 200: sanctionOutput },
        },
      },
      async (request) => {
        await recordHearing(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request, request.params.id);
      },
    );

    app.post(
      "/sanctions/:id/decision",
      {
        config: { policy: sanctionPolicy.decide },
        schema: {
          tags: ["sanctions"],
          summary: "Decide a proposed sanction",
          description:
            "By a team lead who did not propose it (403 sameDecisionMaker), after the hearing (409 hearingRequired). Imposing while the " +
            "proposal's urgent reasons stand is 409 urgentReasons unless urgentReasonsLapsed records why they no longer apply. Applies and records the " +
            "ordinance in force; records the decision (besluit, decisionId) with its letter and legal remedy notice. Objections go to " +
            "POST /decisions/{id}/objections. The letter is held back from the client for a few minutes; the decision can be undone until " +
            "it leaves the building (`abilities.undo`).",
          params: idParam,
          body: sanctionDecisionInput,
          response: { 200: sanctionOutput },
        },
      },
      async (request) => {
        await decideSanction(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request, request.params.id);
      },
    );

    app.post(
      "/sanctions/:id/decision-letter",
      {
        config: { policy: sanctionPolicy.decide },
        schema: {
          tags: ["sanctions"],
          summary: "Issue the decision letter",
          description: "Idempotent: the same decision has one letter.",
          params: idParam,
          response: { 200: z.object({ letterId: z.uuid() }) },
        },
      },
      async (request) => ({ letterId: await issueDecisionLetter(db.kysely, contextOf(request), request.params.id) }),
    );

    app.post(
      "/sanctions/:id/reconsideration",
      {
        config: { policy: sanctionPolicy.decide },
        schema: {
          tags: ["sanctions"],
          summary: "Record the reconsideration",
          description:
            "Due within three months of an imposed sanction (art. 18 lid 3). ended stops the sanction from today and issues a decision with a " +
            "letter, held back from the client for a few minutes; it can be undone until the letter leaves the building (`abilities.undo`).",
          params: idParam,
          body: reconsiderationInput,
          response: { 200: sanctionOutput },
        },
      },
      async (request) => {
        await reconsider(db.kysely, contextOf(request), request.params.id, request.body);
        return presentOne(request, request.params.id);
      },
    );
    const undoProblems =
      "409 letterLeftBuilding once its letter was printed, delivered, announced to the client or opened; 409 letterWithdrawn when " +
      "undone already; 409 nothingToUndo when this is not the sanction's latest step that sent a letter; 403 notLetterAuthor for " +
      "someone who neither made it nor leads the team.";
    app.delete(
      "/sanctions/:id/hearing-invitation",
      action(
        "Undo the invitation to a hearing",
        "While its letter is still inside, the author or a team lead takes the sanction back to before the invitation: the letter is " +
          "kept, withdrawn, the client's notice that an answer is awaited is never sent, and no hearing term runs. Not once the client " +
          `has been heard (409 alreadyHeard) or the sanction decided (409 sanctionDecided). ${undoProblems}`,
        sanctionPolicy.undo,
      ),
      async (request) => {
        await undoSanctionStep(db.kysely, contextOf(request), request.params.id, "hearingInvitation");
        return presentOne(request, request.params.id);
      },
    );

    app.delete(
      "/sanctions/:id/decision",
      action(
        "Undo the decision on a sanction",
        "While its letter is still inside, the decider or a team lead withdraws the decision: kept, marked withdrawn, never in force " +
          "and counted nowhere; the letter is kept, withdrawn; the sanction awaits a decision again. Not once it was reconsidered " +
          `(409 alreadyReconsidered) or objected to (409 objectionExists). ${undoProblems}`,
        sanctionPolicy.undo,
      ),
      async (request) => {
        await undoSanctionStep(db.kysely, contextOf(request), request.params.id, "decision");
        return presentOne(request, request.params.id);
      },
    );

    app.delete(
      "/sanctions/:id/reconsideration",
      action(
        "Undo the reconsideration that ended a sanction",
        "While its letter is still inside, whoever reconsidered or a team lead withdraws the decision on reconsideration (kept, marked " +
          "withdrawn): the decision it replaced is in force again and the sanction runs as before. Not once it was objected to " +
          `(409 objectionExists). ${undoProblems}`,
        sanctionPolicy.undo,
      ),
      async (request) => {
        await undoSanctionStep(db.kysely, contextOf(request), request.params.id, "reconsideration");
        return presentOne(request, request.params.id);
      },
    );
  };
}
