import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { systemClock } from "@server/clock.js";
import { seedDemoPopulation } from "@server/demo/seed.js";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupSqlite, restoreSqlite, sqliteFileOf } from "./backup.js";
import { connectDatabase, type Db } from "./connection.js";
import { MIGRATION_NAMES, migrateToLatest } from "./migrate.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-backup-"));
const original = path.join(dir, "original.sqlite");
const backup = path.join(dir, "backup.sqlite");
// The original stays open as a running server keeps it: in WAL mode, with recent writes still in the log.
let server: Db;

beforeAll(async () => {
  server = connectDatabase(`sqlite:${original}`);
  await migrateToLatest(server);
  await seedDemoPopulation(server.kysely, { seed: 11, clients: 40, demoPassword: "demo", clock: systemClock });
  await server.kysely.updateTable("clients").set({ phone: "0612345678" }).execute();
}, 120_000);
afterAll(async () => {
  await server.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Row count and SHA-256 of every table's rows in a fixed order, by table name. */
function fingerprint(file: string): Record<string, { rows: number; sha256: string }> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const columns = (db.pragma(`table_info("${name}")`) as { name: string }[]).map((_, i) => i + 1);
        const rows = db
          .prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(", ")}`)
          .raw()
          .all();
        const hash = createHash("sha256");
        for (const row of rows) hash.update(JSON.stringify(row, (_, v) => (Buffer.isBuffer(v) ? v.toString("base64") : v)));
        return [name, { rows: rows.length, sha256: hash.digest("hex") }];
      }),
    );
  } finally {
    db.close();
  }
}

describe("backup and restore of the SQLite database", () => {
  it("copies the open database with its latest writes and restores it as the same rows in every table", async () => {
    expect(fs.statSync(`${original}-wal`).size, "the latest writes are still in the write-ahead log").toBeGreaterThan(0);
    const facts = await backupSqlite(original, backup);
    expect(facts).toMatchObject({ migration: MIGRATION_NAMES.at(-1), behind: false, clients: 40 });
    expect(fs.existsSync(`${backup}-wal`)).toBe(false);

    const restored = path.join(dir, "restored", "naar-vermogen.sqlite");
    expect(restoreSqlite(backup, restored)).toEqual(facts);
    const before = fingerprint(original);
    const after = fingerprint(restored);
    expect(after).toEqual(before);
    // The comparison means something only over a population: people, accounts, history, letters, the audit trail.
    for (const table of [
      "clients",
      "users",
      "organisations",
      "volunteer_roles",
      "appointments",
      "letters",
      "audit_events",
      "kysely_migration",
    ]) {
      expect(before[table]?.rows, table).toBeGreaterThan(0);
    }
    const phones = new SQLite(restored, { readonly: true }).prepare("SELECT DISTINCT phone FROM clients").pluck().all();
    expect(phones).toEqual(["0612345678"]);
  });

  it("replaces an existing database only when forced, and never one a server has open", async () => {
    const target = path.join(dir, "existing.sqlite");
    await backupSqlite(original, backup);
    restoreSqlite(backup, target);
    expect(() => restoreSqlite(backup, target)).toThrow(/exists; add --force/);

    const running = connectDatabase(`sqlite:${target}`);
    await running.kysely.updateTable("clients").set({ phone: null }).execute();
    expect(() => restoreSqlite(backup, target, { force: true })).toThrow(/in use by a running server/);
    const phones = await running.kysely.selectFrom("clients").select("phone").distinct().execute();
    expect(phones, "the server's database is as it left it").toEqual([{ phone: null }]);
    await running.destroy();

    expect(restoreSqlite(backup, target, { force: true }).clients).toBe(40);
    expect(fingerprint(target)).toEqual(fingerprint(original));
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
  });

  it("refuses a file that is not a whole Naar Vermogen database at a known migration, and leaves the target alone", async () => {
    const target = path.join(dir, "untouched.sqlite");
    fs.writeFileSync(target, "the old database");
    const refuse = (file: string, message: RegExp) => {
      expect(() => restoreSqlite(file, target, { force: true })).toThrow(message);
      expect(fs.readFileSync(target, "utf8")).toBe("the old database");
      expect(fs.readdirSync(dir).filter((name) => name.includes(".restore-"))).toEqual([]);
    };

    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "no database at all");
    refuse(text, /notes\.txt is not a SQLite database/);

    const other = path.join(dir, "other.sqlite");
    new SQLite(other).exec("CREATE TABLE things (id INTEGER PRIMARY KEY)").close();
    refuse(other, /is not a Naar Vermogen database \(it has no migration table\)/);

    const newer = path.join(dir, "newer.sqlite");
    await backupSqlite(original, newer);
    new SQLite(newer).exec("INSERT INTO kysely_migration (name, timestamp) VALUES ('29991231_9999_future', '2999-12-31')").close();
    refuse(newer, /made by another version of Naar Vermogen \(unknown migrations: 29991231_9999_future\)/);

    const damaged = path.join(dir, "damaged.sqlite");
    fs.copyFileSync(backup, damaged);
    const bytes = fs.readFileSync(damaged);
    // Overwrite the middle of the file (table and index pages), keeping the header: SQLite opens it, the check fails.
    bytes.fill(0x5a, 8192, bytes.length - 8192);
    fs.writeFileSync(damaged, bytes);
    refuse(damaged, /damaged\.sqlite (fails SQLite's integrity check|is not a SQLite database)/);

    refuse(path.join(dir, "missing.sqlite"), /there is no file at/);
  });

  it("finishes while the server keeps writing, with the writes up to one moment and none after it", async () => {
    let written = 0;
    let copying = true;
    const writer = (async () => {
      while (copying) {
        await server.kysely
          .insertInto("audit_events")
          .values({ id: `tick-${written}`, occurred_at: new Date().toISOString(), action: "test.tick", category: "write" })
          .execute();
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const copy = path.join(dir, "during-writes.sqlite");
    await backupSqlite(original, copy).finally(() => {
      copying = false;
    });
    await writer;
    const ticks = new SQLite(copy, { readonly: true })
      .prepare("SELECT id FROM audit_events WHERE action = 'test.tick'")
      .pluck()
      .all() as string[];
    expect(written).toBeGreaterThan(0);
    expect(ticks.length).toBeLessThanOrEqual(written);
    expect(new Set(ticks)).toEqual(new Set(Array.from({ length: ticks.length }, (_, i) => `tick-${i}`)));
  });

  it("names the PostgreSQL tools instead of copying a PostgreSQL database", () => {
    expect(() => sqliteFileOf("postgres://postgres@127.0.0.1:5432/naarvermogen")).toThrow(
      /for PostgreSQL use pg_dump -Fc and pg_restore --clean \(README: Backup and restore\)/,
    );
    expect(() => sqliteFileOf("sqlite::memory:")).toThrow(/in-memory/);
    expect(sqliteFileOf("sqlite:./data/x.sqlite")).toBe(path.resolve("data/x.sqlite"));
  });
});
