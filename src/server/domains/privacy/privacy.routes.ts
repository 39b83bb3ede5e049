import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import { accessLogPage, accessLogQuery, dataExportOutput, dataExportQuery } from "@shared/schemas/privacy.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { privacyPolicy } from "./privacy.policy.js";
import { exportClientData, exportClientDataPdf, readAccessLog } from "./privacy.service.js";

/** The client's rights over their record: everything held (AVG art. 15) and who read or changed it. */
export function privacyRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients/:id/data-export",
      {
        config: { policy: privacyPolicy.dataExport },
        schema: {
          tags: ["privacy"],
          summary: "Everything held on a client (AVG art. 15)",
          description:
            "Every record held on the client, every column (letters and evidence files as metadata), and the access log. " +
            "`format=pdf` gives the same as a readable PDF. Recorded in the audit log.",
          params: idParam,
          querystring: dataExportQuery,
          produces: ["application/json", "application/pdf"],
          response: { 200: dataExportOutput.or(z.any().describe("the PDF, with format=pdf")) },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const { id } = request.params;
        if (request.query.format === "json") return (await exportClientData(db.kysely, ctx, id)).data;
        const pdf = await exportClientDataPdf(db.kysely, ctx, id);
        const filename = `mijn-gegevens-${ctx.clock.today()}.pdf`;
        return reply.type("application/pdf").header("Content-Disposition", `attachment; filename="${filename}"`).send(pdf);
      },
    );

    app.get(
      "/clients/:id/access-log",
      {
        config: { policy: privacyPolicy.accessLog },
        schema: {
          tags: ["privacy"],
          summary: "Who read or changed a client's record",
          description:
            "Newest first: when, which function or host organisation, the name of municipal staff, and why in plain words " +
            "(Dutch and English). Logins and the client's own reads are left out; staff reading this list is recorded.",
          params: idParam,
          querystring: accessLogQuery,
          response: { 200: accessLogPage },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        const { items, total } = await readAccessLog(db.kysely, contextOf(request), request.params.id, { page, pageSize });
        return { items, page, pageSize, total };
      },
    );
  };
}
