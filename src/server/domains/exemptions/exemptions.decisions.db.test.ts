import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Every exemption decision is a decision with a letter. The letters are dated Friday 13 November 2026: the
 * objection term starts on Saturday 14 November and its six weeks end on Christmas Day, run past Boxing Day and
 * the Sunday, and end on Monday 28 December 2026 (worked out by hand).
 */
const clock = new TestClock("2026-11-13");
const REMEDY = "vanaf 14 november 2026 tot en met 28 december 2026";
let t: TestApp;
let clientId: string;
type Headers = { authorization: string };
let consultant: Headers;
let lead: Headers;
let client: Headers;
const post = (url: string, payload: object, headers: Headers) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });

interface Decision {
  id: string;
  type: string;
  legalBasis: string;
  decidedOn: string;
  decidedBy: string;
  letterId: string;
  objectionTermEndsOn: string;
}

async function pdfText(letterId: string): Promise<string> {
  const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", letterId).executeTakeFirstOrThrow();
  return (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
}

/** One of the client's exemptions, as the consultant reads it in the client's list. */
type Listed = Record<string, unknown> & { decisions: { id: string; type: string }[]; abilities: Record<string, boolean> };
async function exemptionOf(id: string): Promise<Listed> {
  const items = (await get(`/clients/${clientId}/exemptions`, consultant)).json().items as Listed[];
  const found = items.find((e) => e.id === id);
  if (!found) throw new Error(`exemption ${id} is not listed`);
  return found;
}

/** The exemption's decisions, each as the client's decisions list shows it (read by the client), with its letter's text. */
async function decisionsOf(exemptionId: string): Promise<(Decision & { text: string })[]> {
  const exemption = await exemptionOf(exemptionId);
  const listed = await get(`/clients/${clientId}/decisions`, client);
  expect(listed.statusCode, listed.body).toBe(200);
  const items = listed.json().items as Decision[];
  return Promise.all(
    (exemption.decisions as { id: string; type: string }[]).map(async ({ id, type }) => {
      const decision = items.find((d) => d.id === id);
      if (!decision) throw new Error(`decision ${id} is not listed`);
      expect(decision.type).toBe(type);
      return { ...decision, text: await pdfText(decision.letterId) };
    }),
  );
}

const recorded = (overrides: Record<string, unknown> = {}) => ({
  type: "medical",
  scope: "partial",
  maxHoursPerWeek: 8,
  startDate: "2026-11-13",
  reviewDate: "2027-02-12",
  reason: "Advies bedrijfsarts: hoogstens acht uur per week.",
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp({ clients: 40, clock });
  const user = await t.db.kysely.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
  clientId = user.client_id ?? "";
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
});
afterAll(() => t.close());

describe("exemption decisions", () => {
  it("a recorded exemption is granted by a decision whose letter names the obligation, its legal basis and the remedy dates", async () => {
    const created = await post(`/clients/${clientId}/exemptions`, recorded(), consultant);
    expect(created.statusCode, created.body).toBe(201);
    const [granted, ...more] = await decisionsOf(created.json().id);
    expect(more).toEqual([]);
    expect(granted).toMatchObject({
      type: "exemptionGranted",
      decidedOn: "2026-11-13",
      objectionTermEndsOn: "2026-12-28",
      legalBasis: expect.stringContaining(
        "Artikel 9, tweede lid, Participatiewet (dringende redenen) en de verordening van de gemeente (versie",
      ),
    });
    expect(granted?.text).toMatch(/, Wij hebben besloten dat u gedeeltelijk vrijstelling krijgt van de tegenprestatie \(onbetaald werk/);
    expect(granted?.text).toContain("u doet hoogstens 8 uur per week");
    expect(granted?.text).toContain("Advies bedrijfsarts: hoogstens acht uur per week.");
    expect(granted?.text).toContain("Bent u het niet eens met dit besluit?");
    expect(granted?.text).toContain(REMEDY);
  });

  it("a refused request is a decision with its reasons; a granted request is one too", async () => {
    const refusedId = (
      await post(`/clients/${clientId}/exemption-requests`, { type: "crisis", reason: "Mijn huis is afgebrand." }, client)
    ).json().id as string;
    const refused = await post(
      `/exemptions/${refusedId}/decisions`,
      { outcome: "refused", note: "U heeft inmiddels een nieuw huis." },
      consultant,
    );
    expect(refused.statusCode, refused.body).toBe(200);
    const [refusal] = await decisionsOf(refusedId);
    expect(refusal).toMatchObject({ type: "exemptionRefused", objectionTermEndsOn: "2026-12-28" });
    expect(refusal?.text).toMatch(/, Wij hebben besloten dat u geen vrijstelling krijgt van de tegenprestatie/);
    expect(refusal?.text).toContain("Mijn huis is afgebrand.");
    expect(refusal?.text).toContain("U heeft inmiddels een nieuw huis.");
    expect(refusal?.text).toContain(REMEDY);

    const grantedId = (
      await post(`/clients/${clientId}/exemption-requests`, { type: "education", reason: "Ik volg een opleiding." }, client)
    ).json().id as string;
    const granted = await post(
      `/exemptions/${grantedId}/decisions`,
      { outcome: "granted", scope: "full", startDate: "2026-11-13", endDate: "2027-01-31", note: "De opleiding duurt tot februari." },
      consultant,
    );
    expect(granted.statusCode, granted.body).toBe(200);
    const [grant] = await decisionsOf(grantedId);
    expect(grant?.type).toBe("exemptionGranted");
    expect(grant?.text).toMatch(/, Wij hebben besloten dat u vrijstelling krijgt van de tegenprestatie/);
    expect(grant?.text).toContain("tot en met 31 januari 2027");
    expect(grant?.text).toContain(REMEDY);
  });

  it("a single parent's refused request rests on art. 9a and names the work obligations and the condition not met", async () => {
    const id = (
      await post(
        `/clients/${clientId}/exemption-requests`,
        { type: "singleParentYoungChildren", reason: "Ik zorg voor mijn dochter.", childBirthDate: "2024-05-10" },
        client,
      )
    ).json().id as string;
    const refused = await post(
      `/exemptions/${id}/decisions`,
      { outcome: "refused", unmetCondition: "noFullCare", note: "Uw dochter woont de helft van de week bij haar vader." },
      consultant,
    );
    expect(refused.statusCode, refused.body).toBe(200);
    const [refusal] = await decisionsOf(id);
    expect(refusal).toMatchObject({
      type: "exemptionRefused",
      legalBasis: "Artikel 9a Participatiewet",
      objectionTermEndsOn: "2026-12-28",
    });
    expect(refusal?.text).toMatch(
      /, Wij hebben besloten dat u geen vrijstelling krijgt van de plicht om werk te zoeken en werk aan te nemen/,
    );
    expect(refusal?.text).toContain("U zorgt niet helemaal alleen voor uw kind. Uw dochter woont de helft van de week bij haar vader.");
    expect(refusal?.text).toContain(REMEDY);
  });

  it("an exemption from both obligations names both in its letter", async () => {
    const id = (
      await post(
        `/clients/${clientId}/exemptions`,
        recorded({ type: "caregiving", obligations: ["tegenprestatie", "workObligations"] }),
        consultant,
      )
    ).json().id as string;
    const [granted] = await decisionsOf(id);
    expect(granted?.text).toMatch(/vrijstelling krijgt van de tegenprestatie \(.*\) en de plicht om werk te zoeken en werk aan te nemen/);
  });

  it("a long full exemption is granted by a decision only when the team lead co-signs it", async () => {
    const id = (
      await post(
        `/clients/${clientId}/exemptions`,
        recorded({ type: "caregiving", scope: "full", maxHoursPerWeek: null, reviewDate: null, endDate: "2028-06-30" }),
        consultant,
      )
    ).json().id as string;
    expect(await exemptionOf(id)).toMatchObject({ status: "awaitingCoSign", decisions: [] });
    expect((await post(`/exemptions/${id}/co-signatures`, {}, lead)).statusCode).toBe(200);
    const [granted] = await decisionsOf(id);
    expect(granted).toMatchObject({ type: "exemptionGranted", objectionTermEndsOn: "2026-12-28" });
    expect(granted?.decidedBy).not.toBe((await get("/me", consultant)).json().displayName);
    expect(granted?.text).toContain(REMEDY);
  });

  it("ending an exemption early is a decision that says from when the obligation applies again", async () => {
    const id = (
      await post(`/clients/${clientId}/exemptions`, recorded({ type: "crisis", endDate: "2027-03-31", reviewDate: null }), consultant)
    ).json().id as string;
    const ended = await post(`/exemptions/${id}/end`, { endedOn: "2026-11-30", reason: "U bent weer helemaal hersteld." }, consultant);
    expect(ended.statusCode, ended.body).toBe(200);
    const [, end] = await decisionsOf(id);
    expect(end).toMatchObject({ type: "exemptionEnded", objectionTermEndsOn: "2026-12-28" });
    expect(end?.text).toMatch(
      /, Wij hebben besloten dat uw vrijstelling van de tegenprestatie .* eerder stopt: 30 november 2026 is de laatste dag\./,
    );
    expect(end?.text).toContain("Vanaf 1 december 2026 geldt de tegenprestatie");
    expect(end?.text).toContain("Het besluit gaat in op 1 december 2026.");
    expect(end?.text).toContain("Die zou lopen tot en met 31 maart 2027.");
    expect(end?.text).toContain("U bent weer helemaal hersteld.");
    expect(end?.text).toContain(REMEDY);
  });

  it("not extending an exemption is a decision, once: it ends on its review date, and a second refusal answers 409", async () => {
    const id = (await post(`/clients/${clientId}/exemptions`, recorded({ type: "otherUrgentReasons" }), consultant)).json().id as string;
    expect((await exemptionOf(id)).abilities.refuseExtension).toBe(true);
    const refused = await post(`/exemptions/${id}/extension-refusal`, { reason: "U kunt weer meedoen.", askedByClient: true }, consultant);
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      endDate: "2027-02-12",
      reviewDate: null,
      status: "active",
      abilities: { refuseExtension: false },
    });
    const [, notExtended] = await decisionsOf(id);
    expect(notExtended).toMatchObject({ type: "exemptionNotExtended", objectionTermEndsOn: "2026-12-28" });
    expect(notExtended?.text).toMatch(/, Wij hebben besloten dat wij uw vrijstelling van de tegenprestatie .* niet verlengen\./);
    expect(notExtended?.text).toContain("De vrijstelling stopt na 12 februari 2027.");
    expect(notExtended?.text).toContain("U vroeg ons om uw vrijstelling langer te laten duren.");
    expect(notExtended?.text).toContain("Het besluit gaat in op 13 februari 2027.");
    expect(notExtended?.text).toContain(REMEDY);

    const again = await post(`/exemptions/${id}/extension-refusal`, { reason: "Nogmaals." }, consultant);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("exemptionState");
    expect(await decisionsOf(id)).toHaveLength(2);
  });

  it("refusing an extension without a reason answers 400 naming the field and writes nothing; a client may not", async () => {
    const id = (await post(`/clients/${clientId}/exemptions`, recorded({ type: "education" }), consultant)).json().id as string;
    const bad = await post(`/exemptions/${id}/extension-refusal`, { reason: " " }, consultant);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([expect.objectContaining({ name: "reason" })]);
    expect((await post(`/exemptions/${id}/extension-refusal`, { reason: "Nee." }, client)).statusCode).toBe(403);
    expect(await exemptionOf(id)).toMatchObject({
      reviewDate: "2027-02-12",
      decisions: [{ type: "exemptionGranted" }],
    });
  });
});
