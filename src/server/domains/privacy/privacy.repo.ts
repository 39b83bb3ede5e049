import type { Database } from "@server/db/schema.js";
import { AUDIT_CATEGORIES } from "@shared/enums.js";
import { type Kysely, sql } from "kysely";
import type { ExportSource } from "./data-export.sources.js";

/** The rows of one export source that belong to the client, every column as stored (binary columns included). */
export async function exportRowsOf(db: Kysely<Database>, source: ExportSource, clientId: string): Promise<Record<string, unknown>[]> {
  const { belongs } = source;
  const owned =
    "parent" in belongs
      ? sql`${sql.ref(belongs.column)} in (select id from ${sql.table(belongs.parent)} where ${sql.ref(belongs.parentColumn ?? "client_id")} = ${clientId})`
      : sql`${sql.ref(belongs.column)} = ${clientId}`;
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(source.table)} where ${owned}
    order by ${sql.ref(source.orderBy)}, id`.execute(db);
  return rows;
}

const READ_CATEGORIES = AUDIT_CATEGORIES.filter((category) => category.startsWith("read"));

/** An audit row of the client's access log, with the actor's name and organisation as they are now. */
export interface AccessLogRow {
  id: string;
  occurred_at: string;
  action: string;
  category: string;
  actor_role: string | null;
  actor_name: string | null;
  organisation_name: string | null;
}

/**
 * Every read and change of the client's record by someone else, and the client's own changes, newest first.
 * Left out: logins (not a read of the record) and the client's own reads (they know they looked; every page they
 * open would otherwise flood their list). `page` absent: all of them (for the data export).
 */
export async function listAccessLog(
  db: Kysely<Database>,
  clientId: string,
  page?: { page: number; pageSize: number },
): Promise<{ rows: AccessLogRow[]; total: number }> {
  const base = db
    .selectFrom("audit_events as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .leftJoin("agencies as ag", "ag.id", "u.agency_id")
    .where("a.client_id", "=", clientId)
    .where("a.category", "!=", "auth")
    .where((eb) =>
      eb.or([eb("a.actor_role", "is", null), eb("a.actor_role", "!=", "client"), eb("a.category", "not in", READ_CATEGORIES)]),
    );
  const { total } = await base.select((eb) => eb.fn.countAll<number | string>().as("total")).executeTakeFirstOrThrow();
  let query = base
    .select([
      "a.id",
      "a.occurred_at",
      "a.action",
      "a.category",
      "a.actor_role",
      "u.display_name as actor_name",
      // A host's organisation, or an agency worker's agency: the client learns which, never the member.
      (eb) => eb.fn.coalesce("o.name", "ag.name").as("organisation_name"),
    ])
    .orderBy("a.occurred_at", "desc")
    .orderBy("a.id");
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows: await query.execute(), total: Number(total) };
}
