import { gunzipSync } from "node:zlib";
import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { idParam } from "@shared/schemas/common.js";
import {
  researchExportDictionary,
  researchExportInput,
  researchExportOutput,
  researchExportQuery,
} from "@shared/schemas/research-export.js";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { RESEARCH_EXPORT_DICTIONARY } from "./research-export.dictionary.js";
import { researchExportPolicy } from "./research-export.policy.js";
import {
  downloadResearchExport,
  exportNow,
  type ResearchExportFile,
  readResearchExport,
  runResearchExport,
  startResearchExport,
} from "./research-export.service.js";

const csvResponse = z.any().describe("the CSV (text/csv), gzip-encoded when the client accepts it; columns in the data dictionary");

/** Sends the CSV as stored (gzip) when the caller accepts it, otherwise unpacked; with its length for a progress bar. */
function sendCsv(request: FastifyRequest, reply: FastifyReply, file: ResearchExportFile) {
  const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  const body = gzip ? file.csvGzip : gunzipSync(file.csvGzip);
  if (gzip) reply.header("Content-Encoding", "gzip");
  return reply
    .type("text/csv; charset=utf-8")
    .header("Vary", "Accept-Encoding")
    .header("Content-Length", body.length)
    .header("Content-Disposition", `attachment; filename="${file.filename}"`)
    .header("X-Row-Count", file.summary.rowCount)
    .send(body);
}

/** The research export: pseudonymised client-months for researchers, k-anonymous, with its data dictionary. */
export function researchExportRoutes({ db, config }: Services): FastifyPluginAsyncZod {
  const kysely = db.kysely;
  const key = config.RESEARCH_PSEUDONYM_KEY;
  // Exports this instance is making: closing the app waits for them, so none writes to a closed database.
  const running = new Set<Promise<void>>();
  const runTracked: typeof runResearchExport = (...args) => {
    const job = runResearchExport(...args).finally(() => running.delete(job));
    running.add(job);
    return job;
  };
  return async (app) => {
    app.addHook("onClose", async () => {
      await Promise.allSettled([...running]);
    });
    app.get(
      "/research-export",
      {
        config: { policy: researchExportPolicy.export },
        schema: {
          tags: ["research"],
          summary: "Pseudonymised client-months for a period, k ≥ 5, made at once",
          description:
            "One CSV row per client and month (columns in `/research-export/dictionary`). Made within the request, for scripts; " +
            "the web page starts it in the background instead (`POST /research-exports`) to show progress. Audited with the " +
            "period and the number of rows; `X-Row-Count` gives the rows.",
          querystring: researchExportQuery,
          produces: ["text/csv"],
          response: { 200: csvResponse },
        },
      },
      async (request, reply) => sendCsv(request, reply, await exportNow(kysely, contextOf(request), request.query, key)),
    );

    app.get(
      "/research-export/dictionary",
      {
        config: { policy: researchExportPolicy.export },
        schema: {
          tags: ["research"],
          summary: "The data dictionary of the research export",
          description:
            "Every column: its meaning, its values or bands, and for the quasi-identifiers the generalisation ladder. An export's " +
            "`summary.generalisation` names the level it applied.",
          response: { 200: researchExportDictionary },
        },
      },
      async () => RESEARCH_EXPORT_DICTIONARY,
    );

    app.post(
      "/research-exports",
      {
        config: { policy: researchExportPolicy.export },
        schema: {
          tags: ["research"],
          summary: "Start a research export for a period",
          description:
            "Runs in the background (202; follow `progress`). k-anonymity needs every row before any is released, so the file " +
            "is ready only at the end: download it from `/research-exports/{id}/file`.",
          body: researchExportInput,
          response: { 202: researchExportOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await startResearchExport(kysely, ctx, request.body, key, runTracked);
        return reply
          .status(202)
          .header("location", `/api/v1/research-exports/${id}`)
          .send(await readResearchExport(kysely, ctx, id));
      },
    );

    app.get(
      "/research-exports/:id",
      {
        config: { policy: researchExportPolicy.export },
        schema: {
          tags: ["research"],
          summary: "One of your research exports: progress and, when done, what it released",
          params: idParam,
          response: { 200: researchExportOutput },
        },
      },
      async (request) => readResearchExport(kysely, contextOf(request), request.params.id),
    );

    app.get(
      "/research-exports/:id/file",
      {
        config: { policy: researchExportPolicy.export },
        schema: {
          tags: ["research"],
          summary: "The CSV of one of your finished research exports",
          description: "404 until it is done. Every download is audited with the period and the number of rows.",
          params: idParam,
          produces: ["text/csv"],
          response: { 200: csvResponse },
        },
      },
      async (request, reply) => sendCsv(request, reply, await downloadResearchExport(kysely, contextOf(request), request.params.id)),
    );
  };
}
