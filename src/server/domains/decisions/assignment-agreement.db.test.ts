import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The tegenprestatie assignment (a confirmed plan that asks hours) and the placement agreement the municipality signs
 * are decisions with a letter. Every letter below is dated Saturday 5 December 2026: its six weeks run from Sunday
 * 6 December and end on Saturday 16 January 2027, moved to Monday 18 January 2027 (worked out by hand).
 */
const LETTER_DATE = "2026-12-05";
const TERM_ENDS = "2027-01-18";
const REMEDY = "U kunt bezwaar maken vanaf 6 december 2026 tot en met 18 januari 2027.";
// The remedy notice under a decision; every letter also closes with the client's rights in general, which name
// objecting too, so "no remedy" means no such notice rather than no word "bezwaar".
const NO_REMEDY = "Bent u het niet eens met dit besluit?";

const clock = new TestClock(LETTER_DATE);
let t: TestApp;
type Headers = { authorization: string };
let consultant: Headers;
let host: Headers;
let client: Headers;
let freshClients: string[];
let klantId: string;

const post = (url: string, payload: unknown, headers: Headers) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });

async function pdfText(letterId: string): Promise<string> {
  const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", letterId).executeTakeFirstOrThrow();
  // One line of running text, without the page footers and breaks a longer letter has between its pages.
  return (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text
    .replace(/\s+/g, " ")
    .replace(/ ?NV-\S+ · pagina \d+ van \d+ -- \d+ of \d+ --/g, "");
}

type Decision = { id: string; type: string; letterId: string; objectionTermEndsOn: string; replacesDecisionId?: string | null };
const decisionsOf = async (clientId: string): Promise<Decision[]> => {
  const response = await get(`/clients/${clientId}/decisions`, consultant);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};

async function confirmWith(clientId: string, step: Record<string, unknown>) {
  const added = await post(
    `/clients/${clientId}/plan-steps`,
    { type: "languageCourse", title: "Taalles B1", hoursPerWeek: 4, startDate: LETTER_DATE, ...step },
    consultant,
  );
  expect(added.statusCode, added.body).toBe(201);
  const draft = (await get(`/clients/${clientId}/plans`, consultant)).json().items[0];
  const confirmed = await post(`/plans/${draft.id}/confirmation`, { reportingFrequencyWeeks: 4 }, consultant);
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  return confirmed.json() as { id: string; letterId: string; steps: { id: string }[] };
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 60, clock, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
  const me = (await get("/me", consultant)).json();
  const k = t.db.kysely;
  freshClients = (
    await k
      .selectFrom("clients")
      .select("id")
      .where("consultant_id", "=", me.id)
      .where("id", "not in", k.selectFrom("plans").select("client_id"))
      .where("id", "not in", k.selectFrom("placements").select("client_id"))
      .where("id", "not in", k.selectFrom("users").select("client_id").where("client_id", "is not", null))
      .orderBy("family_name")
      .limit(2)
      .execute()
  ).map((r) => r.id);
  klantId =
    (await k.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow()).client_id ?? "";
  // Room to plan the hours below, whatever the demo's intake said.
  await k
    .updateTable("clients")
    .set({ capacity_hours_per_week: 40 })
    .where("id", "in", [...freshClients, klantId])
    .execute();
});
afterAll(() => t.close());

describe("the tegenprestatie assignment", () => {
  let first: Decision;

  it("confirming a plan that asks hours is a decision, whose letter names it first and ends with the remedy", async () => {
    const [clientId = ""] = freshClients;
    const plan = await confirmWith(clientId, { hoursPerWeek: 4 });
    const decisions = await decisionsOf(clientId);
    expect(decisions).toHaveLength(1);
    first = decisions[0] as Decision;
    expect(first).toMatchObject({ type: "assignment", letterId: plan.letterId, objectionTermEndsOn: TERM_ENDS });
    const text = await pdfText(plan.letterId);
    expect(text).toContain("Beste");
    expect(text.indexOf("Wij hebben besloten dat u een tegenprestatie doet: 4 uur per week.")).toBeLessThan(text.indexOf("Uw stappen"));
    expect(text).toContain("Artikel 9, eerste lid, onderdeel c, Participatiewet");
    expect(text).toContain(REMEDY);
    for (const part of ["uw handtekening", "Juridisch Loket", "ombudsman"]) expect(text).toContain(part);
  });

  it("a new version with other hours is a new decision that replaces the assignment in force", async () => {
    const [clientId = ""] = freshClients;
    clock.set(addDays(LETTER_DATE, 7));
    consultant = await bearerFor(t.app, "consulent@demo.local");
    const plan = await confirmWith(clientId, { type: "exercise", title: "Sport", hoursPerWeek: 2 });
    const decisions = await decisionsOf(clientId);
    expect(decisions).toHaveLength(2);
    const [latest] = decisions;
    expect(latest).toMatchObject({ type: "assignment", letterId: plan.letterId, replacesDecisionId: first.id });
    const text = await pdfText(plan.letterId);
    expect(text).toContain("Wij hebben besloten dat uw tegenprestatie verandert: u doet nu 6 uur per week, in plaats van 4 uur.");
    expect(text).toContain("Dit besluit komt in de plaats van ons vorige besluit");
    // Twelve December: six weeks end on Saturday 23 January 2027, so the term runs to Monday 25 January.
    expect(text).toContain("U kunt bezwaar maken vanaf 13 december 2026 tot en met 25 januari 2027.");
  });

  it("a new version with the same hours decides nothing new: the assignment stands, the letter has no remedy", async () => {
    const [clientId = ""] = freshClients;
    const plan = await confirmWith(clientId, { type: "debtHelp", title: "Schuldhulp", hoursPerWeek: 0 });
    expect(await decisionsOf(clientId)).toHaveLength(2);
    const text = await pdfText(plan.letterId);
    expect(text).toContain("Uw tegenprestatie blijft zoals die was.");
    expect(text).not.toContain(NO_REMEDY);
    expect(text).not.toContain("U kunt bezwaar maken vanaf");
  });

  it("a plan without hours (only debt help) is no assignment and no decision", async () => {
    const [, clientId = ""] = freshClients;
    const plan = await confirmWith(clientId, { type: "debtHelp", title: "Schuldhulp", hoursPerWeek: 0 });
    expect(await decisionsOf(clientId)).toEqual([]);
    const text = await pdfText(plan.letterId);
    expect(text).toContain("hebben wij samen uw plan gemaakt");
    expect(text).not.toContain("besloten");
    expect(text).not.toContain(NO_REMEDY);
    expect(text).not.toContain("U kunt bezwaar maken vanaf");
  });
});

describe("the placement agreement", () => {
  let placementId: string;

  beforeAll(async () => {
    clock.set(LETTER_DATE);
    consultant = await bearerFor(t.app, "consulent@demo.local");
    host = await bearerFor(t.app, "organisatie@demo.local");
    client = await bearerFor(t.app, "klant@demo.local");
    const organisationId = (await get("/me", host)).json().organisationId;
    const role = await post(
      "/roles",
      {
        organisationId,
        title: "Gastvrouw of gastheer koffieochtend",
        description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
        hoursPerWeek: 4,
        guidanceLevel: "intensive",
        places: 3,
        weekdayParts: ["tue-am"],
        displacementCheck: {
          paidInLastThreeYears: false,
          doneByPaidStaffElsewhere: false,
          wouldOtherwiseBePaid: false,
          partOfPaidService: false,
          recentStaffCuts: false,
        },
      },
      consultant,
    );
    expect(role.statusCode, role.body).toBe(201);
    const proposed = await post(
      "/placements",
      { clientId: klantId, roleId: role.json().id, guidanceOverrideReason: "Extra begeleiding door de consulent zelf." },
      consultant,
    );
    expect(proposed.statusCode, proposed.body).toBe(201);
    placementId = proposed.json().id;
    expect((await post(`/placements/${placementId}/accept`, undefined, host)).statusCode).toBe(200);
  });

  const sign = (party: string, headers: Headers, signedOn?: string) =>
    post(`/placements/${placementId}/agreement/signatures`, { party, ...(signedOn ? { signedOn } : {}) }, headers);

  it("starts with the host's signature only, and its letter claims no other signature", async () => {
    const started = await post(
      `/placements/${placementId}/start`,
      {
        agreement: {
          startDate: addDays(LETTER_DATE, 3),
          endDate: addDays(LETTER_DATE, 180),
          hoursPerWeek: 4,
          tasks: "Koffie schenken en gasten ontvangen op dinsdagochtend.",
          contactPerson: "Fatima, coördinator vrijwilligers",
          guidanceArrangement: "Elke week een kort gesprek na afloop.",
        },
      },
      host,
    );
    expect(started.statusCode, started.body).toBe(200);
    const [agreement] = started.json().agreements;
    expect(agreement.signatures).toMatchObject({ client: null, municipality: null, host: { signedOn: LETTER_DATE } });
    expect(agreement.abilities).toEqual({ signAsClient: false, signAsHost: false, signAsMunicipality: false });
    const text = await pdfText(agreement.letterId);
    expect(text).toContain("heeft getekend op 5 december 2026");
    expect(text).not.toContain("U heeft getekend");
    expect(text).not.toContain("De gemeente heeft getekend");
    expect(text).not.toContain(NO_REMEDY);
    expect(text).not.toContain("U kunt bezwaar maken vanaf");
  });

  it("lets each party sign only for itself, once, never in the future", async () => {
    expect((await sign("municipality", host)).json().code).toBe("notSigningParty");
    expect((await sign("host", consultant)).json().code).toBe("notSigningParty");
    expect((await sign("host", host)).json().code).toBe("alreadySigned");
    const future = await sign("client", consultant, addDays(LETTER_DATE, 1));
    expect(future.statusCode).toBe(400);
    expect(future.json().invalidParams[0]).toMatchObject({ name: "signedOn", code: "dateInFuture" });
    expect(await decisionsOf(klantId)).toEqual([]);
  });

  it("the municipality's signature is the decision; its letter lists the signatures given, not the client's yet", async () => {
    const placement = (await get(`/placements/${placementId}`, consultant)).json();
    expect(placement.agreements[0].abilities).toEqual({ signAsClient: true, signAsHost: false, signAsMunicipality: true });
    const signed = await sign("municipality", consultant);
    expect(signed.statusCode, signed.body).toBe(201);
    const [agreement] = signed.json().agreements;
    expect(agreement.signatures.municipality).toMatchObject({ signedOn: LETTER_DATE });
    const decisions = await decisionsOf(klantId);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ id: agreement.decisionId, type: "placementAgreement", objectionTermEndsOn: TERM_ENDS });
    const text = await pdfText(decisions[0]?.letterId ?? "");
    expect(text.indexOf("Wij hebben besloten dat u vrijwilligerswerk doet bij")).toBeLessThan(text.indexOf("Wie heeft getekend?"));
    expect(text).toContain("De gemeente heeft getekend op 5 december 2026.");
    expect(text).not.toContain("U heeft getekend");
    expect(text).toContain(REMEDY);
    expect((await sign("municipality", consultant)).json().code).toBe("alreadySigned");
  });

  it("the client signs in the portal afterwards; that makes no second decision", async () => {
    const signed = await sign("client", client);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().agreements[0].signatures.client).toMatchObject({ signedOn: LETTER_DATE });
    expect(await decisionsOf(klantId)).toHaveLength(1);
    const listed = await get(`/clients/${klantId}/decisions`, client);
    expect(listed.json().items.map((d: Decision) => d.type)).toEqual(["placementAgreement"]);
  });
});
