import type { Services } from "@server/app.js";
import type { RequestContext } from "@server/auth/actor.js";
import type { ContributionsTable } from "@server/db/schema.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { contributionInput, contributionList, contributionOutput } from "@shared/schemas/contributions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contributionPolicy } from "./contributions.policy.js";
import { presentContribution } from "./contributions.presenter.js";
import { formaliseContribution, listContributions } from "./contributions.service.js";
import { mayUndoContribution, undoContribution } from "./contributions.undo.js";

/** Formalised contributions, such as volunteer work the client already does. */
export function contributionRoutes({ db }: Services): FastifyPluginAsyncZod {
  const present = async (ctx: RequestContext, row: ContributionsTable) =>
    presentContribution(row, { undo: await mayUndoContribution(db.kysely, ctx, row) });
  return async (app) => {
    app.post(
      "/clients/:id/contributions",
      {
        config: { policy: contributionPolicy.create },
        schema: {
          tags: ["contributions"],
          summary: "Formalise an existing contribution",
          description:
            "Volunteer work the client already does, at any organisation. Its hours count towards capacity (409 capacityExceeded). " +
            "The agreement letter is held back from the client for a few minutes and formalising can be undone until it is printed (`abilities.undo`).",
          params: idParam,
          body: contributionInput,
          response: { 201: contributionOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        return reply.status(201).send(await present(ctx, await formaliseContribution(db.kysely, ctx, request.params.id, request.body)));
      },
    );
    app.get(
      "/clients/:id/contributions",
      {
        config: { policy: contributionPolicy.list },
        schema: { tags: ["contributions"], summary: "A client's contributions", params: idParam, response: { 200: contributionList } },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { rows, contributingThrough } = await listContributions(db.kysely, ctx, request.params.id);
        const items = [];
        for (const row of rows) items.push(await present(ctx, row));
        return { items, contributing: contributingThrough.length > 0, contributingThrough };
      },
    );
    app.post(
      "/contributions/:id/undo",
      {
        config: { policy: contributionPolicy.create },
        schema: {
          tags: ["contributions"],
          summary: "Undo formalising a contribution",
          description:
            "While the agreement letter has not left the building (not printed, delivered, announced to the client or opened; `abilities.undo`), " +
            "whoever formalised it or a team lead takes it back: the letter is kept, withdrawn, and the contribution is removed, so its hours " +
            "no longer count towards capacity. 409 letterLeftBuilding, letterWithdrawn, activityMovedOn (it ended or the client was asked " +
            "about it) or contributionOfDecision (it came with a decision: undo that); 403 notLetterAuthor.",
          params: idParam,
          response: { 204: z.null().describe("undone: the contribution is gone, its letter withdrawn") },
        },
      },
      async (request, reply) => {
        await undoContribution(db.kysely, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
