import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../connection.js";
import { migrateTo, migrateToLatest } from "../migrate.js";

/**
 * The signatures migration keeps what is known and invents nothing: an agreement a host's member recorded carries
 * that host's signature on that day; one a consultant recorded, acting for the host, carries none; the client's
 * signature was never recorded. On SQLite, with foreign keys off, so only the rows this migration reads need to exist.
 */
const db = connectDatabase("sqlite::memory:");
afterAll(() => db.destroy());

describe("migration 0011: agreement signatures", () => {
  it("gives a host-recorded agreement the host's signature and leaves every unknown signature empty", async () => {
    await migrateTo(db, "20261202_0009_decisions");
    const k = db.kysely;
    await sql`PRAGMA foreign_keys = OFF`.execute(k);
    for (const [id, role] of [
      ["u-host", "host"],
      ["u-consultant", "consultant"],
    ])
      await sql`INSERT INTO users (id, email, display_name, role, password_hash, created_at, updated_at)
        VALUES (${id}, ${`${id}@example.org`}, ${id}, ${role}, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(k);
    for (const [id, by] of [
      ["a-host", "u-host"],
      ["a-staff", "u-consultant"],
    ])
      await sql`INSERT INTO placement_agreements (id, placement_id, version, start_date, end_date, hours_per_week, tasks, contact_person,
          guidance_arrangement, letter_id, signed_by, signed_at)
        VALUES (${id}, ${`p-${id}`}, 1, '2026-11-02', '2027-05-01', 4, 'Koffie.', 'Fatima', 'Wekelijks.', 'l1', ${by},
          '2026-11-02T09:30:00.000Z')`.execute(k);

    await migrateToLatest(db);

    const rows = await k
      .selectFrom("placement_agreements")
      .select([
        "id",
        "client_signed_on",
        "client_signed_by",
        "host_signed_on",
        "host_signed_by",
        "municipality_signed_on",
        "municipality_signed_by",
        "decision_id",
      ])
      .orderBy("id")
      .execute();
    const none = { client_signed_on: null, client_signed_by: null, municipality_signed_on: null, municipality_signed_by: null };
    expect(rows).toEqual([
      { id: "a-host", ...none, host_signed_on: "2026-11-02", host_signed_by: "u-host", decision_id: null },
      { id: "a-staff", ...none, host_signed_on: null, host_signed_by: null, decision_id: null },
    ]);
  });
});
