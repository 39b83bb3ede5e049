import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { runInWorker } from "@server/worker-thread.js";
import type { AccessLogEntry, DataExportOutput } from "@shared/schemas/privacy.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import type { DataExportPdfInput } from "./data-export.pdf.js";
import { EXPORT_SOURCES } from "./data-export.sources.js";
import { presentAccessLogEntry, presentExportRow } from "./privacy.presenter.js";
import { exportRowsOf, listAccessLog } from "./privacy.repo.js";

/**
 * A page of the client's access log. Staff reading it is itself a read of the client's record and is recorded;
 * the client reading their own is not, so looking at the list never adds to it.
 */
export async function readAccessLog(db: Kysely<Database>, ctx: RequestContext, clientId: string, page: { page: number; pageSize: number }) {
  await requireVisibleClient(db, ctx.actor, clientId);
  if (ctx.actor.role !== "client") {
    await recordAudit(db, ctx, {
      action: "client.accessLog",
      category: "read:sensitive",
      clientId,
      subjectType: "client",
      subjectId: clientId,
    });
  }
  const { rows, total } = await listAccessLog(db, clientId, page);
  return { items: rows.map(presentAccessLogEntry), total };
}

/** Everything held on the client (AVG art. 15), the access log included; recorded as a read of the whole record. */
export async function exportClientData(db: Kysely<Database>, ctx: RequestContext, clientId: string) {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  await recordAudit(db, ctx, {
    action: "client.dataExport",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
  });
  const sections: DataExportOutput["sections"] = [];
  for (const source of EXPORT_SOURCES) {
    const rows = await exportRowsOf(db, source, clientId);
    sections.push({ key: source.key, title: source.title, rows: rows.map((row) => presentExportRow(source, row)) });
  }
  const accessLog: AccessLogEntry[] = (await listAccessLog(db, clientId)).rows.map(presentAccessLogEntry);
  const data: DataExportOutput = { clientId, madeAt: nowIso(ctx.clock), sections, accessLog };
  return { client, data };
}

/** The export as a readable PDF, laid out on a worker thread so the server keeps answering meanwhile. */
export async function exportClientDataPdf(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<Buffer> {
  const { client, data } = await exportClientData(db, ctx, clientId);
  const omitted = Object.fromEntries(EXPORT_SOURCES.map((source) => [source.key, Object.values(source.omit ?? {})]));
  const input: DataExportPdfInput = { data, clientName: `${client.given_name} ${client.family_name}`, madeOn: ctx.clock.today(), omitted };
  const bytes = await runInWorker<DataExportPdfInput, Uint8Array>(import.meta.url, "data-export", input);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
