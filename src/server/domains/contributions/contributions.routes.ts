import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { contributionInput, contributionList, contributionOutput } from "@shared/schemas/contributions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { contributionPolicy } from "./contributions.policy.js";
import { presentContribution } from "./contributions.presenter.js";
import { formaliseContribution, listContributions } from "./contributions.service.js";

/** Formalised contributions, such as volunteer work the client already does. */
export function contributionRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/clients/:id/contributions",
      {
        config: { policy: contributionPolicy.create },
        schema: {
          tags: ["contributions"],
          summary: "Formalise an existing contribution",
          description:
            "Volunteer work the client already does, at any organisation. Its hours count towards capacity (409 capacityExceeded).",
          params: idParam,
          body: contributionInput,
          response: { 201: contributionOutput },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentContribution(await formaliseContribution(db.kysely, contextOf(request), request.params.id, request.body))),
    );

    app.get(
      "/clients/:id/contributions",
      {
        config: { policy: contributionPolicy.list },
        schema: { tags: ["contributions"], summary: "A client's contributions", params: idParam, response: { 200: contributionList } },
      },
      async (request) => {
        const { rows, contributingThrough } = await listContributions(db.kysely, contextOf(request), request.params.id);
        return { items: rows.map(presentContribution), contributing: contributingThrough.length > 0, contributingThrough };
      },
    );
  };
}
