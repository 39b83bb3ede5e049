import type { AccessActorKind, AccessLogEntry } from "@shared/schemas/privacy.js";
import { purposeOf } from "./access-purposes.js";
import type { ExportSource } from "./data-export.sources.js";
import type { AccessLogRow } from "./privacy.repo.js";

const STAFF: ReadonlySet<string> = new Set(["consultant", "teamLead", "admin"]);

function actorKindOf(role: string | null): AccessActorKind {
  if (role === "client") return "self";
  if (role === null || role === "system") return "system";
  if (STAFF.has(role) || role === "host" || role === "agencyWorker") return role as AccessActorKind;
  return "other";
}

/**
 * One line of the client's access log: when, which function or organisation, and why. Municipal staff are named;
 * a host organisation's or an agency's member is not (the organisation or agency is), nor is anyone else.
 */
export function presentAccessLogEntry(row: AccessLogRow): AccessLogEntry {
  const actorKind = actorKindOf(row.actor_role);
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    kind: row.category.startsWith("read") ? "read" : "change",
    action: row.action,
    actorKind,
    actorName: STAFF.has(actorKind) ? row.actor_name : null,
    organisationName: actorKind === "host" || actorKind === "agencyWorker" ? row.organisation_name : null,
    purpose: purposeOf(row.action, row.category),
  };
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * One row of the data export: every column as stored, in camelCase, except the source's omitted columns. Unlike
 * the other presenters this one lists no fields: the client is owed everything held, so a new column goes out too.
 */
export function presentExportRow(source: ExportSource, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (source.omit && column in source.omit) continue;
    out[camel(column)] = value instanceof Uint8Array ? `(${value.byteLength} bytes)` : value;
  }
  return out;
}
