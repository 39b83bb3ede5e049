import { parseJsonColumn } from "@server/db/json.js";
import type { AuditEventOutput } from "@shared/schemas/audit.js";
import { z } from "zod";
import type { NamedAuditEvent } from "./audit.repo.js";

/** Lists every outgoing field of an audit row, with the names of its actor and client. */
export function presentAuditEvent(row: NamedAuditEvent): AuditEventOutput {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    category: row.category,
    clientId: row.client_id,
    clientName: row.client_given_name === null ? null : `${row.client_given_name} ${row.client_family_name ?? ""}`.trim(),
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    requestId: row.request_id,
    details: row.details ? parseJsonColumn(z.record(z.string(), z.unknown()), row.details) : null,
  };
}

/** The columns of the audit log's CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  "occurredAt",
  "actorName",
  "actorEmail",
  "actorRole",
  "action",
  "category",
  "clientName",
  "clientId",
  "subjectType",
  "subjectId",
  "requestId",
  "details",
] as const;

/** A field as CSV writes it (RFC 4180 with `;`, as Dutch spreadsheets expect): quoted when it holds `;`, a quote or a line break. */
function csvField(value: string): string {
  // A cell a spreadsheet would run as a formula is written as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header line of the export. */
export function auditCsvHeader(): string {
  return `\uFEFF${AUDIT_CSV_COLUMNS.join(";")}\r\n`;
}

/** One audit event as a line of the export. */
export function auditCsvLine(row: NamedAuditEvent): string {
  const event = presentAuditEvent(row);
  const cells = AUDIT_CSV_COLUMNS.map((column) => {
    const value = event[column];
    if (value === null || value === undefined) return "";
    return typeof value === "string" ? value : JSON.stringify(value);
  });
  return `${cells.map(csvField).join(";")}\r\n`;
}
