import { TestClock } from "@server/clock.js";
import { confirmedPlanStep } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The objection procedure end to end, on a clock that walks through the term: every decision letter below is
 * dated Friday 13 November 2026, so its six weeks end on Christmas Day, run past Boxing Day and the Sunday, and
 * end on Monday 28 December 2026 (worked out by hand).
 */
const LETTER_DATE = "2026-11-13";
const TERM_ENDS = "2026-12-28";

const clock = new TestClock(LETTER_DATE);
let t: TestApp;
let clientId: string;
type Headers = { authorization: string };
const login = (email: string, password = "demo") => bearerFor(t.app, email, password);
const post = (url: string, payload: unknown, headers: Headers) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });
const del = (url: string, headers: Headers) => t.app.inject({ method: "DELETE", url: `/api/v1${url}`, headers });

async function pdfText(letterId: string): Promise<string> {
  const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", letterId).executeTakeFirstOrThrow();
  return (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
}

/** A second team lead over the demo districts, who took no part in the first one's decisions. */
async function secondLead(): Promise<Headers> {
  const email = "teamleider-bezwaar@demo.local";
  if (!(await t.db.kysely.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()))
    await post(
      "/users",
      { email, displayName: "Bo Bezwaar", role: "teamLead", districts: ["Charlois", "Overschie"], password: "bezwaar-bezwaar" },
      await login("admin@demo.local"),
    );
  return login(email, "bezwaar-bezwaar");
}

/** A sanction proposed by the consultant, heard, and imposed by the team lead today: its decision. */
async function sanctionDecision(
  decision: { outcome: string; percentage?: number; months?: number } = { outcome: "imposed" },
): Promise<{ sanctionId: string; decisionId: string; letterId: string }> {
  const consultant = await login("consulent@demo.local");
  const proposed = await post(
    `/clients/${clientId}/sanctions`,
    {
      ground: "insufficientEffort",
      factsDate: addDays(clock.today(), -7),
      facts: "Solliciteerde niet, terwijl dat was afgesproken.",
      planStepId: (await confirmedPlanStep(t.db, clientId, addDays(clock.today(), -30))).planStepId,
      notDone: "Geen enkele sollicitatie in vier weken.",
      culpability: "reduced",
      circumstances: "Geen bijzondere omstandigheden.",
      urgentReasons: false,
    },
    consultant,
  );
  expect(proposed.statusCode, proposed.body).toBe(201);
  const id = proposed.json().id as string;
  await post(`/sanctions/${id}/hearing`, { heldOn: clock.today(), channel: "phone", record: "Vergeten." }, consultant);
  const decided = await post(`/sanctions/${id}/decision`, { ...decision, reasons: "Verwijtbaar." }, await login("teamleider@demo.local"));
  expect(decided.statusCode, decided.body).toBe(200);
  return { sanctionId: id, decisionId: decided.json().decisionId, letterId: decided.json().decisionLetterId };
}

let a: Awaited<ReturnType<typeof sanctionDecision>>;
let b: Awaited<ReturnType<typeof sanctionDecision>>;
let c: Awaited<ReturnType<typeof sanctionDecision>>;
let d: Awaited<ReturnType<typeof sanctionDecision>>;
const objectionOf = async (decisionId: string, headers: Headers) => (await get(`/decisions/${decisionId}`, headers)).json().objection;

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock });
  const user = await t.db.kysely.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
  clientId = user.client_id ?? "";
  a = await sanctionDecision();
  b = await sanctionDecision();
  c = await sanctionDecision();
  d = await sanctionDecision();
});
afterAll(() => t.close());

describe("a decision and its letter", () => {
  it("carries the objection term to the Monday after Christmas, in the record and in the letter's remedy notice", async () => {
    const decision = (await get(`/decisions/${a.decisionId}`, await login("consulent@demo.local"))).json();
    expect(decision).toMatchObject({
      type: "sanctionImposed",
      letterDate: LETTER_DATE,
      objectionTermEndsOn: TERM_ENDS,
      subject: { type: "sanction", id: a.sanctionId },
      abilities: { object: true },
    });
    const text = await pdfText(a.letterId);
    expect(text).toContain("Wij hebben besloten dat u een maatregel krijgt.");
    expect(text).toContain("U kunt bezwaar maken vanaf 14 november 2026 tot en met 28 december 2026.");
    for (const part of ["uw handtekening", "Juridisch Loket", "ombudsman", "Postbus 70012", "Naar Vermogen"]) expect(text).toContain(part);
  });

  it("makes a lower sanction and refraining decisions too, each letter naming it first and ending with the remedy", async () => {
    const consultant = await login("consulent@demo.local");
    const lower = await sanctionDecision({ outcome: "imposedLower", percentage: 1, months: 1 });
    const refrained = await sanctionDecision({ outcome: "refrained" });
    const cases = [
      {
        made: lower,
        type: "sanctionImposedLower",
        first: "Wij hebben besloten dat u een maatregel krijgt.",
        terms: "1 maand verlaagd met 1 procent",
      },
      { made: refrained, type: "sanctionRefrained", first: "Wij hebben besloten dat u geen maatregel krijgt.", terms: "" },
    ];
    for (const { made, type, first, terms } of cases) {
      const decision = (await get(`/decisions/${made.decisionId}`, consultant)).json();
      expect(decision).toMatchObject({ type, letterDate: LETTER_DATE, objectionTermEndsOn: TERM_ENDS });
      expect(decision.summary).toContain(terms);
      const text = await pdfText(made.letterId);
      // The first sentence after the salutation names the decision.
      expect(/Beste [^,]+, (.+?\.)/.exec(text)?.[1]).toBe(first);
      expect(text).toContain(terms);
      expect(text).toContain("U kunt bezwaar maken vanaf 14 november 2026 tot en met 28 december 2026.");
    }
  });

  it("lists the client's own decisions, newest first, for the client; not to a consultant of another district", async () => {
    const client = await login("klant@demo.local");
    const list = await get(`/clients/${clientId}/decisions`, client);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([a.decisionId, b.decisionId, c.decisionId, d.decisionId]),
    );
    expect((await get(`/clients/${clientId}/decisions`, await login("consulent2@demo.local"))).statusCode).toBe(404);
    const audited = await t.db.kysely.selectFrom("audit_events").select("category").where("action", "=", "decision.list").execute();
    expect(audited).toContainEqual({ category: "read:sensitive" });
  });
});

describe("need to know", () => {
  it("keeps a client's decisions from hosts and researchers: no list, no decision, no objection on the client's behalf", async () => {
    for (const email of ["organisatie@demo.local", "onderzoeker@demo.local"]) {
      const headers = await login(email);
      expect((await get(`/clients/${clientId}/decisions`, headers)).statusCode, email).toBe(403);
      expect((await get(`/decisions/${a.decisionId}`, headers)).statusCode, email).toBe(403);
      const objected = await post(`/decisions/${a.decisionId}/objections`, { receivedOn: LETTER_DATE, grounds: "Niet eens." }, headers);
      expect(objected.statusCode, email).toBe(403);
    }
    expect(await objectionOf(a.decisionId, await login("consulent@demo.local"))).toBeNull();
  });
});

describe("objections", () => {
  it("by the client through the portal, on time, with the decision term six weeks after the objection term", async () => {
    clock.set("2026-11-20");
    const client = await login("klant@demo.local");
    const objected = await post(`/decisions/${a.decisionId}/objections`, { receivedOn: "2026-11-01", grounds: "Ik was ziek." }, client);
    expect(objected.statusCode, objected.body).toBe(201);
    // Through the portal the objection is received today, whatever the body says.
    expect(objected.json()).toMatchObject({
      receivedOn: "2026-11-20",
      onTime: true,
      objectionTermEndsOn: TERM_ENDS,
      decideBy: "2027-02-08",
      postponed: false,
    });
    expect((await get(`/decisions/${a.decisionId}`, client)).json().abilities.object).toBe(false);
    const again = await post(`/decisions/${a.decisionId}/objections`, { receivedOn: "2026-11-20", grounds: "Nog eens." }, client);
    expect(again.json().code).toBe("objectionExists");
  });

  it("registers exactly one of 20 objections made at once, and refuses the others without a server error", async () => {
    const consultant = await login("consulent@demo.local");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(`/decisions/${d.decisionId}/objections`, { receivedOn: clock.today(), grounds: `Bezwaar ${i + 1}.` }, consultant),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(responses.filter((r) => r.statusCode === 409).every((r) => r.json().code === "objectionExists")).toBe(true);
    const stored = await t.db.kysely.selectFrom("objections").select("id").where("decision_id", "=", d.decisionId).execute();
    expect(stored).toHaveLength(1);
  });

  it("by post (Awb 6:9): posted in the term and received within a week is on time; a day later it is late", async () => {
    clock.set("2027-01-05");
    const consultant = await login("consulent@demo.local");
    const inWeek = await post(
      `/decisions/${b.decisionId}/objections`,
      { receivedOn: "2027-01-04", postedOn: TERM_ENDS, grounds: "Per post." },
      consultant,
    );
    expect(inWeek.json()).toMatchObject({ onTime: true, decideBy: "2027-02-08" });
    const late = await post(
      `/decisions/${c.decisionId}/objections`,
      { receivedOn: "2027-01-05", postedOn: TERM_ENDS, grounds: "Per post, laat aangekomen." },
      consultant,
    );
    // Late: decided within six weeks of receipt, Tuesday 16 February 2027.
    expect(late.json()).toMatchObject({ onTime: false, decideBy: "2027-02-16", latenessExcusable: null });
    expect(late.json().abilities.excuseLateness).toBe(true);
  });

  it("records that lateness is not excused: then only inadmissible, and on time objections have no lateness to excuse", async () => {
    const consultant = await login("consulent@demo.local");
    const onTime = await objectionOf(b.decisionId, consultant);
    expect((await post(`/objections/${onTime.id}/lateness`, { excusable: true, reasons: "x" }, consultant)).json().code).toBe(
      "objectionOnTime",
    );
    const late = await objectionOf(c.decisionId, consultant);
    const recorded = await post(`/objections/${late.id}/lateness`, { excusable: false, reasons: "Geen reden opgegeven." }, consultant);
    expect(recorded.json()).toMatchObject({ latenessExcusable: false, latenessReasons: "Geen reden opgegeven." });
    const second = await secondLead();
    const unfounded = await post(`/objections/${late.id}/outcome`, { outcome: "unfounded", reasons: "x" }, second);
    expect(unfounded.json().code).toBe("latenessNotExcused");
    const inadmissible = await post(`/objections/${late.id}/outcome`, { outcome: "inadmissible", reasons: "Te laat." }, second);
    expect(inadmissible.statusCode, inadmissible.body).toBe(200);
  });

  it("postpones once by six weeks with a letter (Awb 7:10 lid 3), further only with recorded consent (lid 4)", async () => {
    const consultant = await login("consulent@demo.local");
    const objection = await objectionOf(a.decisionId, consultant);
    const postponed = await post(`/objections/${objection.id}/postponement`, { reasons: "Wij wachten op een medisch advies." }, consultant);
    expect(postponed.statusCode, postponed.body).toBe(200);
    expect(postponed.json()).toMatchObject({ postponed: true, decideBy: "2027-03-22", abilities: { postpone: false } });
    expect(await pdfText(postponed.json().postponement.letterId)).toContain("U hoort uiterlijk op 22 maart 2027 van ons.");
    expect((await post(`/objections/${objection.id}/postponement`, { reasons: "Nog eens." }, consultant)).json().code).toBe(
      "alreadyPostponed",
    );
    const notLater = await post(
      `/objections/${objection.id}/consent-extension`,
      { consentGivenOn: "2027-01-05", decideBy: "2027-03-22", note: "Telefonisch akkoord." },
      consultant,
    );
    expect(notLater.json().invalidParams[0]).toMatchObject({ name: "decideBy", code: "notLater" });
    const consented = await post(
      `/objections/${objection.id}/consent-extension`,
      { consentGivenOn: "2027-01-05", decideBy: "2027-04-19", note: "Telefonisch akkoord." },
      consultant,
    );
    expect(consented.json()).toMatchObject({ decideBy: "2027-04-19", consent: { givenOn: "2027-01-05" } });
  });

  it("refuses the hearing and the decision to whoever took part in the primary decision (Awb 7:5)", async () => {
    const objection = await objectionOf(a.decisionId, await login("consulent@demo.local"));
    const hearing = { heldOn: clock.today(), record: "De cliënt licht het bezwaar toe." };
    for (const involved of [await login("consulent@demo.local"), await login("teamleider@demo.local")]) {
      const heard = await post(`/objections/${objection.id}/hearings`, hearing, involved);
      expect(heard.statusCode).toBe(403);
      expect(heard.json().code).toBe("involvedInDecision");
    }
    const decided = await post(
      `/objections/${objection.id}/outcome`,
      { outcome: "unfounded", reasons: "x" },
      await login("teamleider@demo.local"),
    );
    expect(decided.json().code).toBe("involvedInDecision");
    expect((await get(`/objections/${objection.id}`, await login("teamleider@demo.local"))).json().abilities).toMatchObject({
      recordHearing: false,
      decide: false,
    });
  });

  it("keeps every version of the hearing record for the decider, and a well-founded objection revokes the sanction", async () => {
    const second = await secondLead();
    const objection = await objectionOf(a.decisionId, second);
    expect((await post(`/objections/${objection.id}/outcome`, { outcome: "wellFounded", reasons: "x" }, second)).json().code).toBe(
      "hearingRequired",
    );
    await post(`/objections/${objection.id}/hearings`, { heldOn: clock.today(), record: "Eerste verslag." }, second);
    const stale = await post(`/objections/${objection.id}/hearings`, { heldOn: clock.today(), record: "Zonder versie." }, second);
    expect(stale.json().code).toBe("hearingChanged");
    const corrected = await post(
      `/objections/${objection.id}/hearings`,
      { heldOn: clock.today(), record: "Verbeterd verslag: de cliënt was opgenomen.", correctionOf: 1 },
      second,
    );
    expect(corrected.json().hearing.versions).toMatchObject([
      { version: 1, record: "Eerste verslag.", correctionOf: null, conductedBy: "Bo Bezwaar" },
      { version: 2, record: "Verbeterd verslag: de cliënt was opgenomen.", correctionOf: 1 },
    ]);
    const decided = await post(`/objections/${objection.id}/outcome`, { outcome: "wellFounded", reasons: "Opname aangetoond." }, second);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ outcome: "wellFounded", abilities: { decide: false, recordHearing: false } });
    const sanction = (await get(`/sanctions/${a.sanctionId}`, second)).json();
    expect(sanction.revoked).toBe(true);
    const onObjection = (await get(`/decisions/${decided.json().outcomeDecisionId}`, second)).json();
    expect(onObjection).toMatchObject({
      type: "objectionDecision",
      replacesDecisionId: a.decisionId,
      objectionTermEndsOn: null,
      abilities: { object: false },
    });
    expect(onObjection.summary).toContain("Wat wij al van uw bijstand hebben ingehouden, betalen wij aan u terug.");
    expect((await get(`/decisions/${a.decisionId}`, second)).json().replacedByDecisionId).toBe(onObjection.id);
    // The decision on objection is appealed at the court, from the day after its letter (5 January 2027).
    const text = await pdfText(onObjection.letterId);
    expect(text).toContain("Dan kunt u in beroep gaan bij de rechtbank.");
    expect(text).toContain("U kunt beroep instellen vanaf 6 januari 2027 tot en met 16 februari 2027.");
    const client = await login("klant@demo.local");
    const again = await post(`/decisions/${onObjection.id}/objections`, { receivedOn: clock.today(), grounds: "x" }, client);
    expect(again.json().code).toBe("notObjectable");
    const list = (await get(`/clients/${clientId}/decisions`, client)).json().items;
    expect(list[0].id).toBe(onObjection.id);
  });

  it("decides without a hearing once the waiver's reason is recorded (Awb 7:3)", async () => {
    const second = await secondLead();
    const objection = await objectionOf(b.decisionId, second);
    const waived = await post(
      `/objections/${objection.id}/hearing-waiver`,
      { reason: "waived", note: "De cliënt wil niet gehoord worden." },
      second,
    );
    expect(waived.json().hearing).toMatchObject({ skipReason: "waived", versions: [] });
    expect((await post(`/objections/${objection.id}/hearing-invitation`, {}, second)).json().code).toBe("hearingSkipped");
    const decided = await post(`/objections/${objection.id}/outcome`, { outcome: "unfounded", reasons: "Geen nieuwe feiten." }, second);
    expect(decided.statusCode, decided.body).toBe(200);
    const onObjection = (await get(`/decisions/${decided.json().outcomeDecisionId}`, second)).json();
    expect(onObjection.replacesDecisionId).toBeNull();
    expect(await pdfText(onObjection.letterId)).toContain("U heeft laten weten dat u niet gehoord wilde worden.");
    expect((await get(`/sanctions/${b.sanctionId}`, second)).json().revoked).toBe(false);
  });

  it("puts an open objection on the work queue as its date to decide by nears", async () => {
    clock.set("2027-02-01");
    const consultant = await login("consulent@demo.local");
    const open = await objectionOf(d.decisionId, consultant);
    expect(open.decideBy).toBe("2027-02-08");
    const queue = (await get("/work-queue?reason=objectionDecisionDue&pageSize=200", consultant)).json();
    expect(queue.items.find((i: { clientId: string }) => i.clientId === clientId)?.reasons).toContainEqual({
      code: "objectionDecisionDue",
      since: "2027-02-08",
      suggestedAction: "decideObjection",
    });
  });
});

describe("abilities on an objection say what the server allows", () => {
  type Objection = { id: string; abilities: Record<string, boolean> };
  const tries: Record<string, (id: string, headers: Headers) => Promise<number>> = {
    excuseLateness: async (id, h) => (await post(`/objections/${id}/lateness`, { excusable: true, reasons: "Ziek." }, h)).statusCode,
    postpone: async (id, h) => (await post(`/objections/${id}/postponement`, { reasons: "Advies nodig." }, h)).statusCode,
    extendWithConsent: async (id, h) =>
      (await post(`/objections/${id}/consent-extension`, { consentGivenOn: clock.today(), decideBy: "2028-01-03", note: "Akkoord." }, h))
        .statusCode,
    inviteToHearing: async (id, h) => (await post(`/objections/${id}/hearing-invitation`, {}, h)).statusCode,
    recordHearing: async (id, h) => (await post(`/objections/${id}/hearings`, { heldOn: clock.today(), record: "Gehoord." }, h)).statusCode,
    waiveHearing: async (id, h) => (await post(`/objections/${id}/hearing-waiver`, { reason: "waived", note: "Wil niet." }, h)).statusCode,
    decide: async (id, h) => (await post(`/objections/${id}/outcome`, { outcome: "unfounded", reasons: "Blijft staan." }, h)).statusCode,
    undoPostponement: async (id, h) => (await del(`/objections/${id}/postponement`, h)).statusCode,
    undoHearingInvitation: async (id, h) => (await del(`/objections/${id}/hearing-invitation`, h)).statusCode,
    undoOutcome: async (id, h) => (await del(`/objections/${id}/outcome`, h)).statusCode,
  };

  /** A fresh objection, received today on time; optionally with the hearing waived. */
  async function fresh(state: "open" | "waived"): Promise<string> {
    const decision = await sanctionDecision();
    const consultant = await login("consulent@demo.local");
    const id = (
      await post(`/decisions/${decision.decisionId}/objections`, { receivedOn: clock.today(), grounds: "Niet eens." }, consultant)
    ).json().id as string;
    if (state === "waived") await post(`/objections/${id}/hearing-waiver`, { reason: "waived", note: "Wil niet." }, consultant);
    return id;
  }

  async function expectAbilitiesHold(state: "open" | "waived", headers: Headers) {
    const objection: Objection = (await get(`/objections/${await fresh(state)}`, headers)).json();
    expect(Object.keys(objection.abilities).sort()).toEqual(Object.keys(tries).sort());
    for (const [action, allowed] of Object.entries(objection.abilities)) {
      const attempt = tries[action];
      if (!attempt) throw new Error(`No attempt for ${action}`);
      const status = await attempt(allowed ? await fresh(state) : objection.id, headers);
      if (allowed) expect(status, `${action} is allowed`).toBeLessThan(300);
      else expect([400, 403, 404, 409], `${action} is refused`).toContain(status);
    }
    return objection.abilities;
  }

  it("for the proposer: handle the procedure, but neither hear nor decide", async () => {
    expect(await expectAbilitiesHold("open", await login("consulent@demo.local"))).toEqual({
      excuseLateness: false,
      postpone: true,
      extendWithConsent: true,
      inviteToHearing: false,
      recordHearing: false,
      waiveHearing: true,
      decide: false,
      undoPostponement: false,
      undoHearingInvitation: false,
      undoOutcome: false,
    });
  });

  // A dozen fresh sanctions and objections, each decided through the API: slow on PostgreSQL on a busy machine.
  it("for a team lead not involved: hear, and decide once heard or the reason not to is recorded", async () => {
    const second = await secondLead();
    expect(await expectAbilitiesHold("open", second)).toMatchObject({ inviteToHearing: true, recordHearing: true, decide: false });
    expect(await expectAbilitiesHold("waived", second)).toMatchObject({ recordHearing: false, waiveHearing: false, decide: true });
  }, 60_000);
});
