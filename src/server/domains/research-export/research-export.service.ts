import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { notFound } from "@server/http/errors.js";
import { runInWorker } from "@server/worker-thread.js";
import type { ResearchExportInput, ResearchExportOutput, ResearchExportSummary } from "@shared/schemas/research-export.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import type { BuildInput } from "./research-export.build.js";
import { presentResearchExport } from "./research-export.presenter.js";
import {
  failResearchExportsStartedBefore,
  findOwnResearchExport,
  findOwnResearchExportFile,
  insertResearchExport,
  systemLoadExportFacts,
  updateResearchExportInProgress,
} from "./research-export.repo.js";
import { assertExportPeriod, STALE_EXPORT_MINUTES, staleExportCutoff } from "./research-export.rules.js";

/** The export's file: the CSV, gzipped, with what it released. */
export interface ResearchExportFile {
  csvGzip: Buffer;
  summary: ResearchExportSummary;
  filename: string;
}

/** Builds, anonymises and gzips the export on a worker thread (`research-export.worker.ts`). */
function buildInWorker(input: BuildInput, onProgress?: (share: number) => void) {
  return runInWorker<BuildInput, { csvGzip: Uint8Array; summary: ResearchExportSummary }>(
    import.meta.url,
    "research-export",
    input,
    onProgress,
  );
}

const filenameOf = (from: string, to: string) => `onderzoeksbestand-${from}-${to}.csv`;

/** Loads the facts and builds the file; `onProgress` hears shares from 0 to 1. */
async function makeExport(
  db: Kysely<Database>,
  input: ResearchExportInput,
  pseudonymKey: string,
  onProgress: (share: number) => void = () => {},
): Promise<ResearchExportFile> {
  const facts = await systemLoadExportFacts(db, input.from, input.to);
  onProgress(0.3);
  const built = await buildInWorker({ facts, from: input.from, to: input.to, pseudonymKey }, (share) => onProgress(0.3 + 0.65 * share));
  return { csvGzip: Buffer.from(built.csvGzip), summary: built.summary, filename: filenameOf(input.from, input.to) };
}

/** Records that a file left the system: who, the period and how many rows. */
function auditDownload(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string | null,
  from: string,
  to: string,
  summary: ResearchExportSummary,
) {
  return recordAudit(db, ctx, {
    action: "researchExport.download",
    category: "read:list",
    subjectType: "researchExport",
    subjectId: id,
    details: { from, to, rowCount: summary.rowCount, suppressedRows: summary.suppressedRows },
  });
}

/** The export for a period made at once, in the request (for scripts); audited with its period and row count. */
export async function exportNow(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: ResearchExportInput,
  pseudonymKey: string,
): Promise<ResearchExportFile> {
  assertExportPeriod(input.from, input.to, ctx.clock.today());
  const file = await makeExport(db, input, pseudonymKey);
  await auditDownload(db, ctx, null, input.from, input.to, file.summary);
  return file;
}

/** Starts an export for a period in the background; its progress is read with `readResearchExport`. */
export async function startResearchExport(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: ResearchExportInput,
  pseudonymKey: string,
  run = runResearchExport,
): Promise<string> {
  assertExportPeriod(input.from, input.to, ctx.clock.today());
  const id = randomUUID();
  await insertResearchExport(db, {
    id,
    requested_by: ctx.actor.id,
    period_from: input.from,
    period_to: input.to,
    status: "queued",
    progress: 0,
    summary: null,
    csv_gzip: null,
    error: null,
    created_at: ctx.clock.now().toISOString(),
    finished_at: null,
  });
  await recordAudit(db, ctx, {
    action: "researchExport.start",
    category: "write",
    subjectType: "researchExport",
    subjectId: id,
    details: { from: input.from, to: input.to },
  });
  setImmediate(() => void run(db, ctx, id, input, pseudonymKey));
  return id;
}

/**
 * Makes a started export: loads the facts, builds and anonymises on a worker thread while storing the progress,
 * then stores the file and audits what was released (period, rows). Never throws: a failure is stored on the export.
 */
export async function runResearchExport(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: ResearchExportInput,
  pseudonymKey: string,
): Promise<void> {
  try {
    if (!(await updateResearchExportInProgress(db, id, { status: "running", progress: 0.02 }))) return;
    let stored = 0;
    let writing = Promise.resolve();
    const file = await makeExport(db, input, pseudonymKey, (share) => {
      // Progress is written in steps of 5 %, one write at a time, so the file's own writes never wait behind many.
      if (share - stored < 0.05) return;
      stored = share;
      writing = writing.then(async () => void (await updateResearchExportInProgress(db, id, { progress: share })));
    });
    await writing;
    const done = await updateResearchExportInProgress(db, id, {
      status: "done",
      progress: 1,
      summary: JSON.stringify(file.summary),
      csv_gzip: file.csvGzip,
      finished_at: ctx.clock.now().toISOString(),
    });
    if (!done) return;
    await recordAudit(db, ctx, {
      action: "researchExport.create",
      category: "write",
      subjectType: "researchExport",
      subjectId: id,
      details: { from: input.from, to: input.to, rowCount: file.summary.rowCount, suppressedRows: file.summary.suppressedRows },
    });
  } catch (error) {
    // When even this write fails (the database went away), the export is cut off as stale when next read.
    await updateResearchExportInProgress(db, id, {
      status: "failed",
      error: error instanceof Error ? error.message : String(error),
      finished_at: ctx.clock.now().toISOString(),
    }).catch(() => false);
  }
}

/** One of the caller's own exports, with its progress; 404 for anyone else's. */
export async function readResearchExport(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ResearchExportOutput> {
  const now = ctx.clock.now();
  // An export whose server stopped while making it no longer looks as if it were still running.
  await failResearchExportsStartedBefore(
    db,
    staleExportCutoff(now),
    `Stopped: not finished within ${STALE_EXPORT_MINUTES} minutes (the server may have restarted).`,
    now.toISOString(),
  );
  const row = await findOwnResearchExport(db, ctx.actor.id, id);
  if (!row) throw notFound("research export");
  return presentResearchExport(row);
}

/** The file of one of the caller's finished exports; audited with its period and row count. */
export async function downloadResearchExport(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ResearchExportFile> {
  const row = await findOwnResearchExportFile(db, ctx.actor.id, id);
  if (!row?.csv_gzip || !row.summary) throw notFound("finished research export");
  const summary = JSON.parse(row.summary) as ResearchExportSummary;
  await auditDownload(db, ctx, id, row.period_from, row.period_to, summary);
  return { csvGzip: Buffer.from(row.csv_gzip), summary, filename: filenameOf(row.period_from, row.period_to) };
}
