import { z } from "zod";
import { idParam, pageOf, pageQuery, timestamp } from "./common.js";

/** Who did it, as the client's access log names them: a function, an organisation, or the client themselves. */
export const ACCESS_ACTOR_KINDS = ["self", "consultant", "teamLead", "host", "agencyWorker", "admin", "system", "other"] as const;
export type AccessActorKind = (typeof ACCESS_ACTOR_KINDS)[number];

const plainText = z.object({ nl: z.string(), en: z.string() }).describe("the same sentence in Dutch and English");

export const accessLogEntry = z.object({
  id: z.uuid(),
  occurredAt: timestamp,
  kind: z.enum(["read", "change"]).describe("whether the record was read or changed"),
  action: z.string().describe("the audit action, e.g. client.read"),
  actorKind: z.enum(ACCESS_ACTOR_KINDS),
  actorName: z.string().nullable().describe("the staff member's name for municipal staff; null for a host, the client and the system"),
  organisationName: z.string().nullable().describe("the host organisation's name when one of its members did it"),
  purpose: plainText.describe("why, in plain words (B1)"),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
export const accessLogPage = pageOf(accessLogEntry);
export const accessLogQuery = pageQuery;

export const dataExportParams = idParam;
export const dataExportQuery = z.object({
  format: z.enum(["json", "pdf"]).default("json").describe("json (default) or pdf, a readable document"),
});

/** One part of the export: the rows of one kind of record, every column held (large files as metadata only). */
export const dataExportSection = z.object({
  key: z.string(),
  title: plainText,
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const dataExportOutput = z.object({
  clientId: z.uuid(),
  madeAt: timestamp,
  sections: z.array(dataExportSection),
  accessLog: z.array(accessLogEntry),
});
export type DataExportOutput = z.infer<typeof dataExportOutput>;
