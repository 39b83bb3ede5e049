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
