import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The judgement that care is customary care is a decision with a letter. The letter is dated Friday 13 November
 * 2026: the objection term starts on Saturday 14 November and its six weeks end on Christmas Day, run past Boxing
 * Day and the Sunday, and end on Monday 28 December 2026 (worked out by hand).
 */
const clock = new TestClock("2026-11-13");
let t: TestApp;
let clientId: string;
type Headers = { authorization: string };
let consultant: Headers;
let client: Headers;
const post = (url: string, payload: object, headers: Headers) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });

async function pdfText(letterId: string): Promise<string> {
  const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", letterId).executeTakeFirstOrThrow();
  return (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
}

const care = (beyondCustomaryCare: boolean, judgementReason: string) => ({
  relation: "parent",
  description: "Boodschappen en de was.",
  hoursPerWeek: 4.5,
  since: "2026-09-01",
  beyondCustomaryCare,
  judgementReason,
});

beforeAll(async () => {
  t = await createTestApp({ clients: 40, clock });
  const user = await t.db.kysely.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
  clientId = user.client_id ?? "";
  consultant = await bearerFor(t.app, "consulent@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
});
afterAll(() => t.close());

describe("caregiving judged customary care", () => {
  it("is a decision the client sees, with a letter that names it first and ends with the remedy notice and its dates", async () => {
    const recorded = await post(`/clients/${clientId}/caregiving`, care(false, "Dit doen huisgenoten gewoonlijk voor elkaar."), consultant);
    expect(recorded.statusCode, recorded.body).toBe(201);
    const decisionId = recorded.json().decisionId as string;
    expect(decisionId).toEqual(expect.any(String));
    expect(recorded.json()).toMatchObject({ beyondCustomaryCare: false, countsAsContribution: false });

    const listed = await get(`/clients/${clientId}/decisions`, client);
    expect(listed.statusCode, listed.body).toBe(200);
    const decision = (listed.json().items as { id: string }[]).find((d) => d.id === decisionId);
    expect(decision).toMatchObject({
      type: "customaryCare",
      decidedOn: "2026-11-13",
      objectionTermEndsOn: "2026-12-28",
      legalBasis: expect.stringContaining("Artikel 9, eerste lid, onderdeel c, Participatiewet"),
      letterId: expect.any(String),
    });

    const text = await pdfText((decision as unknown as { letterId: string }).letterId);
    expect(text).toMatch(/Beste \S+ \S+, Wij hebben besloten dat de zorg voor uw ouder gebruikelijke zorg is\./);
    expect(text).toContain("ongeveer 4,5 uur per week");
    expect(text).toContain("Dit doen huisgenoten gewoonlijk voor elkaar.");
    expect(text).toContain("Bent u het niet eens met dit besluit?");
    expect(text).toContain("vanaf 14 november 2026 tot en met 28 december 2026");
  });

  it("is read back with its decision on the caregiving list", async () => {
    const recorded = (await post(`/clients/${clientId}/caregiving`, care(false, "Gewone hulp in het huishouden."), consultant)).json();
    const items = (await get(`/clients/${clientId}/caregiving`, consultant)).json().items as { id: string; decisionId: string | null }[];
    expect(items.find((c) => c.id === recorded.id)?.decisionId).toBe(recorded.decisionId);
  });

  it("beyond customary care counts as the contribution and is no decision: no letter, nothing to object to", async () => {
    const before = (await get(`/clients/${clientId}/decisions`, consultant)).json().items.length;
    const recorded = await post(`/clients/${clientId}/caregiving`, care(true, "Intensieve zorg, 40 uur per week."), consultant);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ decisionId: null, countsAsContribution: true });
    expect((await get(`/clients/${clientId}/decisions`, consultant)).json().items).toHaveLength(before);
  });

  it("bad input writes neither the care nor a decision", async () => {
    const before = (await get(`/clients/${clientId}/decisions`, consultant)).json().items.length;
    const refused = await post(`/clients/${clientId}/caregiving`, { ...care(false, "x"), since: "2026-12-01" }, consultant);
    expect(refused.statusCode).toBe(400);
    expect((await get(`/clients/${clientId}/decisions`, consultant)).json().items).toHaveLength(before);
  });
});
