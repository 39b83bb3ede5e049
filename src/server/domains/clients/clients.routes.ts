import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { clientCreateInput, clientListQuery, clientOutput, clientPage, clientUpdateInput } from "@shared/schemas/clients.js";
import { idParam } from "@shared/schemas/common.js";
import { hostClientProfile } from "@shared/schemas/placements.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { clientPolicy } from "./clients.policy.js";
import { presentClient, presentClientSummary, presentHostClientProfile } from "./clients.presenter.js";
import { createClient, listClients, readClient, readHostClientProfile, updateClient } from "./clients.service.js";

/** The client registry: caseload search, registration, the record and its edits. */
export function clientRoutes({ db, clock }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients",
      {
        config: { policy: clientPolicy.list },
        schema: {
          tags: ["clients"],
          summary: "Search the caseload",
          description: "Clients in the caller's districts (or assigned to them). `q` matches a name, a BSN or a postcode.",
          querystring: clientListQuery,
          response: { 200: clientPage },
        },
      },
      async (request) => {
        const { rows, total } = await listClients(db.kysely, contextOf(request), request.query);
        const { page, pageSize } = request.query;
        return { items: rows.map((row) => presentClientSummary(row, clock.today())), page, pageSize, total };
      },
    );

    app.post(
      "/clients",
      {
        config: { policy: clientPolicy.create },
        schema: {
          tags: ["clients"],
          summary: "Register a client",
          description: "409 duplicateBsn when the BSN is already registered.",
          body: clientCreateInput,
          response: { 201: clientOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const row = await createClient(db.kysely, ctx, request.body);
        return reply
          .status(201)
          .header("Location", `/api/v1/clients/${row.id}`)
          .send(presentClient(ctx.actor, row, ctx.clock.today()));
      },
    );

    app.get(
      "/clients/:id",
      {
        config: { policy: clientPolicy.read },
        schema: {
          tags: ["clients"],
          summary: "Read a client",
          description:
            "Staff and the client see the full record; a host organisation sees only the need-to-know profile of a client referred or placed with it.",
          params: idParam,
          response: { 200: z.union([clientOutput, hostClientProfile]) },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        if (ctx.actor.role === "host") {
          const { row, ...context } = await readHostClientProfile(db.kysely, ctx, request.params.id);
          return presentHostClientProfile(row, context);
        }
        return presentClient(ctx.actor, await readClient(db.kysely, ctx, request.params.id), ctx.clock.today());
      },
    );

    app.patch(
      "/clients/:id",
      {
        config: { policy: clientPolicy.update },
        schema: {
          tags: ["clients"],
          summary: "Change a client",
          params: idParam,
          body: clientUpdateInput,
          response: { 200: clientOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentClient(ctx.actor, await updateClient(db.kysely, ctx, request.params.id, request.body), ctx.clock.today());
      },
    );
  };
}
