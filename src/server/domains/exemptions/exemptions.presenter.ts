import type { Database, ExemptionRow } from "@server/db/schema.js";
import { todayInAmsterdam } from "@shared/dates.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import type { Kysely } from "kysely";
import { documentsOf } from "../documents/documents.service.js";

/** Whether an exemption binds on a date: active and within its dates. */
export function isInForce(row: Pick<ExemptionRow, "status" | "start_date" | "end_date">, date = todayInAmsterdam()): boolean {
  return row.status === "active" && row.start_date <= date && (row.end_date === null || row.end_date >= date);
}

/** Exemptions with the names of who asked, decided and co-signed, and their evidence (without content). */
export async function presentExemptions(db: Kysely<Database>, rows: ExemptionRow[]): Promise<ExemptionOutput[]> {
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.requested_by, r.decided_by, r.co_signed_by]).filter((id): id is string => Boolean(id))),
  ];
  const users = userIds.length ? await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", userIds).execute() : [];
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.display_name ?? null) : null);
  const documents = await documentsOf(
    db,
    "exemption",
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    type: row.type as ExemptionOutput["type"],
    scope: row.scope as ExemptionOutput["scope"],
    maxHoursPerWeek: row.max_hours_per_week,
    startDate: row.start_date,
    endDate: row.end_date,
    reviewDate: row.review_date,
    reason: row.reason,
    status: row.status as ExemptionOutput["status"],
    inForce: isInForce(row),
    needsCoSign: row.status === "awaitingCoSign",
    requestedBy: nameOf(row.requested_by),
    decidedBy: nameOf(row.decided_by),
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    coSignedBy: nameOf(row.co_signed_by),
    coSignedAt: row.co_signed_at,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    ordinanceVersion: row.ordinance_version,
    documents: documents.get(row.id) ?? [],
    createdAt: row.created_at,
  }));
}
