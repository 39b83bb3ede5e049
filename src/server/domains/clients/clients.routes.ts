import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { clientStatusSummary } from "@shared/schemas/client-status.js";
import {
  type ClientSearch,
  clientCreateInput,
  clientListQuery,
  clientOutput,
  clientPage,
  clientSearchInput,
  clientUpdateInput,
} from "@shared/schemas/clients.js";
import { idParam } from "@shared/schemas/common.js";
import { hostClientProfile } from "@shared/schemas/placements.js";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listStatePensionAges } from "../registry/pension-ages.repo.js";
import { clientPolicy } from "./clients.policy.js";
import { presentClient, presentClientSummary, presentHostClientProfile } from "./clients.presenter.js";
import { createClient, listClients, readClient, readHostClientProfile, registryFactsOf, updateClient } from "./clients.service.js";
import { presentStatusSummary } from "./status-summary.presenter.js";
import { loadStatusSummary } from "./status-summary.service.js";

/** The client registry: caseload search, registration, the record and its edits. */
export function clientRoutes({ db, clock, casework }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    async function caseloadPage(request: FastifyRequest, search: ClientSearch) {
      const { page, pageSize } = search;
      // Once a page: the date in Amsterdam costs about as much to format as a row to present.
      const today = clock.today();
      // Frozen: the page is kept and its JSON written once (http/serializer.ts).
      return listClients(db.kysely, casework, contextOf(request), search, async (rows, total) => {
        const pensionAges = await listStatePensionAges(db.kysely);
        return Object.freeze({ items: rows.map((row) => presentClientSummary(row, today, pensionAges)), page, pageSize, total });
      });
    }

    app.get(
      "/clients",
      {
        config: { policy: clientPolicy.list },
        schema: {
          tags: ["clients"],
          summary: "Browse the caseload",
          description:
            "Clients in the caller's districts (or assigned to them). `q` matches a name or a postcode; a `q` that may hold a BSN is refused (400 `bsnInUrl`): search by BSN with `POST /clients/_search`, so that it stays out of URLs and logs.",
          querystring: clientListQuery,
          response: { 200: clientPage },
        },
      },
      async (request) => caseloadPage(request, request.query),
    );

    app.post(
      "/clients/_search",
      {
        config: { policy: clientPolicy.list },
        schema: {
          tags: ["clients"],
          summary: "Search the caseload",
          description:
            "The filters of `GET /clients` in a body, where `q` may also be a BSN (nine digits, also written `123.456.782`). Changes nothing; a POST so that a BSN never travels in a URL.",
          body: clientSearchInput,
          response: { 200: clientPage },
        },
      },
      async (request) => caseloadPage(request, request.body),
    );

    app.post(
      "/clients",
      {
        config: { policy: clientPolicy.create },
        schema: {
          tags: ["clients"],
          summary: "Register a client",
          description:
            "409 `underMinimumAge` or `statePensionAge` (naming `birthDate`) for someone younger than 18 or at the state pension age (AOW, from the municipality's table); 409 `duplicateBsn` when a client the caller may see has the BSN already; 409 `bsnNeedsReview` (the same answer whoever holds it) when a client outside the caller's scope has it, and the attempt is audited.",
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
          .send(presentClient(ctx.actor, row, ctx.clock.today(), await registryFactsOf(db.kysely, ctx, row)));
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
            "Staff and the client see the full record; a host organisation sees only the need-to-know profile of a client referred or placed with it. " +
            "An administrator reads a record only for a task and names it in `accessReason` (400 naming the field without it); the audit log records it.",
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
        const row = await readClient(db.kysely, ctx, request.params.id);
        return presentClient(ctx.actor, row, ctx.clock.today(), await registryFactsOf(db.kysely, ctx, row));
      },
    );

    app.get(
      "/clients/:id/status-summary",
      {
        config: { policy: clientPolicy.statusSummary },
        schema: {
          tags: ["clients"],
          summary: "The head of a client's record",
          description:
            "For staff: the consultant by name, the postal address, the latest ladder rung, the plan steps, placements and exemptions in force, and what waits for the client's answer by a date. Audited as a sensitive read.",
          params: idParam,
          response: { 200: clientStatusSummary },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return presentStatusSummary(ctx.actor, await loadStatusSummary(db.kysely, ctx, request.params.id));
      },
    );

    app.patch(
      "/clients/:id",
      {
        config: { policy: clientPolicy.update },
        schema: {
          tags: ["clients"],
          summary: "Change a client",
          description: "A new BSN is refused as at registration: 409 `duplicateBsn` or `bsnNeedsReview`.",
          params: idParam,
          body: clientUpdateInput,
          response: { 200: clientOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await updateClient(db.kysely, ctx, request.params.id, request.body);
        return presentClient(ctx.actor, row, ctx.clock.today(), await registryFactsOf(db.kysely, ctx, row));
      },
    );
  };
}
