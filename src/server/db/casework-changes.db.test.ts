import { createTestDatabase } from "@server/testing/test-app.js";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCaseworkVersion, tablesOfSchema, trackedTables, UNTRACKED_TABLES } from "./casework-changes.js";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("the casework change counter", () => {
  it("is on every table of the database that is not named as untracked, so a new table cannot be forgotten", async () => {
    const tables = await tablesOfSchema(db.kysely);
    const tracked = new Set(await trackedTables(db.kysely));
    const forgotten = tables.filter((table) => !tracked.has(table) && !(table in UNTRACKED_TABLES));
    // A table added by a later migration needs `trackCaseworkChanges(db, table)` there, or a reason in UNTRACKED_TABLES.
    expect(forgotten).toEqual([]);
    expect(tables.filter((table) => tracked.has(table) && table in UNTRACKED_TABLES)).toEqual([]);
    expect(tracked.size).toBeGreaterThan(40);
  });

  it("goes up with a committed write to a tracked table, not with a rolled-back one nor with an untracked table", async () => {
    const k = db.kysely;
    const before = await readCaseworkVersion(k);
    await sql`INSERT INTO retention_releases (table_name, row_id) VALUES ('documents', 'r1')`.execute(k);
    const afterInsert = await readCaseworkVersion(k);
    expect(afterInsert).toBeGreaterThan(before);

    await expect(
      k.transaction().execute(async (trx) => {
        await sql`DELETE FROM retention_releases WHERE row_id = 'r1'`.execute(trx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await readCaseworkVersion(k)).toBe(afterInsert);

    await sql`INSERT INTO throttle_events (id, kind, key_hash, at) VALUES ('t1', 'login', 'x', '2026-12-03T10:00:00Z')`.execute(k);
    expect(await readCaseworkVersion(k)).toBe(afterInsert);

    await sql`UPDATE retention_releases SET row_id = 'r2' WHERE row_id = 'r1'`.execute(k);
    const afterUpdate = await readCaseworkVersion(k);
    expect(afterUpdate).toBeGreaterThan(afterInsert);
    await sql`DELETE FROM retention_releases WHERE row_id = 'r2'`.execute(k);
    expect(await readCaseworkVersion(k)).toBeGreaterThan(afterUpdate);
  });

  it("moves when the transaction commits, with its data, and on PostgreSQL once for the whole transaction", async () => {
    const k = db.kysely;
    const before = await readCaseworkVersion(k);
    await k.transaction().execute(async (trx) => {
      await sql`INSERT INTO retention_releases (table_name, row_id) VALUES ('documents', 'r3'), ('documents', 'r4')`.execute(trx);
      await sql`DELETE FROM retention_releases WHERE row_id IN ('r3', 'r4')`.execute(trx);
      // Another connection does not see the new version before the data (SQLite has only the one connection).
      if (db.dialect === "postgres") expect(await readCaseworkVersion(k)).toBe(before);
    });
    const after = await readCaseworkVersion(k);
    expect(after).toBeGreaterThan(before);
    if (db.dialect === "postgres") expect(after).toBe(before + 1);
  });
});
