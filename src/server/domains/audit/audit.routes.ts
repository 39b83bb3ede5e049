import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { auditFilters, auditListQuery, auditPage } from "@shared/schemas/audit.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditPolicy } from "./audit.policy.js";
import { AUDIT_CSV_COLUMNS, presentAuditEvent } from "./audit.presenter.js";
import { listAuditEvents } from "./audit.repo.js";
import { exportAuditEvents } from "./audit.service.js";

/** `GET /audit-events`: the append-only log, read-only, for admins; `GET /audit-event-exports`: the same as CSV. */
export function auditRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/audit-events",
      {
        config: { policy: auditPolicy.list },
        schema: {
          tags: ["audit"],
          summary: "List audit events",
          description: "Newest first, with the actor's and the client's name beside their ids.",
          querystring: auditListQuery,
          response: { 200: auditPage },
        },
      },
      async (request) => {
        const { rows, total } = await listAuditEvents(db.kysely, request.query);
        return { items: rows.map(presentAuditEvent), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );

    app.get(
      "/audit-event-exports",
      {
        config: { policy: auditPolicy.export },
        schema: {
          tags: ["audit"],
          summary: "Export audit events as CSV",
          description:
            `Every event the filters of \`GET /audit-events\` select, newest first, streamed as UTF-8 CSV with \`;\` between fields; columns: ${AUDIT_CSV_COLUMNS.join(", ")}. ` +
            "The export is itself recorded in the audit log (`auditEvent.export`, with the names of the filters used).",
          querystring: auditFilters,
          produces: ["text/csv"],
          response: { 200: z.any().describe("the CSV") },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const csv = await exportAuditEvents(db.kysely, ctx, request.query);
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", `attachment; filename="auditlog-${ctx.clock.today()}.csv"`)
          .send(csv);
      },
    );
  };
}
