import { systemClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { isDatabaseEmpty, seedDemoPopulation } from "@server/demo/seed.js";
import { SingleBar } from "cli-progress";
import { openDatabase } from "./database.js";

interface SeedCommandOptions {
  seed: number;
  clients: number;
  database?: string;
  password?: string;
}

/** `naar-vermogen seed`: fills an empty database with the demo population, with a progress bar. */
export async function runSeed(options: SeedCommandOptions): Promise<void> {
  const db = await openDatabase(options.database);
  try {
    if (!(await isDatabaseEmpty(db.kysely))) {
      throw new Error("the database already has accounts; seed only an empty database");
    }
    const bar = new SingleBar({ format: " {phase} [{bar}] {value}/{total}", hideCursor: true });
    let phase = "";
    const started = performance.now();
    const counts = await seedDemoPopulation(db.kysely, {
      seed: options.seed,
      clients: options.clients,
      demoPassword: options.password ?? loadConfig().NV_DEMO_PASSWORD,
      clock: systemClock,
      onProgress: (name, done, total) => {
        if (name !== phase) {
          if (phase) bar.stop();
          phase = name;
          bar.start(total, done, { phase: name.padEnd(13) });
        } else bar.update(done);
      },
    });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Created ${counts.clients} clients, ${counts.users} accounts, ${counts.organisations} organisations, ${counts.roles} roles, ${counts.placements} placements and ${counts.letters} letters of history in ${seconds} s.`,
    );
  } finally {
    await db.destroy();
  }
}
