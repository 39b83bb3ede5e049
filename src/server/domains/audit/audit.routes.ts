import type { Services } from "@server/app.js";
import { auditListQuery, auditPage } from "@shared/schemas/audit.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditPolicy } from "./audit.policy.js";
import { presentAuditEvent } from "./audit.presenter.js";
import { listAuditEvents } from "./audit.repo.js";

/** `GET /audit-events`: the append-only log, read-only, for admins. */
export function auditRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/audit-events",
      {
        config: { policy: auditPolicy.list },
        schema: { tags: ["audit"], summary: "List audit events", querystring: auditListQuery, response: { 200: auditPage } },
      },
      async (request) => {
        const { rows, total } = await listAuditEvents(db.kysely, request.query);
        return { items: rows.map(presentAuditEvent), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );
  };
}
