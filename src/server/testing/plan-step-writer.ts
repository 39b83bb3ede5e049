// A second server process for the SQLite concurrency test: it opens the database file the test prepared, fires
// plan-step requests at one client all at once when told to, and prints each answer's status and code as one
// JSON line.
// Usage: plan-step-writer.ts DATABASE_FILE CLIENT_ID COUNT
import { createApp } from "@server/app.js";
import { loadConfig } from "@server/config.js";
import { connectDatabase } from "@server/db/connection.js";
import { todayInAmsterdam } from "@shared/dates.js";
import { bearerFor } from "./test-app.js";

const [file, clientId, count] = process.argv.slice(2);
if (!file || !clientId || !count) throw new Error("usage: plan-step-writer.ts DATABASE_FILE CLIENT_ID COUNT");
const db = connectDatabase(`sqlite:${file}`);
const app = await createApp({
  config: loadConfig({ NODE_ENV: "test", LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "1000" }),
  db,
  logger: false,
  webRoot: null,
});
await app.ready();
const headers = await bearerFor(app, "consulent@demo.local");
// Started, the process says so and waits for a line on stdin, so that the test can let both go at once.
console.log("ready");
await new Promise((resolve) => process.stdin.once("data", resolve));
process.stdin.pause();
const responses = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/plan-steps`,
      headers,
      payload: { type: "languageCourse", title: `Taalles ${process.pid}-${i}`, hoursPerWeek: 2, startDate: todayInAmsterdam() },
    }),
  ),
);
console.log(JSON.stringify(responses.map((r) => ({ status: r.statusCode, code: r.statusCode === 201 ? null : r.json().code }))));
await app.close();
await db.destroy();
