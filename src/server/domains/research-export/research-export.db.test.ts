import { gunzipSync } from "node:zlib";
import { TestClock } from "@server/clock.js";
import { DEMO_RESEARCH_PSEUDONYM_KEY } from "@server/config.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { K_ANONYMITY, QUASI_IDENTIFIERS, RESEARCH_EXPORT_COLUMNS, type ResearchExportOutput } from "@shared/schemas/research-export.js";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pseudonymOf } from "./research-export.build.js";
import { STALE_EXPORT_MINUTES } from "./research-export.rules.js";

let t: TestApp;
let researcher: { authorization: string };
const clock = new TestClock("2026-06-15");
const period = { from: "2025-07-01", to: "2026-05-31" };

beforeAll(async () => {
  // A seeded population with two years of workflow history: intakes, check-ins, placements, exemptions, sanctions.
  t = await createTestApp({ clients: 300, seed: 17, historyShare: 0.6, clock });
  researcher = await bearerFor(t.app, "onderzoeker@demo.local");
}, 300_000);
afterAll(async () => t?.close());

async function waitUntilFinished(id: string): Promise<{ final: ResearchExportOutput; progress: number[] }> {
  const progress: number[] = [];
  for (;;) {
    const response = await t.app.inject({ url: `/api/v1/research-exports/${id}`, headers: researcher });
    expect(response.statusCode).toBe(200);
    const body = response.json() as ResearchExportOutput;
    progress.push(body.progress);
    if (body.status === "done" || body.status === "failed") return { final: body, progress };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function smallestClass(records: Record<string, string>[]): number {
  const sizes = new Map<string, number>();
  for (const r of records) {
    const key = [r.month, ...QUASI_IDENTIFIERS.map((qi) => r[qi])].join("|");
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return Math.min(...sizes.values());
}

describe("research export", () => {
  it("rejects the unauthenticated, and every role but the researcher", async () => {
    expect((await t.app.inject({ url: "/api/v1/research-export/dictionary" })).statusCode).toBe(401);
    for (const email of ["admin@demo.local", "consulent@demo.local", "teamleider@demo.local"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/research-exports",
        headers: await bearerFor(t.app, email),
        payload: period,
      });
      expect(response.statusCode, email).toBe(403);
    }
  });

  it("refuses a period that ends before it starts, naming the field", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/research-exports",
      headers: researcher,
      payload: { from: "2026-03-01", to: "2026-02-01" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: "to", code: "beforeStart" })]);
  });

  it("makes the seeded population's export in the background: k ≥ 5, pseudonyms only, audited with period and rows", async () => {
    const start = await t.app.inject({ method: "POST", url: "/api/v1/research-exports", headers: researcher, payload: period });
    expect(start.statusCode).toBe(202);
    const { final, progress } = await waitUntilFinished(start.json().id);
    expect(final.status, final.error ?? "").toBe("done");
    expect(final.abilities.download).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const summary = final.summary;
    if (!summary) throw new Error("a finished export has its summary");

    const file = await t.app.inject({ url: `/api/v1/research-exports/${final.id}/file`, headers: researcher });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^text\/csv/);
    expect(Number(file.headers["content-length"])).toBe(file.rawPayload.length);
    const records = parse(file.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual([...RESEARCH_EXPORT_COLUMNS]);
    expect(records).toHaveLength(summary.rowCount);
    // Every client-month on benefit is either released or suppressed.
    const starts = await t.db.kysely.selectFrom("clients").select("benefit_start_date").execute();
    const months = [
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
    ];
    const onBenefit = starts.reduce((sum, c) => sum + months.filter((m) => c.benefit_start_date.slice(0, 7) <= m).length, 0);
    expect(summary.rowCount + summary.suppressedRows).toBe(onBenefit);
    expect(summary.rowCount).toBeGreaterThan(0);
    expect(smallestClass(records)).toBeGreaterThanOrEqual(K_ANONYMITY);
    expect(new Set(records.map((r) => r.month)).size).toBe(11);
    // The history shows up: rungs, wellbeing, placements.
    expect(records.some((r) => r.ladderRung !== "")).toBe(true);
    expect(records.some((r) => r.who5Band !== "")).toBe(true);
    expect(records.some((r) => r.activityType === "volunteerPlacement")).toBe(true);

    // No direct identifier of any client, anywhere in the file.
    const clients = await t.db.kysely
      .selectFrom("clients")
      .select(["id", "bsn", "given_name", "family_name", "email", "phone", "postcode", "birth_date"])
      .execute();
    for (const c of clients) {
      for (const value of [c.id, c.bsn, c.email, c.phone, c.postcode, c.birth_date, `${c.given_name} ${c.family_name}`]) {
        if (value) expect(file.body.includes(value), "a direct identifier").toBe(false);
      }
    }
    // The pseudonym is the keyed hash of the record under the demo key.
    const pseudonyms = new Set(records.map((r) => r.pseudonym));
    expect(clients.some((c) => pseudonyms.has(pseudonymOf(c.id, DEMO_RESEARCH_PSEUDONYM_KEY)))).toBe(true);

    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "details", "actor_email"])
      .where("subject_id", "=", final.id)
      .orderBy("occurred_at")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["researchExport.create", "researchExport.download", "researchExport.start"]);
    for (const a of audit) {
      expect(a.actor_email).toBe("onderzoeker@demo.local");
      expect(JSON.parse(a.details ?? "{}")).toMatchObject(period);
    }
    const created = audit.find((a) => a.action === "researchExport.create");
    expect(JSON.parse(created?.details ?? "{}").rowCount).toBe(summary.rowCount);

    // Gzipped as stored for a caller that accepts it.
    const zipped = await t.app.inject({
      url: `/api/v1/research-exports/${final.id}/file`,
      headers: { ...researcher, "accept-encoding": "gzip, deflate" },
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.rawPayload).toString("utf8")).toBe(file.body);

    // Made again at once for the same period with the same key: the same rows, the same pseudonyms.
    const again = await t.app.inject({ url: `/api/v1/research-export?from=${period.from}&to=${period.to}`, headers: researcher });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(file.body);
    expect(Number(again.headers["x-row-count"])).toBe(summary.rowCount);
  }, 120_000);

  it("hides another account's export and an export not yet done", async () => {
    const id = crypto.randomUUID();
    const admin = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "admin@demo.local").executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto("research_exports")
      .values({
        id,
        requested_by: admin.id,
        period_from: period.from,
        period_to: period.to,
        status: "running",
        progress: 0.5,
        summary: null,
        csv_gzip: null,
        error: null,
        created_at: clock.now().toISOString(),
        finished_at: null,
      })
      .execute();
    expect((await t.app.inject({ url: `/api/v1/research-exports/${id}`, headers: researcher })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/research-exports/${id}/file`, headers: researcher })).statusCode).toBe(404);
  });

  it("shows an export whose server stopped as failed once it is stale", async () => {
    const mine = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "onderzoeker@demo.local").executeTakeFirstOrThrow();
    const id = crypto.randomUUID();
    await t.db.kysely
      .insertInto("research_exports")
      .values({
        id,
        requested_by: mine.id,
        period_from: period.from,
        period_to: period.to,
        status: "running",
        progress: 0.4,
        summary: null,
        csv_gzip: null,
        error: null,
        created_at: clock.now().toISOString(),
        finished_at: null,
      })
      .execute();
    expect((await t.app.inject({ url: `/api/v1/research-exports/${id}`, headers: researcher })).json().status).toBe("running");
    clock.advance({ minutes: STALE_EXPORT_MINUTES + 1 });
    researcher = await bearerFor(t.app, "onderzoeker@demo.local");
    const body = (await t.app.inject({ url: `/api/v1/research-exports/${id}`, headers: researcher })).json();
    expect(body.status).toBe("failed");
    expect(body.abilities.download).toBe(false);
  });

  it("serves the data dictionary with every column", async () => {
    const response = await t.app.inject({ url: "/api/v1/research-export/dictionary", headers: researcher });
    expect(response.statusCode).toBe(200);
    expect(response.json().columns.map((c: { name: string }) => c.name)).toEqual([...RESEARCH_EXPORT_COLUMNS]);
    expect(response.json().k).toBe(K_ANONYMITY);
  });
});
