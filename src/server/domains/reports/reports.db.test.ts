import { TestClock } from "@server/clock.js";
import { type AuthorizationFixtures, buildAuthorizationFixtures } from "@server/testing/authorization-fixtures.js";
import { MATRIX_TODAY } from "@server/testing/authorization-matrix.js";
import { createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { StatisticsOverview } from "@shared/schemas/statistics.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let f: AuthorizationFixtures;
const clock = new TestClock(MATRIX_TODAY);
const YEAR = MATRIX_TODAY.slice(0, 4);
const COUNT = new Intl.NumberFormat("nl-NL");

const get = (url: string, headers?: { authorization: string }) => t.app.inject({ url: `/api/v1${url}`, ...(headers ? { headers } : {}) });
const textOf = async (pdf: Buffer) => (await new PDFParse({ data: pdf }).getText()).text.replace(/\s+/g, " ");

beforeAll(async () => {
  t = await createTestApp({ clients: 120, seed: 17, historyShare: 0.6, clock });
  f = await buildAuthorizationFixtures(t);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("GET /reports/annual", () => {
  it("rejects the unauthenticated, and consultants, hosts and clients", async () => {
    expect((await get(`/reports/annual?year=${YEAR}`)).statusCode).toBe(401);
    for (const role of ["consultant", "host", "client"] as const) {
      expect((await get(`/reports/annual?year=${YEAR}`, f.headers[role])).statusCode).toBe(403);
    }
  });

  it("gives a researcher the city's year so far as a PDF, with the overview's figures and small counts hidden", async () => {
    const response = await get(`/reports/annual?year=${YEAR}`, f.headers.researcher);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="jaarverslag-tegenprestatie-${YEAR}.pdf"`);
    const text = await textOf(response.rawPayload);
    expect(text).toContain(`Jaarverslag tegenprestatie ${YEAR}`);
    expect(text).toContain("Gemeente Rotterdam");
    expect(text).toContain("Ze gaan over de hele stad.");
    expect(text).toContain("dit is geen experiment");
    // The same figures the dashboard shows: the funnel's invitations of every quarter so far.
    const overview: StatisticsOverview = (
      await get(`/statistics/overview?from=${YEAR}-01-01&to=${MATRIX_TODAY}&groupBy=quarter`, f.headers.researcher)
    ).json();
    const funnel = overview.tables.find((table) => table.id === "funnel");
    const invited = funnel?.measures.findIndex((m) => m.key === "invited") ?? -1;
    expect(invited).toBeGreaterThanOrEqual(0);
    for (const row of funnel?.rows ?? []) {
      const value = row.values[invited];
      expect(text).toContain(value === null || value === undefined ? "minder dan 5" : COUNT.format(value));
    }
    if (overview.tables.some((table) => table.hiddenCells > 0)) expect(text).toContain("minder dan 5");
  }, 120_000);

  it("gives a team lead the report of their own districts, and an admin the whole city without hidden counts", async () => {
    const lead = await get(`/reports/annual?year=${YEAR}`, f.headers.teamLead);
    expect(lead.statusCode).toBe(200);
    expect(await textOf(lead.rawPayload)).toMatch(/Ze gaan over de wijk(en)? [A-Z]/);
    const admin = await get(`/reports/annual?year=${YEAR}`, f.headers.admin);
    expect(admin.statusCode).toBe(200);
    const text = await textOf(admin.rawPayload);
    expect(text).toContain("Ze gaan over de hele stad.");
    expect(text).not.toContain("minder dan 5");
  }, 120_000);

  it("refuses a year not yet begun and a year that is not a year, naming the field", async () => {
    for (const year of [String(Number(YEAR) + 1), "twintig", "1999"]) {
      const response = await get(`/reports/annual?year=${year}`, f.headers.admin);
      expect(response.statusCode).toBe(400);
      expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: "year" })]);
    }
  });
});
