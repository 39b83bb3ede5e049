import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { readUploadedFile } from "@server/http/multipart.js";
import { clientOutput } from "@shared/schemas/clients.js";
import { idParam } from "@shared/schemas/common.js";
import { benefitEndInput, importReport, statePensionAgesInput, statePensionAgesOutput } from "@shared/schemas/registry.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { presentClient } from "../clients/clients.presenter.js";
import { registryFactsOf } from "../clients/clients.service.js";
import { endBenefit } from "./benefit-end.service.js";
import { undoBenefitEnd } from "./benefit-end.undo.js";
import { readPensionAges, replacePensionAges } from "./pension-ages.service.js";
import { registryPolicy } from "./registry.policy.js";
import { exportClients } from "./registry-export.service.js";
import { importClients } from "./registry-import.service.js";

/** An import file may be this large: about 150,000 rows of the registry format. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** The registry as a whole: the state pension age table, a benefit's end, and the import and export of the registry. */
export function registryRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/state-pension-ages",
      {
        config: { policy: registryPolicy.readPensionAges },
        schema: {
          tags: ["registry"],
          summary: "The state pension age (AOW-leeftijd) by birth date",
          description: "The table the registry applies: from this age a client leaves the cohort and is not registered.",
          response: { 200: statePensionAgesOutput },
        },
      },
      async (request) => readPensionAges(db.kysely, contextOf(request).actor),
    );

    app.put(
      "/state-pension-ages",
      {
        config: { policy: registryPolicy.updatePensionAges },
        schema: {
          tags: ["registry"],
          summary: "Replace the state pension age table",
          description:
            "The whole table, oldest birth dates first, each row following the one before without a gap or an overlap (400 `notContiguous` naming the row). Takes effect at once for registration, the cohort and invitations.",
          body: statePensionAgesInput,
          response: { 200: statePensionAgesOutput },
        },
      },
      async (request) => replacePensionAges(db.kysely, contextOf(request), request.body.items),
    );

    app.post(
      "/clients/:id/benefit-end",
      {
        config: { policy: registryPolicy.endBenefit },
        schema: {
          tags: ["registry"],
          summary: "Record that the client's benefit ended",
          description:
            "The client leaves the invitation cohort; open placements end (attributable to nobody) and planned and running plan steps stop, with a letter to the client (none after a death). The file stays. The letter is held back from the client for a few minutes (NV_UNDO_HOLD_MINUTES) and the end can be undone until it is printed (`abilities.undoBenefitEnd`). 409 `benefitAlreadyEnded` the second time; 400 on `benefitEndDate` in the future or before the benefit started.",
          params: idParam,
          body: benefitEndInput,
          response: { 200: clientOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await endBenefit(db.kysely, ctx, request.params.id, request.body);
        return presentClient(ctx.actor, row, ctx.clock.today(), await registryFactsOf(db.kysely, ctx, row));
      },
    );

    app.delete(
      "/clients/:id/benefit-end",
      {
        config: { policy: registryPolicy.endBenefit },
        schema: {
          tags: ["registry"],
          summary: "Undo the recorded end of the client's benefit",
          description:
            "While its letter has not left the building (not printed, delivered, announced to the client or opened; `abilities.undoBenefitEnd`), whoever recorded it or a team lead undoes it: the letter is kept, withdrawn; the benefit runs again and every placement it ended and plan step it stopped is open again in the status it had. An end without a letter (after a death, or with nothing open) or from an import is not undone here. 409 letterLeftBuilding, letterWithdrawn, benefitEndMovedOn (something it stopped has changed since, or there is nothing to undo), roleFull (a freed place was taken) or capacityExceeded; 403 notLetterAuthor.",
          params: idParam,
          response: { 200: clientOutput },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const row = await undoBenefitEnd(db.kysely, ctx, request.params.id);
        return presentClient(ctx.actor, row, ctx.clock.today(), await registryFactsOf(db.kysely, ctx, row));
      },
    );

    app.post(
      "/client-imports",
      {
        config: { policy: registryPolicy.importClients },
        bodyLimit: IMPORT_MAX_BYTES + 1024 * 1024,
        schema: {
          tags: ["registry"],
          summary: "Import the client registry from the benefits administration",
          description:
            "multipart/form-data with one file in the field `file`: the registry CSV (README, 'Import from the benefits administration'). " +
            "A wrong header refuses the whole file (400 `importHeaderWrong`, each wrong column named) and writes nothing. " +
            "Otherwise each row is created, updated, unchanged or refused with its field and reason; a second run of the same file changes nothing.",
          consumes: ["multipart/form-data"],
          response: { 200: importReport },
        },
      },
      async (request) => {
        const upload = await readUploadedFile(request, { maxBytes: IMPORT_MAX_BYTES });
        return importClients(db.kysely, contextOf(request), { content: upload.content, source: "upload" });
      },
    );

    app.get(
      "/client-exports",
      {
        config: { policy: registryPolicy.exportClients },
        schema: {
          tags: ["registry"],
          summary: "Export the client registry",
          description:
            "The whole registry in the import's CSV format (UTF-8), so that the export imports unchanged. Recorded in the audit log.",
          produces: ["text/csv"],
          response: { 200: z.string().describe("the registry CSV") },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const csv = await exportClients(db.kysely, ctx);
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", `attachment; filename="clientenregister-${ctx.clock.today()}.csv"`)
          .send(csv);
      },
    );
  };
}
