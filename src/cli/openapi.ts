import fs from "node:fs";
import path from "node:path";
import { createApp } from "@server/app.js";
import { loadConfig } from "@server/config.js";
import { connectDatabase } from "@server/db/connection.js";

/** Builds the app in-process (in-memory database, nothing listens) and returns its OpenAPI document. */
export async function runOpenApi(): Promise<unknown> {
  const db = connectDatabase("sqlite::memory:");
  const app = await createApp({ config: loadConfig({ NODE_ENV: "test" }), db, logger: false, webRoot: null });
  await app.ready();
  const document = app.swagger();
  await app.close();
  await db.destroy();
  return document;
}

/** `naar-vermogen openapi`: writes the OpenAPI document to a file, or to standard output without one. */
export async function writeOpenApi(out: string | undefined): Promise<void> {
  const document = JSON.stringify(await runOpenApi(), null, 2);
  if (!out) return void process.stdout.write(`${document}\n`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, `${document}\n`);
}
