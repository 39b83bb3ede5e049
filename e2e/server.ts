import fs from "node:fs";
import type { AddressInfo } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createApp } from "@server/app.js";
import { systemClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
import { type LocalProvider, startLocalProvider } from "@server/demo/local-openid-provider.js";
import { demoLoginChoices } from "@server/demo/login-choices.js";
import { seedDemoPopulation } from "@server/demo/seed.js";

/** A running app on a throwaway database with the demo population. */
export interface TestServer {
  baseUrl: string;
  /** The server's database, for arranging a fact the API cannot make yet (e.g. an appointment in the future missed). */
  db: Db;
  close(): Promise<void>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts the whole app (API and built web app) on a random port with a fresh, seeded SQLite file; with `provider`,
 * also the local OpenID Provider (DigiD and the staff login, as in the demo) on a port of its own. `undoHoldMinutes`
 * sets `NV_UNDO_HOLD_MINUTES`: 0 for a journey where the host answers a referral right after it was made.
 */
export async function startServer(options: { provider?: boolean; undoHoldMinutes?: number } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-e2e-"));
  const db = connectDatabase(`sqlite:${path.join(dir, "e2e.sqlite")}`);
  await migrateToLatest(db);
  await seedDemoPopulation(db.kysely, { seed: 7, clients: 600, demoPassword: "demo", clock: systemClock });
  const appPort = options.provider ? await freePort() : 0;
  let provider: LocalProvider | undefined;
  if (options.provider) {
    provider = await startLocalProvider({
      environment: "test",
      appUrl: `http://127.0.0.1:${appPort}`,
      choices: await demoLoginChoices(db.kysely),
    });
  }
  const app = await createApp({
    config: loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      ...(options.undoHoldMinutes === undefined ? {} : { NV_UNDO_HOLD_MINUTES: String(options.undoHoldMinutes) }),
      ...provider?.env,
    } as NodeJS.ProcessEnv),
    db,
    logger: false,
  });
  await app.listen({ port: appPort, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await app.close();
      await provider?.close();
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
