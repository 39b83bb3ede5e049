import { createApp } from "@server/app.js";
import { loadConfig } from "@server/config.js";
import { pendingMigrations } from "@server/db/migrate.js";
import { createTestDatabase } from "@server/testing/test-app.js";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";

/** An app over a fresh migrated database without a demo population: health needs no rows. */
async function appOver() {
  const db = await createTestDatabase();
  const app = await createApp({ config: loadConfig({ NODE_ENV: "test" }), db, logger: false, webRoot: null });
  await app.ready();
  return { app, db };
}

describe("health and readiness", () => {
  it("answers liveness and readiness with 200 while the database answers and is at the latest version", async () => {
    const { app, db } = await appOver();
    try {
      expect(await pendingMigrations(db)).toEqual([]);
      for (const url of ["/api/v1/health", "/api/v1/health/ready"]) {
        const response = await app.inject({ url });
        expect(response.statusCode, url).toBe(200);
        expect(response.json()).toEqual({ status: "ok" });
      }
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it("keeps liveness at 200 without a database, while readiness answers 503 problem+json", async () => {
    const { app, db } = await appOver();
    try {
      await db.destroy();
      const live = await app.inject({ url: "/api/v1/health" });
      expect(live.statusCode).toBe(200);
      const ready = await app.inject({ url: "/api/v1/health/ready" });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(ready.json()).toMatchObject({ status: 503, code: "notReady", detail: "The database does not answer." });
    } finally {
      await app.close();
      // The schema of a PostgreSQL run is dropped over a connection of its own.
      await db.drop().catch(() => undefined);
    }
  });

  it("answers 503 while a migration of this version has not run", async () => {
    const { app, db } = await appOver();
    try {
      const [latest] = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`
        .execute(db.kysely)
        .then((r) => r.rows);
      await sql`delete from kysely_migration where name = ${latest?.name}`.execute(db.kysely);
      expect(await pendingMigrations(db)).toEqual([latest?.name]);
      const ready = await app.inject({ url: "/api/v1/health/ready" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: "notReady", detail: expect.stringContaining("1 migration(s) to run") });
      expect((await app.inject({ url: "/api/v1/health" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it("documents both routes, and the 503 of readiness as problem+json", async () => {
    const { app, db } = await appOver();
    try {
      const document = (await app.inject({ url: "/api/v1/openapi.json" })).json();
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/health", "/health/ready"]));
      expect(document.paths["/health/ready"].get.responses["503"].content).toHaveProperty("application/problem+json");
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
