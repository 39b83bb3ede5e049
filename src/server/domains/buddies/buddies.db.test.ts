import { randomUUID } from "node:crypto";
import { TestClock } from "@server/clock.js";
import { confirmedPlanStep } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { BuddyPairingOutput } from "@shared/schemas/buddies.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { applyRetention } from "../retention/retention.service.js";

type Headers = { authorization: string };
const clock = new TestClock("2026-06-15");
const today = clock.today();
let t: TestApp;
let admin: Headers;
let consultant: Headers;
let otherConsultant: Headers;
/** Charlois clients (the consultant's district), none of them the demo client. */
let clients: { id: string; given_name: string; family_name: string; bsn: string; postcode: string }[];
const post = (url: string, payload: object, headers: Headers) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });

const agreement = (overrides: Record<string, unknown> = {}) => ({
  trainedOn: addDays(today, -10),
  since: today,
  hoursPerWeek: 3,
  maxPairings: 2,
  contactPhone: "06 1234 5678",
  availability: "Dinsdag en donderdag overdag",
  ...overrides,
});

/** A client login for a client of the population, made by the admin. */
async function loginAs(clientId: string): Promise<Headers> {
  const email = `klant.${clientId.slice(0, 8)}@demo.local`;
  const made = await post(
    "/users",
    { email, displayName: "Klant", role: "client", districts: [], clientId, password: "een-lang-wachtwoord" },
    admin,
  );
  expect(made.statusCode, made.body).toBe(201);
  return bearerFor(t.app, email, "een-lang-wachtwoord");
}

async function makeBuddy(index: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const client = clients[index];
  if (!client) throw new Error(`no client ${index}`);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 12 }).where("id", "=", client.id).execute();
  const response = await post(`/clients/${client.id}/buddies`, agreement(overrides), consultant);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function pair(buddyId: string, index: number) {
  return post(
    "/buddy-pairings",
    { buddyId, clientId: clients[index]?.id, contactPhone: "0687654321", contactEmail: "afgesproken@example.nl" },
    consultant,
  );
}

async function pdfText(letterId: string): Promise<string> {
  const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", letterId).executeTakeFirstOrThrow();
  return (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
}

/** Everything that could follow from an ending against a client: decisions, letters, sanctions, messages, endings. */
async function consequencesFor(clientId: string) {
  const count = async (table: "decisions" | "letters" | "sanctions" | "notifications" | "contributions") =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("client_id", "=", clientId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const activeContributions = await t.db.kysely
    .selectFrom("contributions")
    .select(["id", "status"])
    .where("client_id", "=", clientId)
    .orderBy("id")
    .execute();
  return {
    decisions: await count("decisions"),
    letters: await count("letters"),
    sanctions: await count("sanctions"),
    notifications: await count("notifications"),
    contributions: activeContributions,
  };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 180, clock });
  admin = await bearerFor(t.app, "admin@demo.local");
  consultant = await bearerFor(t.app, "consulent@demo.local");
  otherConsultant = await bearerFor(t.app, "consulent2@demo.local");
  const demoClient = await t.db.kysely
    .selectFrom("users")
    .select("client_id")
    .where("email", "=", "klant@demo.local")
    .executeTakeFirstOrThrow();
  clients = await t.db.kysely
    .selectFrom("clients")
    .select(["id", "given_name", "family_name", "bsn", "postcode"])
    .where("district", "=", "Charlois")
    .where("id", "!=", demoClient.client_id ?? "")
    .orderBy("id")
    .execute();
  expect(clients.length).toBeGreaterThanOrEqual(24);
});
afterAll(() => t.close());

describe("the buddy agreement", () => {
  it("rejects the unauthenticated and hides another district's client", async () => {
    const target = clients[0]?.id ?? "";
    expect((await t.app.inject({ method: "POST", url: `/api/v1/clients/${target}/buddies`, payload: agreement() })).statusCode).toBe(401);
    expect((await post(`/clients/${target}/buddies`, agreement(), otherConsultant)).statusCode).toBe(404);
    expect((await get(`/clients/${target}/buddy-pairings`, otherConsultant)).statusCode).toBe(404);
  });

  it("is a decision with a PDF letter that says how to object; the buddy's hours count as a contribution of kind peerBuddy", async () => {
    const buddyId = await makeBuddy(0);
    const list = (await get("/buddies?district=Charlois", consultant)).json();
    const buddy = list.items.find((b: { id: string }) => b.id === buddyId);
    expect(buddy).toMatchObject({ trainedOn: addDays(today, -10), hoursPerWeek: 3, maxPairings: 2, activePairings: 0, status: "active" });
    expect(list.abilities.pair).toBe(true);
    const decision = await t.db.kysely.selectFrom("decisions").selectAll().where("id", "=", buddy.decisionId).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ type: "buddyAgreement", client_id: clients[0]?.id, subject_type: "buddy", subject_id: buddyId });
    const text = await pdfText(buddy.letterId);
    expect(text).toContain("u bent maatje, en dat telt als tegenprestatie");
    expect(text).toContain("zonder te zeggen waarom");
    expect(text).toMatch(/bezwaar/i);
    const contributions = (await get(`/clients/${clients[0]?.id}/contributions`, consultant)).json();
    expect(contributions.contributing).toBe(true);
    expect(contributions.contributingThrough).toContain("peerBuddy");
    expect(contributions.items[0]).toMatchObject({ kind: "peerBuddy", hoursPerWeek: 3, letterId: buddy.letterId });
  });

  it("refuses a training still ahead (400 naming the field), a second agreement, and hours beyond capacity", async () => {
    const ahead = await post(
      `/clients/${clients[1]?.id}/buddies`,
      agreement({ trainedOn: addDays(today, 3), since: addDays(today, 5) }),
      consultant,
    );
    expect(ahead.statusCode).toBe(400);
    expect(ahead.headers["content-type"]).toContain("application/problem+json");
    expect(ahead.json().invalidParams[0].name).toBe("trainedOn");
    expect((await post(`/clients/${clients[0]?.id}/buddies`, agreement(), consultant)).json().code).toBe("alreadyBuddy");
    await t.db.kysely
      .updateTable("clients")
      .set({ capacity_hours_per_week: 2 })
      .where("id", "=", clients[1]?.id ?? "")
      .execute();
    const over = await post(`/clients/${clients[1]?.id}/buddies`, agreement({ hoursPerWeek: 3 }), consultant);
    expect(over.json().code).toBe("capacityExceeded");
    expect(
      await t.db.kysely
        .selectFrom("buddies")
        .select("id")
        .where("client_id", "=", clients[1]?.id ?? "")
        .execute(),
    ).toEqual([]);
  });

  it("holds one agreement per client under parallel requests", async () => {
    await t.db.kysely
      .updateTable("clients")
      .set({ capacity_hours_per_week: 12 })
      .where("id", "=", clients[2]?.id ?? "")
      .execute();
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(`/clients/${clients[2]?.id}/buddies`, agreement(), consultant)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code)).toEqual(["alreadyBuddy", "alreadyBuddy", "alreadyBuddy"]);
  });
});

describe("pairing a client with a buddy", () => {
  let buddyId: string;
  let buddyLogin: Headers;
  let supportedLogin: Headers;
  let pairingId: string;

  beforeAll(async () => {
    buddyId = await makeBuddy(3, { maxPairings: 1 });
    buddyLogin = await loginAs(clients[3]?.id ?? "");
    supportedLogin = await loginAs(clients[4]?.id ?? "");
  });

  it("pairs, and the buddy sees only the first name and the agreed contact of the person they support", async () => {
    const made = await pair(buddyId, 4);
    expect(made.statusCode, made.body).toBe(201);
    pairingId = made.json().id;
    const response = await get(`/clients/${clients[3]?.id}/buddy-pairings`, buddyLogin);
    expect(response.statusCode).toBe(200);
    const [seen] = response.json().items as BuddyPairingOutput[];
    expect(seen?.side).toBe("buddy");
    const supported = clients[4];
    expect(seen?.partner).toEqual({ firstName: supported?.given_name.split(" ")[0], phone: "0687654321", email: "afgesproken@example.nl" });
    expect(Object.keys(seen ?? {}).sort()).toEqual(
      ["abilities", "endedBy", "endedOn", "id", "meetingHours", "meetings", "pairedOn", "partner", "side", "status"].sort(),
    );
    // Nothing else of the person supported leaves the server: no family name, BSN, postcode or id.
    for (const value of [supported?.family_name, supported?.bsn, supported?.postcode, supported?.id]) {
      expect(response.body).not.toContain(String(value));
    }
    // The read is in the supported client's access log.
    const logged = await t.db.kysely
      .selectFrom("audit_events")
      .select("action")
      .where("client_id", "=", supported?.id ?? "")
      .where("action", "=", "buddyPairing.readContact")
      .execute();
    expect(logged.length).toBe(1);
  });

  it("shows the supported client their buddy's first name and the buddy's agreed phone, and nothing more", async () => {
    const response = await get(`/clients/${clients[4]?.id}/buddy-pairings`, supportedLogin);
    const [mine] = response.json().items as BuddyPairingOutput[];
    expect(mine?.side).toBe("supported");
    expect(mine?.partner).toEqual({ firstName: clients[3]?.given_name.split(" ")[0], phone: "06 1234 5678", email: null });
    expect(mine?.abilities).toEqual({ end: true, recordMeeting: true });
    for (const value of [clients[3]?.family_name, clients[3]?.bsn, clients[3]?.postcode, clients[3]?.id]) {
      expect(response.body).not.toContain(String(value));
    }
    // A client may not read another client's pairings, not even their buddy's.
    expect((await get(`/clients/${clients[3]?.id}/buddy-pairings`, supportedLogin)).statusCode).toBe(404);
  });

  it("refuses a second buddy for the client, a full buddy, and a buddy for themselves", async () => {
    expect((await pair(buddyId, 4)).json().code).toBe("alreadyPaired");
    expect((await pair(buddyId, 5)).json().code).toBe("buddyFull");
    const roomy = await makeBuddy(6, { maxPairings: 3 });
    expect(
      (await post("/buddy-pairings", { buddyId: roomy, clientId: clients[6]?.id, contactPhone: "0687654321" }, consultant)).json().code,
    ).toBe("ownBuddy");
  });

  it("records meetings by either side, within the pairing's dates", async () => {
    const met = await post(`/buddy-pairings/${pairingId}/meetings`, { heldOn: today, hours: 1.5 }, buddyLogin);
    expect(met.statusCode, met.body).toBe(201);
    const future = await post(`/buddy-pairings/${pairingId}/meetings`, { heldOn: addDays(today, 1), hours: 1 }, supportedLogin);
    expect(future.statusCode).toBe(400);
    expect(future.json().invalidParams[0].name).toBe("heldOn");
    const [seen] = (await get(`/clients/${clients[3]?.id}/buddy-pairings`, buddyLogin)).json().items as BuddyPairingOutput[];
    expect(seen?.meetingHours).toBe(1.5);
  });

  it("ends without a reason from the client portal; a reason is not accepted; nothing adverse follows for either side", async () => {
    const before = { supported: await consequencesFor(clients[4]?.id ?? ""), buddy: await consequencesFor(clients[3]?.id ?? "") };
    const withReason = await post(`/buddy-pairings/${pairingId}/end`, { reason: "Klikte niet" }, supportedLogin);
    expect(withReason.statusCode).toBe(400);
    expect(withReason.headers["content-type"]).toContain("application/problem+json");
    const ended = await post(`/buddy-pairings/${pairingId}/end`, {}, supportedLogin);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ id: pairingId, status: "ended", endedOn: today });
    expect((await post(`/buddy-pairings/${pairingId}/end`, {}, buddyLogin)).json().code).toBe("pairingEnded");
    expect({ supported: await consequencesFor(clients[4]?.id ?? ""), buddy: await consequencesFor(clients[3]?.id ?? "") }).toEqual(before);
    // The buddy's agreement and contribution run on; the ended pairing shows no contact details any more.
    const [seen] = (await get(`/clients/${clients[3]?.id}/buddy-pairings`, buddyLogin)).json().items as BuddyPairingOutput[];
    expect(seen).toMatchObject({ status: "ended", partner: { phone: null, email: null }, abilities: { end: false, recordMeeting: false } });
    const row = await t.db.kysely.selectFrom("buddy_pairings").selectAll().where("id", "=", pairingId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "ended", ended_by_side: "client", ended_on: today });
    // And the buddy has room again.
    expect((await pair(buddyId, 5)).statusCode).toBe(201);
  });

  it("lets the consultant end a pairing too, and of parallel endings exactly one ends it", async () => {
    const buddy = await makeBuddy(7, { maxPairings: 3 });
    const made = await pair(buddy, 8);
    const id = made.json().id;
    const answers = await Promise.all([
      post(`/buddy-pairings/${id}/end`, {}, consultant),
      post(`/buddy-pairings/${id}/end`, {}, consultant),
      post(`/buddy-pairings/${id}/end`, {}, consultant),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it("fills a buddy no further than agreed under parallel pairings", async () => {
    const buddy = await makeBuddy(9, { maxPairings: 1 });
    const answers = await Promise.all([10, 11, 12].map((i) => pair(buddy, i)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code)).toEqual(["buddyFull", "buddyFull"]);
  });
});

describe("ending a buddy's own agreement", () => {
  /** Clients 14–23 of the district: buddies and the people they support, apart from the tests above. */
  const at = (index: number) => clients[index]?.id ?? "";
  const agreementOf = async (clientId: string, headers: Headers) =>
    (await get(`/clients/${clientId}/buddy-pairings`, headers)).json() as {
      items: BuddyPairingOutput[];
      agreement: { id: string; status: string; endedOn: string | null; abilities: { end: boolean } } | null;
    };
  /** Decisions, letters, sanctions and messages: what could follow against a client, without the contributions. */
  const adverse = async (clientId: string) => {
    const { contributions: _, ...rest } = await consequencesFor(clientId);
    return rest;
  };

  it("lets the buddy end it from the portal without a reason; their pairings end and their hours stop counting today", async () => {
    const buddyId = await makeBuddy(14, { maxPairings: 2 });
    const buddyLogin = await loginAs(at(14));
    const supportedLogin = await loginAs(at(15));
    const pairingId = (await pair(buddyId, 15)).json().id;
    const { id: contributionId } = await t.db.kysely
      .selectFrom("buddies")
      .select("contribution_id as id")
      .where("id", "=", buddyId)
      .executeTakeFirstOrThrow();
    // An open accountability request about the buddy's contribution: it must not run overdue after the ending.
    const letterId = (await t.db.kysely.selectFrom("letters").select("id").where("client_id", "=", at(14)).executeTakeFirstOrThrow()).id;
    await t.db.kysely
      .insertInto("accountability_requests")
      .values({
        id: randomUUID(),
        client_id: at(14),
        subject_type: "contribution",
        subject_id: contributionId,
        requested_on: addDays(today, -5),
        ordinance_version: 1,
        letter_id: letterId,
        reminded_on: null,
        reminder_letter_id: null,
        status: "open",
        responded_on: null,
        response: null,
        responded_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const seen = await agreementOf(at(14), buddyLogin);
    expect(seen.agreement).toMatchObject({ id: buddyId, status: "active", endedOn: null, abilities: { end: true } });
    const before = { buddy: await adverse(at(14)), supported: await adverse(at(15)) };

    const withReason = await post(`/buddies/${buddyId}/end`, { reason: "Geen tijd meer" }, buddyLogin);
    expect(withReason.statusCode).toBe(400);
    expect(withReason.headers["content-type"]).toContain("application/problem+json");
    expect((await agreementOf(at(14), buddyLogin)).agreement?.status).toBe("active");
    // The person supported cannot end their buddy's agreement: it is not theirs (404).
    expect((await post(`/buddies/${buddyId}/end`, {}, supportedLogin)).statusCode).toBe(404);

    const ended = await post(`/buddies/${buddyId}/end`, {}, buddyLogin);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ id: buddyId, status: "ended", endedOn: today, pairingsEnded: 1 });
    expect((await post(`/buddies/${buddyId}/end`, {}, buddyLogin)).json().code).toBe("buddyNotActive");

    const after = await agreementOf(at(14), buddyLogin);
    expect(after.agreement).toMatchObject({ status: "ended", endedOn: today, abilities: { end: false } });
    expect(after.items[0]).toMatchObject({ status: "ended", endedBy: "me", partner: { phone: null, email: null } });
    // The person supported reads that their buddy stopped, and may be paired again.
    const theirs = await agreementOf(at(15), supportedLogin);
    expect(theirs.items[0]).toMatchObject({ id: pairingId, status: "ended", endedOn: today, endedBy: "partner" });
    expect(theirs.agreement).toBeNull();
    // The hours count up to today and no longer: the contribution ended today, and the client contributes no more by it.
    const contribution = await t.db.kysely
      .selectFrom("contributions")
      .selectAll()
      .where("id", "=", contributionId)
      .executeTakeFirstOrThrow();
    expect(contribution).toMatchObject({ status: "ended", ended_on: today });
    const contributions = (await get(`/clients/${at(14)}/contributions`, consultant)).json();
    expect(contributions.contributingThrough ?? []).not.toContain("peerBuddy");
    expect(contributions.items.find((c: { id: string }) => c.id === contributionId)).toMatchObject({ status: "ended", endedOn: today });
    const request = await t.db.kysely
      .selectFrom("accountability_requests")
      .select(["status", "response"])
      .where("subject_id", "=", contributionId)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ status: "stopped", response: null });
    // Nothing follows against either side: no decision, letter, sanction or message.
    expect({ buddy: await adverse(at(14)), supported: await adverse(at(15)) }).toEqual(before);
    const row = await t.db.kysely.selectFrom("buddies").selectAll().where("id", "=", buddyId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "ended", ended_on: today, ended_by_side: "buddy" });
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select("details")
      .where("action", "=", "buddy.end")
      .where("subject_id", "=", buddyId)
      .execute();
    expect(audit.map((a) => JSON.parse(String(a.details)))).toEqual([{ side: "buddy", pairingsEnded: 1 }]);
    // An ended agreement takes no pairing, and a new agreement may be made later.
    expect((await pair(buddyId, 16)).json().code).toBe("buddyNotActive");
    expect((await post(`/clients/${at(14)}/buddies`, agreement(), consultant)).statusCode).toBe(201);
  });

  it("lets the consultant end it; another district's consultant does not find it", async () => {
    const buddyId = await makeBuddy(17, { maxPairings: 1 });
    expect((await post(`/buddies/${buddyId}/end`, {}, otherConsultant)).statusCode).toBe(404);
    expect((await agreementOf(at(17), consultant)).agreement?.abilities.end).toBe(true);
    const ended = await post(`/buddies/${buddyId}/end`, {}, consultant);
    expect(ended.json()).toMatchObject({ status: "ended", pairingsEnded: 0 });
    const row = await t.db.kysely.selectFrom("buddies").select("ended_by_side").where("id", "=", buddyId).executeTakeFirstOrThrow();
    expect(row.ended_by_side).toBe("consultant");
  });

  it("ends the agreement and its pairings when the buddy answers an accountability request that being a buddy stopped", async () => {
    const buddyId = await makeBuddy(23, { maxPairings: 1 });
    expect((await pair(buddyId, 16)).statusCode).toBe(201);
    const { contribution_id: contributionId } = await t.db.kysely
      .selectFrom("buddies")
      .select("contribution_id")
      .where("id", "=", buddyId)
      .executeTakeFirstOrThrow();
    const letter = await t.db.kysely.selectFrom("letters").select("id").where("client_id", "=", at(23)).executeTakeFirstOrThrow();
    const requestId = randomUUID();
    await t.db.kysely
      .insertInto("accountability_requests")
      .values({
        id: requestId,
        client_id: at(23),
        subject_type: "contribution",
        subject_id: contributionId,
        requested_on: addDays(today, -3),
        ordinance_version: 1,
        letter_id: letter.id,
        reminded_on: null,
        reminder_letter_id: null,
        status: "open",
        responded_on: null,
        response: null,
        responded_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const answered = await post(`/accountability-requests/${requestId}/responses`, { continues: false }, consultant);
    expect(answered.statusCode, answered.body).toBeLessThan(300);
    const row = await t.db.kysely.selectFrom("buddies").selectAll().where("id", "=", buddyId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "ended", ended_on: today, ended_by_side: "consultant" });
    const pairings = await t.db.kysely.selectFrom("buddy_pairings").select("status").where("buddy_id", "=", buddyId).execute();
    expect(pairings).toEqual([{ status: "ended" }]);
  });

  it("refuses a sanction proposal that relies on the letter of a buddy agreement, as for a pairing", async () => {
    const buddyId = await makeBuddy(18);
    await post(`/buddies/${buddyId}/end`, {}, consultant);
    const { letter_id: letterId } = await t.db.kysely
      .selectFrom("decisions")
      .select("letter_id")
      .where("subject_id", "=", buddyId)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable("letters")
      .set({ delivery_status: "delivered" })
      .where("id", "=", letterId ?? "")
      .execute();
    const refused = await post(
      `/clients/${at(18)}/sanctions`,
      {
        ground: "refusedContribution",
        factsDate: today,
        facts: "Stopte als maatje.",
        letterId,
        culpability: "full",
        circumstances: "Geen bijzondere omstandigheden bekend.",
        childrenInterests: null,
        urgentReasons: false,
      },
      consultant,
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe("buddyPairingNoGround");
  });

  it("ends once under parallel endings, and leaves no running pairing beside an ended agreement under a parallel pairing", async () => {
    const buddyId = await makeBuddy(19, { maxPairings: 3 });
    const answers = await Promise.all([
      post(`/buddies/${buddyId}/end`, {}, consultant),
      post(`/buddies/${buddyId}/end`, {}, consultant),
      post(`/buddies/${buddyId}/end`, {}, consultant),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code)).toEqual(["buddyNotActive", "buddyNotActive"]);

    const racing = await makeBuddy(20, { maxPairings: 3 });
    const [ending, ...pairings] = await Promise.all([post(`/buddies/${racing}/end`, {}, consultant), pair(racing, 21), pair(racing, 22)]);
    expect(ending?.statusCode).toBe(200);
    for (const made of pairings) {
      if (made.statusCode !== 201) expect(made.json().code).toBe("buddyNotActive");
    }
    const running = await t.db.kysely
      .selectFrom("buddy_pairings")
      .select("id")
      .where("buddy_id", "=", racing)
      .where("status", "=", "active")
      .execute();
    expect(running).toEqual([]);
    // Every pairing made before the ending was ended with it, and the answer counted it.
    const made = pairings.filter((p) => p.statusCode === 201).length;
    expect(ending?.json().pairingsEnded).toBe(made);
  });
});

describe("a buddy is never a ground for anything", () => {
  it("refuses a sanction proposal that names a buddy step of the client's confirmed plan, and audits the refusal", async () => {
    const client = clients[13]?.id ?? "";
    const { planStepId } = await confirmedPlanStep(t.db, client, addDays(today, -30));
    await t.db.kysely.updateTable("plan_steps").set({ type: "peerSupport" }).where("id", "=", planStepId).execute();
    const proposal = {
      ground: "insufficientEffort",
      factsDate: addDays(today, -3),
      facts: "Stopte met het maatje en kwam niet meer.",
      planStepId,
      notDone: "Zag het maatje niet meer.",
      culpability: "full",
      circumstances: "Geen bijzondere omstandigheden bekend.",
      childrenInterests: null,
      urgentReasons: false,
    };
    const refused = await post(`/clients/${client}/sanctions`, proposal, consultant);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("buddyPairingNoGround");
    const refusals = await t.db.kysely
      .selectFrom("audit_events")
      .select("details")
      .where("client_id", "=", client)
      .where("action", "=", "sanction.refused")
      .execute();
    expect(refusals.map((r) => JSON.parse(String(r.details)).code)).toEqual(["buddyPairingNoGround"]);
    expect(await t.db.kysely.selectFrom("sanctions").select("id").where("client_id", "=", client).execute()).toEqual([]);
  });

  it("takes a buddy step in the plan within capacity, like any step that asks hours", async () => {
    const client = clients[5]?.id ?? "";
    await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 1 }).where("id", "=", client).execute();
    const step = { type: "peerSupport", title: "Een maatje uit de wijk", startDate: today };
    expect((await post(`/clients/${client}/plan-steps`, { ...step, hoursPerWeek: 2 }, consultant)).json().code).toBe("capacityExceeded");
    expect((await post(`/clients/${client}/plan-steps`, { ...step, hoursPerWeek: 1 }, consultant)).statusCode).toBe(201);
  });
});

describe("retention", () => {
  it("erases the agreed contact details three months after the pairing ended, and keeps the pairing and its meetings", async () => {
    const run = (date: string) => applyRetention(t.db.kysely, { id: randomUUID(), clock: new TestClock(date) }, date, retention);
    const retention = (await ordinanceOn(t.db.kysely, today)).retention;
    // The pairing the client ended above (the run also ends the test's sessions, so it comes last).
    const { id: pairingId } = await t.db.kysely
      .selectFrom("buddy_pairings")
      .select("id")
      .where("ended_by_side", "=", "client")
      .executeTakeFirstOrThrow();
    const contact = () =>
      t.db.kysely
        .selectFrom("buddy_pairings")
        .select(["contact_phone", "contact_email"])
        .where("id", "=", pairingId)
        .executeTakeFirstOrThrow();
    expect((await run(addMonths(today, 3))).buddyContacts).toBe(0);
    expect(await contact()).toEqual({ contact_phone: "0687654321", contact_email: "afgesproken@example.nl" });
    // Every pairing ended today goes: the one the client ended, the one the consultant ended, those ended with an agreement.
    const endedToday = await t.db.kysely
      .selectFrom("buddy_pairings")
      .select("id")
      .where("ended_on", "=", today)
      .where("contact_phone", "is not", null)
      .execute();
    expect(endedToday.length).toBeGreaterThanOrEqual(3);
    expect((await run(addDays(addMonths(today, 3), 1))).buddyContacts).toBe(endedToday.length);
    expect(await contact()).toEqual({ contact_phone: null, contact_email: null });
    expect(await t.db.kysely.selectFrom("buddy_meetings").select("hours").where("pairing_id", "=", pairingId).execute()).toEqual([
      { hours: 1.5 },
    ]);
  });
});
