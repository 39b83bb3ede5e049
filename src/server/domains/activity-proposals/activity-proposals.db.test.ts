import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { multipartFile, SAMPLE_PDF } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { ActivityProposalOutput } from "@shared/schemas/activity-proposals.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { applyRetention } from "../retention/retention.service.js";

/**
 * Monday 15 June 2026: a decision letter of today starts the objection term on the 16th; six weeks on is Monday
 * 27 July 2026, no holiday (worked out by hand).
 */
const clock = new TestClock("2026-06-15");
let t: TestApp;
let clientId: string;
let otherClientId: string;
type Headers = { authorization: string };
let consultant: Headers;
let teamLead: Headers;
let client: Headers;
let host: Headers;
const post = (url: string, payload: object, headers: Headers) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });

const course = {
  kind: "course",
  description: "Een cursus Nederlands, twee ochtenden per week.",
  place: "Buurthuis De Boog",
  hoursPerWeek: 4,
  since: "2026-07-01",
};
const caring = {
  kind: "caregiving",
  relation: "parent",
  description: "Ik doe de boodschappen en help met wassen en aankleden.",
  place: "Bij mijn moeder thuis",
  hoursPerWeek: 10,
  since: "2026-01-01",
  contact: "De wijkverpleegkundige",
};

async function propose(body: object, headers: Headers = client): Promise<ActivityProposalOutput> {
  const response = await post(`/clients/${clientId}/activity-proposals`, body, headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function list(headers: Headers = consultant) {
  const response = await get(`/clients/${clientId}/activity-proposals`, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: ActivityProposalOutput[]; hoursAvailablePerWeek: number | null; abilities: { propose: boolean } };
}

/** Sets the client's capacity so that exactly `free` hours a week are left beside what is asked already. */
async function leaveFree(free: number): Promise<void> {
  const set = (hours: number) =>
    t.app.inject({ method: "PATCH", url: `/api/v1/clients/${clientId}`, headers: consultant, payload: { capacityHoursPerWeek: hours } });
  expect((await set(40)).statusCode).toBe(200);
  const committed = 40 - expectDefined((await list()).hoursAvailablePerWeek);
  expect((await set(committed + free)).statusCode).toBe(200);
  expect((await list()).hoursAvailablePerWeek).toBe(free);
}

async function pdfText(letterId: string): Promise<string> {
  const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", letterId).executeTakeFirstOrThrow();
  return (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
}

const decisionsAbout = (proposalId: string) =>
  t.db.kysely
    .selectFrom("decisions")
    .selectAll()
    .where("subject_type", "=", "activityProposal")
    .where("subject_id", "=", proposalId)
    .execute();

beforeAll(async () => {
  t = await createTestApp({ clients: 40, clock });
  const user = await t.db.kysely.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
  clientId = expectDefined(user.client_id);
  otherClientId = (await t.db.kysely.selectFrom("clients").select("id").where("id", "!=", clientId).executeTakeFirstOrThrow()).id;
  consultant = await bearerFor(t.app, "consulent@demo.local");
  teamLead = await bearerFor(t.app, "teamleider@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
});
afterAll(() => t.close());

describe("proposing an activity of one's own", () => {
  it("rejects the unauthenticated", async () => {
    const response = await t.app.inject({ method: "POST", url: `/api/v1/clients/${clientId}/activity-proposals`, payload: course });
    expect(response.statusCode).toBe(401);
  });

  it("lets the client propose for their own record only: any other id is 404, to write and to read", async () => {
    const mine = await propose(course);
    expect(mine).toMatchObject({ status: "pending", proposedByClient: true, kind: "course", decisionId: null, contributionId: null });
    expect(mine.abilities).toEqual({ decide: false, acceptAsProposed: false, addEvidence: true, undo: false });
    expect((await post(`/clients/${otherClientId}/activity-proposals`, course, client)).statusCode).toBe(404);
    expect((await get(`/clients/${otherClientId}/activity-proposals`, client)).statusCode).toBe(404);
    // Nor may the client decide anything, not even their own proposal.
    expect((await post(`/activity-proposals/${mine.id}/decision`, { outcome: "accepted", reasons: "Ja." }, client)).statusCode).toBe(403);
  });

  it("hides the proposals from a host, and a proposal made by staff reads as such", async () => {
    const staffMade = await propose(course, consultant);
    expect(staffMade.proposedByClient).toBe(false);
    expect((await get(`/clients/${clientId}/activity-proposals`, host)).statusCode).toBe(403);
  });

  it("needs the relation for caring, and names each bad field without writing anything", async () => {
    const before = (await list()).items.length;
    const refused = await post(`/clients/${clientId}/activity-proposals`, { ...caring, relation: undefined, hoursPerWeek: 0 }, client);
    expect(refused.statusCode).toBe(400);
    const names = (refused.json().invalidParams as { name: string }[]).map((p) => p.name).sort();
    expect(names).toEqual(["hoursPerWeek", "relation"]);
    expect((await list()).items).toHaveLength(before);
  });

  it("waits on the consultant's work queue", async () => {
    const queue = await get("/work-queue?reason=activityProposed&pageSize=100", consultant);
    expect(queue.statusCode, queue.body).toBe(200);
    const item = (queue.json().items as { clientId: string; reasons: { code: string; since: string; suggestedAction: string }[] }[]).find(
      (i) => i.clientId === clientId,
    );
    expect(item?.reasons).toContainEqual({ code: "activityProposed", since: "2026-06-15", suggestedAction: "decideActivityProposal" });
  });

  it("takes evidence from the client while it waits, and lists it", async () => {
    const proposal = await propose(caring);
    const upload = multipartFile("file", "verklaring.pdf", "application/pdf", SAMPLE_PDF);
    const stored = await t.app.inject({
      method: "POST",
      url: `/api/v1/activity-proposals/${proposal.id}/documents`,
      headers: { ...client, ...upload.headers },
      payload: upload.payload,
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const listed = (await list(client)).items.find((p) => p.id === proposal.id);
    expect(listed?.documents.map((d) => d.filename)).toEqual(["verklaring.pdf"]);
  });
});

describe("the consultant's decision", () => {
  it("accepts a course: a decision with its letter and objection term, and a formalised contribution whose letter it is", async () => {
    await leaveFree(20);
    const proposal = await propose(course);
    const decided = await post(
      `/activity-proposals/${proposal.id}/decision`,
      { outcome: "accepted", reasons: "Taal helpt u verder." },
      consultant,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const body = decided.json() as ActivityProposalOutput;
    expect(body).toMatchObject({ status: "accepted", acceptedHoursPerWeek: 4, reasons: "Taal helpt u verder.", decidedOn: "2026-06-15" });
    expect(body.abilities).toEqual({ decide: false, acceptAsProposed: false, addEvidence: false, undo: true });

    const decisions = (await get(`/clients/${clientId}/decisions`, client)).json().items as {
      id: string;
      type: string;
      letterId: string;
      objectionTermEndsOn: string;
    }[];
    const decision = decisions.find((d) => d.id === body.decisionId);
    expect(decision).toMatchObject({ type: "activityProposalAccepted", objectionTermEndsOn: "2026-07-27", letterId: body.letterId });

    const contributions = (await get(`/clients/${clientId}/contributions`, client)).json();
    expect(contributions.items).toContainEqual(
      expect.objectContaining({
        id: body.contributionId,
        kind: "course",
        hoursPerWeek: 4,
        organisationName: "Buurthuis De Boog",
        letterId: body.letterId,
      }),
    );
    expect(contributions.contributingThrough).toContain("course");
    expect((await list()).hoursAvailablePerWeek).toBe(16);

    const text = await pdfText(expectDefined(body.letterId));
    expect(text).toContain("Wij hebben besloten dat de cursus die u voorstelde telt als uw tegenprestatie, voor 4 uur per week.");
    expect(text).toContain("Taal helpt u verder.");
    expect(text).toContain("vanaf 16 juni 2026 tot en met 27 juli 2026");
  });

  it("accepts caring as caregiving beyond customary care, exactly as a consultant records it, not a record beside it", async () => {
    await leaveFree(20);
    const proposal = await propose(caring);
    const decided = await post(
      `/activity-proposals/${proposal.id}/decision`,
      { outcome: "accepted", reasons: "Dit gaat veel verder dan gewone hulp." },
      teamLead,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const body = decided.json() as ActivityProposalOutput;
    expect(body.contributionId).toBeNull();
    const care = (await get(`/clients/${clientId}/caregiving`, client)).json().items as Record<string, unknown>[];
    expect(care.find((c) => c.id === body.caregivingId)).toMatchObject({
      relation: "parent",
      hoursPerWeek: 10,
      since: "2026-01-01",
      beyondCustomaryCare: true,
      countsAsContribution: true,
      judgementReason: "Dit gaat veel verder dan gewone hulp.",
    });
    expect((await get(`/clients/${clientId}/contributions`, client)).json().contributingThrough).toContain("caregiving");
    expect((await list()).hoursAvailablePerWeek).toBe(10);
  });

  it("declines only with reasons; the refusal is a decision the client sees with its reasons and can object to", async () => {
    const proposal = await propose({ ...course, kind: "ownInitiative", description: "Ik ga af en toe wandelen." });
    const before = (await decisionsAbout(proposal.id)).length;
    const bare = await post(`/activity-proposals/${proposal.id}/decision`, { outcome: "declined" }, consultant);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().invalidParams).toContainEqual(expect.objectContaining({ name: "reasons" }));
    const blank = await post(`/activity-proposals/${proposal.id}/decision`, { outcome: "declined", reasons: "   " }, consultant);
    expect(blank.statusCode).toBe(400);
    expect(await decisionsAbout(proposal.id)).toHaveLength(before);

    const declined = await post(
      `/activity-proposals/${proposal.id}/decision`,
      { outcome: "declined", reasons: "Wandelen doet u voor uzelf, niet voor de buurt." },
      consultant,
    );
    expect(declined.statusCode, declined.body).toBe(200);
    const seen = (await list(client)).items.find((p) => p.id === proposal.id);
    expect(seen).toMatchObject({
      status: "declined",
      reasons: "Wandelen doet u voor uzelf, niet voor de buurt.",
      contributionId: null,
      caregivingId: null,
    });
    const [decision] = await decisionsAbout(proposal.id);
    expect(decision).toMatchObject({ type: "activityProposalDeclined", client_id: clientId });
    const text = await pdfText(expectDefined(decision?.letter_id));
    expect(text).toContain("niet telt als uw tegenprestatie");
    expect(text).toContain("Bent u het niet eens met dit besluit?");

    const objection = await post(
      `/decisions/${decision?.id}/objections`,
      { receivedOn: "2026-06-15", grounds: "Wandelen met de buurvrouw helpt haar ook." },
      client,
    );
    expect(objection.statusCode, objection.body).toBe(201);
  });

  it("puts capacity first: above it the proposal is not accepted as is, but may be for fewer hours, never for more than proposed", async () => {
    await leaveFree(6);
    const proposal = await propose({ ...course, hoursPerWeek: 8 });
    const listed = (await list()).items.find((p) => p.id === proposal.id);
    expect(listed?.abilities).toMatchObject({ decide: true, acceptAsProposed: false });
    expect(listed?.acceptRefusal).toBe("capacityExceeded");

    const asIs = await post(`/activity-proposals/${proposal.id}/decision`, { outcome: "accepted", reasons: "Goed plan." }, consultant);
    expect(asIs.statusCode).toBe(409);
    expect(asIs.json().code).toBe("capacityExceeded");
    const more = await post(
      `/activity-proposals/${proposal.id}/decision`,
      { outcome: "accepted", hoursPerWeek: 9, reasons: "Goed plan." },
      consultant,
    );
    expect(more.statusCode).toBe(400);
    expect(more.json().invalidParams).toContainEqual(expect.objectContaining({ name: "hoursPerWeek", code: "aboveProposed" }));
    expect(await decisionsAbout(proposal.id)).toHaveLength(0);

    const fewer = await post(
      `/activity-proposals/${proposal.id}/decision`,
      { outcome: "accepted", hoursPerWeek: 6, reasons: "Meer past nu niet naast uw andere activiteiten." },
      consultant,
    );
    expect(fewer.statusCode, fewer.body).toBe(200);
    expect(fewer.json()).toMatchObject({ status: "accepted", acceptedHoursPerWeek: 6, hoursPerWeek: 8 });
    expect((await list()).hoursAvailablePerWeek).toBe(0);
    expect(await pdfText(fewer.json().letterId)).toContain("Wij tellen 6 uur per week, en niet de 8 uur die u voorstelde.");
  });

  it("refuses a decision outside the consultant's districts as absent", async () => {
    const proposal = await propose(course);
    const outsider = await bearerFor(t.app, "consulent2@demo.local");
    const response = await post(`/activity-proposals/${proposal.id}/decision`, { outcome: "declined", reasons: "Nee." }, outsider);
    expect(response.statusCode).toBe(404);
  });

  it("decides once: of eight decisions at once one wins and the other is refused with 409, and no evidence comes after", async () => {
    await leaveFree(20);
    const proposal = await propose(course);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? post(`/activity-proposals/${proposal.id}/decision`, { outcome: "accepted", reasons: "Prima." }, consultant)
          : post(`/activity-proposals/${proposal.id}/decision`, { outcome: "declined", reasons: "Liever niet." }, teamLead),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(new Set(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code))).toEqual(new Set(["activityProposalDecided"]));
    expect(await decisionsAbout(proposal.id)).toHaveLength(1);
    const winner = expectDefined(answers.find((a) => a.statusCode === 200)).json() as ActivityProposalOutput;
    const contributions = await t.db.kysely
      .selectFrom("contributions")
      .select("id")
      .where("letter_id", "=", expectDefined(winner.letterId))
      .execute();
    expect(contributions).toHaveLength(winner.status === "accepted" ? 1 : 0);

    const upload = multipartFile("file", "laat.pdf", "application/pdf", SAMPLE_PDF);
    const late = await t.app.inject({
      method: "POST",
      url: `/api/v1/activity-proposals/${proposal.id}/documents`,
      headers: { ...client, ...upload.headers },
      payload: upload.payload,
    });
    expect(late.statusCode).toBe(409);
  });

  it("keeps capacity under parallel acceptances: of two proposals that each fit but not together, one is accepted", async () => {
    await leaveFree(5);
    const first = await propose({ ...course, hoursPerWeek: 3 });
    const second = await propose({ ...course, hoursPerWeek: 3, place: "Bibliotheek" });
    const answers = await Promise.all(
      [first, second].map((p) => post(`/activity-proposals/${p.id}/decision`, { outcome: "accepted", reasons: "Past." }, consultant)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe("capacityExceeded");
    expect((await list()).hoursAvailablePerWeek).toBe(2);
  });
});

// Last in the file: a retention run far ahead also ends every session.
describe("evidence of a decided proposal", () => {
  it("goes with the retention run once the evidence period has passed after the decision's objection term", async () => {
    const proposal = await propose({ ...course, place: "Wijkcentrum" });
    const upload = multipartFile("file", "certificaat.pdf", "application/pdf", SAMPLE_PDF);
    const stored = await t.app.inject({
      method: "POST",
      url: `/api/v1/activity-proposals/${proposal.id}/documents`,
      headers: { ...client, ...upload.headers },
      payload: upload.payload,
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const declined = await post(
      `/activity-proposals/${proposal.id}/decision`,
      { outcome: "declined", reasons: "Dit is al voorbij." },
      consultant,
    );
    expect(declined.statusCode, declined.body).toBe(200);
    const documents = () => t.db.kysely.selectFrom("documents").select("id").where("subject_id", "=", proposal.id).execute();
    const run = (date: string) =>
      ordinanceOn(t.db.kysely, date).then((o) => applyRetention(t.db.kysely, { id: `retention-${date}`, clock }, date, o.retention));
    // The objection term ends on 27 July 2026; twelve months on, the evidence has served its purpose.
    await run("2027-07-27");
    expect(await documents()).toHaveLength(1);
    await run("2027-07-29");
    expect(await documents()).toHaveLength(0);
  });
});
