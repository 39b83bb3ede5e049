import { spawn } from "node:child_process";
import path from "node:path";
import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp, testDatabaseKind } from "@server/testing/test-app.js";
import { addMonths, todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = path.resolve(import.meta.dirname, "../../../../bin/naar-vermogen.js");
const onPostgres = testDatabaseKind() === "postgres";
if (!onPostgres)
  console.info("Skipping the two-process scheduler test: it needs one PostgreSQL database shared by two processes (TEST_DATABASE_URL).");

let t: TestApp;
const today = todayInAmsterdam();
// The app formalises the contributions seven months ago, on its clock; the two processes run today, on theirs.
const clock = new TestClock(addMonths(today, -7));

/** Runs `naar-vermogen run-daily` as a separate server process on the test's PostgreSQL schema. */
function runDailyProcess(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        bin,
        "run-daily",
        "--date",
        today,
        "--database",
        expectDefined(process.env.TEST_DATABASE_URL),
        "--pg-schema",
        expectDefined(t.db.schema),
      ],
      { env: process.env },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe.runIf(onPostgres)("two server processes on one PostgreSQL database", () => {
  beforeAll(async () => {
    t = await createTestApp({ clients: 60, clock });
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
    const clients = await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).limit(4).execute();
    for (const { id } of clients) {
      await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 20 }).where("id", "=", id).execute();
      const created = await t.app.inject({
        method: "POST",
        url: `/api/v1/clients/${id}/contributions`,
        headers: consultant,
        payload: {
          kind: "existingVolunteerWork",
          organisationName: "Buurthuis",
          description: "Koffie schenken",
          hoursPerWeek: 3,
          since: "2024-01-01",
        },
      });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it("run the scheduled daily job once between them", async () => {
    const [a, b] = await Promise.all([runDailyProcess(), runDailyProcess()]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    const outcomes = [a, b]
      .map((r) => JSON.parse(expectDefined(r.out.trim().split("\n").at(-1), "the last line of output")).outcome)
      .sort();
    // One ran; the other found the lease taken or the day's run done.
    expect(outcomes[1]).toBe("ran");
    expect(["alreadyRan", "busy"]).toContain(outcomes[0]);
    const runs = await t.db.kysely.selectFrom("scheduler_runs").select(["status", "instance"]).where("run_date", "=", today).execute();
    expect(runs).toEqual([{ status: "succeeded", instance: expect.any(String) }]);
    const requests = await t.db.kysely.selectFrom("accountability_requests").select("subject_id").execute();
    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((r) => r.subject_id)).size).toBe(4);
  }, 60_000);
});
