import type { Services } from "@server/app.js";
import { roles } from "@server/auth/policy.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { openDocument } from "./documents.service.js";

/** Staff in scope and the client themselves open evidence; hosts and researchers never do. */
const documentPolicy = { read: roles("documents.read", "consultant", "teamLead", "client") };

/** Evidence documents: uploaded under their exemption or accountability request, downloaded here. */
export function documentRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/documents/:id",
      {
        config: { policy: documentPolicy.read },
        schema: {
          tags: ["documents"],
          summary: "Download an evidence document",
          description: "The file as uploaded (PDF, PNG or JPEG). Every download is audited as a sensitive read.",
          params: idParam,
          produces: ["application/pdf", "image/png", "image/jpeg"],
          response: { 200: z.any().describe("the file") },
        },
      },
      async (request, reply) => {
        const document = await openDocument(db.kysely, contextOf(request), request.params.id);
        return reply
          .type(document.media_type)
          .header("Content-Disposition", `attachment; filename="${document.filename.replace(/[^\w.-]/g, "_")}"`)
          .send(document.content);
      },
    );
  };
}
