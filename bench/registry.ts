import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RequestContext } from "@server/auth/actor.js";
import { systemClock } from "@server/clock.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
import { seedDemoPopulation } from "@server/demo/seed.js";
import { exportClients } from "@server/domains/registry/registry-export.service.js";
import { importClients } from "@server/domains/registry/registry-import.service.js";
import { actorFromUser } from "@server/domains/sessions/sessions.service.js";
import { findUserByEmail } from "@server/domains/users/users.repo.js";

interface Row {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

const TARGET_SECONDS = 10;

async function adminOf(db: Db): Promise<RequestContext> {
  const user = await findUserByEmail(db.kysely, "admin@demo.local");
  if (!user) throw new Error("the demo admin is missing");
  return { actor: actorFromUser(user, systemClock.today()), requestId: "bench", clock: systemClock };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/**
 * The import from the benefits administration (issue 18: 18,000 rows ≤ 10 s): the seeded registry's own export read
 * back into the same database (every row unchanged), and into a new database with only the demo accounts (every row
 * created). `db` holds the seeded Rotterdam-sized population.
 */
export async function benchRegistryImport(db: Db): Promise<Row[]> {
  const ctx = await adminOf(db);
  const csv = Buffer.from(await exportClients(db.kysely, ctx), "utf8");
  const same = await timed(() => importClients(db.kysely, ctx, { content: csv, source: "cli" }));
  const rows: Row[] = [
    {
      name: `registry import, ${same.result.rows.length} rows of its own export (${same.result.unchanged} unchanged)`,
      measured: `${same.seconds.toFixed(1)} s`,
      target: `≤ ${TARGET_SECONDS} s`,
      met: same.seconds <= TARGET_SECONDS && same.result.unchanged === same.result.rows.length,
    },
  ];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-bench-import-"));
  const fresh = connectDatabase(`sqlite:${path.join(dir, "import.sqlite")}`);
  try {
    await migrateToLatest(fresh);
    await seedDemoPopulation(fresh.kysely, { seed: 7, clients: 0, demoPassword: "demo", clock: systemClock });
    const freshCtx = await adminOf(fresh);
    const created = await timed(() => importClients(fresh.kysely, freshCtx, { content: csv, source: "cli" }));
    rows.push({
      name: `registry import, ${created.result.rows.length} rows into an empty registry (${created.result.created} created)`,
      measured: `${created.seconds.toFixed(1)} s`,
      target: `≤ ${TARGET_SECONDS} s`,
      met: created.seconds <= TARGET_SECONDS && created.result.refused === 0,
    });
  } finally {
    await fresh.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
