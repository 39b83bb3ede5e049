import fs from "node:fs";
import { createApp } from "@server/app.js";
import { loadConfig } from "@server/config.js";
import { connectDatabase } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
const file = "/tmp/load15/inproc.sqlite";
for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
const seeded = fs.readdirSync("/tmp/naar-vermogen-bench").filter((f) => f.endsWith(".sqlite")).map((f) => `/tmp/naar-vermogen-bench/${f}`).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
fs.copyFileSync(seeded as string, file);
const db = connectDatabase(`sqlite:${file}`);
await migrateToLatest(db);
const app = await createApp({ config: loadConfig({ NODE_ENV: "development", LOG_LEVEL: "warn" }), db, logger: false, webRoot: null });
await app.ready();
const login = await app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email: "consulent@demo.local", password: "demo" } });
const headers = { authorization: `Bearer ${login.json().token}` };
const n = Number(process.env.N ?? 3000);
for (const url of process.argv.slice(2)) {
  for (let i = 0; i < 300; i++) await app.inject({ url, headers });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await app.inject({ url, headers });
  const c = process.cpuUsage(c0);
  console.log(url, "cpu µs/req", ((c.user + c.system) / n).toFixed(0), "wall µs/req", (((performance.now() - t0) * 1000) / n).toFixed(0));
}
await app.close();
