import type { Services } from "@server/app.js";
import type { Policy } from "@server/auth/policy.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  consentExtensionInput,
  decisionList,
  decisionOutput,
  hearingWaiverInput,
  latenessInput,
  objectionHearingInput,
  objectionInput,
  objectionOutcomeInput,
  objectionOutput,
  postponementInput,
} from "@shared/schemas/decisions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ZodType } from "zod";
import { decisionPolicy, objectionPolicy } from "./decisions.policy.js";
import { presentDecision, presentObjection } from "./decisions.presenter.js";
import { listDecisions, readDecision } from "./decisions.service.js";
import {
  decideObjection,
  excuseLateness,
  extendWithConsent,
  inviteToHearing,
  loadObjection,
  postpone,
  readObjection,
  recordObjectionHearing,
  registerObjection,
  waiveHearing,
} from "./objections.service.js";
import { undoHearingInvitation, undoOutcome, undoPostponement } from "./objections.undo.js";

type Request = Parameters<typeof contextOf>[0];

/** Decisions (besluiten) about clients and the objection procedure against them (Awb chapters 6 and 7). */
export function decisionRoutes({ db }: Services): FastifyPluginAsyncZod {
  const objectionView = async (request: Request, id: string) => {
    const ctx = contextOf(request);
    return presentObjection(ctx.actor, await loadObjection(db.kysely, ctx, id));
  };
  const objectionAction = (summary: string, description: string, policy: Policy) => ({
    config: { policy },
    schema: { tags: ["decisions"], summary, description, params: idParam, response: { 200: objectionOutput } },
  });
  const objectionActionWith = <B extends ZodType>(summary: string, description: string, policy: Policy, body: B) => ({
    config: { policy },
    schema: { tags: ["decisions"], summary, description, params: idParam, body, response: { 200: objectionOutput } },
  });

  return async (app) => {
    app.get(
      "/clients/:id/decisions",
      {
        config: { policy: decisionPolicy.read },
        schema: {
          tags: ["decisions"],
          summary: "A client's decisions",
          description: "Newest first, each with its objection; the client sees their own. Audited as a sensitive read.",
          params: idParam,
          response: { 200: decisionList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const views = await listDecisions(db.kysely, ctx, request.params.id);
        return { items: views.map((view) => presentDecision(ctx.actor, view)) };
      },
    );

    app.get(
      "/decisions/:id",
      {
        config: { policy: decisionPolicy.read },
        schema: {
          tags: ["decisions"],
          summary: "Read a decision",
          description: "With its objection, if any. Audited as a sensitive read.",
          params: idParam,
          response: { 200: decisionOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentDecision(ctx.actor, await readDecision(db.kysely, ctx, request.params.id));
      },
    );

    app.post(
      "/decisions/:id/objections",
      {
        config: { policy: decisionPolicy.object },
        schema: {
          tags: ["decisions"],
          summary: "Register an objection",
          description:
            "By the client (received today) or staff on their behalf. On time when received within six weeks from the day after the " +
            "letter (moved past weekends and holidays), or posted within them and received at most a week later (Awb 6:9); a late one " +
            "is registered and flagged. Answers the objection with onTime, objectionTermEndsOn and decideBy. One per decision (409 objectionExists); not against a decision on objection (409 notObjectable).",
          params: idParam,
          body: objectionInput,
          response: { 201: objectionOutput },
        },
      },
      async (request, reply) => {
        const id = await registerObjection(db.kysely, contextOf(request), request.params.id, request.body);
        return reply.status(201).send(await objectionView(request, id));
      },
    );

    app.get(
      "/objections/:id",
      objectionAction("Read an objection", "With every version of the hearing record. Audited as a sensitive read.", objectionPolicy.read),
      async (request) => {
        const ctx = contextOf(request);
        return presentObjection(ctx.actor, await readObjection(db.kysely, ctx, request.params.id));
      },
    );

    app.post(
      "/objections/:id/lateness",
      objectionActionWith(
        "Record whether the lateness is excused",
        "Only for a late objection (409 objectionOnTime), Awb 6:11.",
        objectionPolicy.handle,
        latenessInput,
      ),
      async (request) => {
        await excuseLateness(db.kysely, contextOf(request), request.params.id, request.body);
        return objectionView(request, request.params.id);
      },
    );

    app.post(
      "/objections/:id/postponement",
      objectionActionWith(
        "Postpone the decision term by six weeks",
        "Once, with a letter to the client (Awb 7:10 lid 3); a second time is refused (409 alreadyPostponed).",
        objectionPolicy.handle,
        postponementInput,
      ),
      async (request) => {
        await postpone(db.kysely, contextOf(request), request.params.id, request.body);
        return objectionView(request, request.params.id);
      },
    );

    app.post(
      "/objections/:id/consent-extension",
      objectionActionWith(
        "Postpone further with the client's consent",
        "Records when the client consented and the new date (Awb 7:10 lid 4); the date must be later (400 decideBy notLater).",
        objectionPolicy.handle,
        consentExtensionInput,
      ),
      async (request) => {
        await extendWithConsent(db.kysely, contextOf(request), request.params.id, request.body);
        return objectionView(request, request.params.id);
      },
    );

    app.post(
      "/objections/:id/hearing-invitation",
      objectionAction(
        "Invite the client to be heard",
        "A letter (Awb 7:2), sent by someone not involved in the decision objected to (403 involvedInDecision).",
        objectionPolicy.handle,
      ),
      async (request) => {
        await inviteToHearing(db.kysely, contextOf(request), request.params.id);
        return objectionView(request, request.params.id);
      },
    );

    app.post(
      "/objections/:id/hearings",
      objectionActionWith(
        "Record the hearing, or correct it",
        "A correction is a new version naming the latest one (409 hearingChanged otherwise); every version is kept. Conducted by " +
          "someone not involved in the decision objected to (403 involvedInDecision, Awb 7:5).",
        objectionPolicy.handle,
        objectionHearingInput,
      ),
      async (request) => {
        await recordObjectionHearing(db.kysely, contextOf(request), request.params.id, request.body);
        return objectionView(request, request.params.id);
      },
    );

    app.post(
      "/objections/:id/hearing-waiver",
      objectionActionWith(
        "Record why the client is not heard",
        "Manifestly inadmissible or unfounded, waived by the client, or fully upheld (Awb 7:3); not after a hearing (409 hearingChanged).",
        objectionPolicy.handle,
        hearingWaiverInput,
      ),
      async (request) => {
        await waiveHearing(db.kysely, contextOf(request), request.params.id, request.body);
        return objectionView(request, request.params.id);
      },
    );

    app.post(
      "/objections/:id/outcome",
      objectionActionWith(
        "Decide on the objection",
        "By someone other than the primary decision's proposer and decider (403 involvedInDecision), after the hearing or a recorded " +
          "reason not to hear (409 hearingRequired). The decision on objection is a decision with a letter carrying the appeal notice; " +
          "wellFounded revokes the decision (a sanction stops and its deduction is repaid), partlyWellFounded gives a milder one.",
        objectionPolicy.decide,
        objectionOutcomeInput,
      ),
      async (request) => {
        await decideObjection(db.kysely, contextOf(request), request.params.id, request.body);
        return objectionView(request, request.params.id);
      },
    );

    const undoRule =
      "only while its letter has not left the building (not printed, delivered, announced to the client or opened), by whoever " +
      "sent it or a team lead: 409 letterLeftBuilding or letterWithdrawn, 403 notLetterAuthor. The letter is kept, withdrawn.";

    app.delete(
      "/objections/:id/postponement",
      objectionAction(
        "Undo the postponement",
        `The decision term is as it was before (\`abilities.undoPostponement\`) and the objection may be postponed again; ${undoRule} ` +
          "409 notPostponed without a postponement by letter, decideByChanged after a consent extension, objectionDecided once decided.",
        objectionPolicy.handle,
      ),
      async (request) => {
        await undoPostponement(db.kysely, contextOf(request), request.params.id);
        return objectionView(request, request.params.id);
      },
    );

    app.delete(
      "/objections/:id/hearing-invitation",
      objectionAction(
        "Undo the hearing invitation",
        `The client is not invited any more (\`abilities.undoHearingInvitation\`); ${undoRule} ` +
          "409 notInvitedToHearing without an invitation, hearingChanged once a hearing is on record, objectionDecided once decided.",
        objectionPolicy.handle,
      ),
      async (request) => {
        await undoHearingInvitation(db.kysely, contextOf(request), request.params.id);
        return objectionView(request, request.params.id);
      },
    );

    app.delete(
      "/objections/:id/outcome",
      objectionAction(
        "Undo the decision on objection",
        `The objection is open again (\`abilities.undoOutcome\`); ${undoRule} The decision on objection is kept, marked withdrawn: ` +
          "it is listed nowhere and replaces nothing, and a sanction it revoked or lowered is as it was. 409 objectionNotDecided when open.",
        objectionPolicy.decide,
      ),
      async (request) => {
        await undoOutcome(db.kysely, contextOf(request), request.params.id);
        return objectionView(request, request.params.id);
      },
    );
  };
}
