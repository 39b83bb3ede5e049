import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { readUploadedFile } from "@server/http/multipart.js";
import { accountabilityList, accountabilityRequestOutput, accountabilityResponseInput } from "@shared/schemas/accountability.js";
import { idParam } from "@shared/schemas/common.js";
import { documentOutput, EVIDENCE_MAX_BYTES } from "@shared/schemas/exemptions.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkEvidence, presentDocument } from "../documents/documents.service.js";
import { accountabilityPolicy } from "./accountability.policy.js";
import { presentAccountabilityRequest } from "./accountability.presenter.js";
import { addAccountabilityProof, listRequests, readRequest, respondToRequest } from "./accountability.service.js";

/** Periodic accountability for formalised contributions: requests, answers and proof. */
export function accountabilityRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/clients/:id/accountability-requests",
      {
        config: { policy: accountabilityPolicy.read },
        schema: {
          tags: ["accountability"],
          summary: "A client's accountability requests",
          params: idParam,
          response: { 200: accountabilityList },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const views = await listRequests(db.kysely, ctx, request.params.id);
        return { items: views.map((view) => presentAccountabilityRequest(ctx.actor, view)) };
      },
    );

    app.post(
      "/accountability-requests/:id/responses",
      {
        config: { policy: accountabilityPolicy.respond },
        schema: {
          tags: ["accountability"],
          summary: "Answer an accountability request",
          description:
            "The activity continues (confirmed) or has stopped (the activity ends). An unanswered request is never a sanction by itself. " +
            "A request is answered once (409 alreadyAnswered).",
          params: idParam,
          body: accountabilityResponseInput,
          response: { 200: accountabilityRequestOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await respondToRequest(db.kysely, ctx, request.params.id, request.body);
        return presentAccountabilityRequest(ctx.actor, await readRequest(db.kysely, ctx, request.params.id));
      },
    );

    app.post(
      "/accountability-requests/:id/documents",
      {
        config: { policy: accountabilityPolicy.respond },
        schema: {
          tags: ["accountability"],
          summary: "Upload proof for an accountability request",
          description:
            "multipart/form-data with one file in the field `file` and no other field: a PDF, PNG or JPEG of at most 10 MB. " +
            "A malformed or cut-off form, a second file, another field, a larger file or another type is a 400 naming the field; " +
            "another media type (JSON, say) is a 415. Nothing is stored on a refusal.",
          consumes: ["multipart/form-data"],
          params: idParam,
          response: { 201: documentOutput },
        },
      },
      async (request, reply) => {
        const upload = await checkEvidence(await readUploadedFile(request, { maxBytes: EVIDENCE_MAX_BYTES }));
        const row = await addAccountabilityProof(db.kysely, contextOf(request), request.params.id, upload);
        return reply.status(201).send(presentDocument(row));
      },
    );
  };
}
