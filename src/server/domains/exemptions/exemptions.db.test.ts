import { TestClock } from "@server/clock.js";
import { multipartFile, SAMPLE_PDF, SAMPLE_PNG } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDueRequests } from "../accountability/accountability.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let clientIds: string[];
// The app reads this clock: a test sets the date instead of back-dating rows.
const clock = new TestClock();
const today = clock.today();
const exemption = (overrides: Record<string, unknown> = {}) => ({
  type: "medical",
  scope: "partial",
  maxHoursPerWeek: 8,
  startDate: today,
  reviewDate: addMonths(today, 6),
  reason: "Advies bedrijfsarts: hoogstens acht uur per week, opbouwen na herstel.",
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  // Long-term clients of this consultant without an intake planned, so they can be invited.
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("benefit_start_date", "<=", addMonths(today, -72))
    .where("id", "not in", t.db.kysely.selectFrom("appointments").select("client_id").where("status", "=", "planned"))
    .limit(6)
    .execute();
  clientIds = rows.map((r) => r.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 20 }).where("id", "in", clientIds).execute();
  // Availability so invitations can be planned.
  await t.app.inject({
    method: "PUT",
    url: "/api/v1/me/availability",
    headers: consultant,
    payload: { blocks: [{ weekday: 2, startTime: "09:00", endTime: "12:00", slotMinutes: 30, location: "Wijkteam Charlois" }] },
  });
});
afterAll(() => t.close());

/** The i-th client picked for these tests. */
function clientAt(index: number): string {
  const id = clientIds[index];
  if (!id) throw new Error(`No client ${index}: the seeded population is too small`);
  return id;
}

const post = (url: string, payload: unknown, headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });

describe("exemptions bind the rest of the system", () => {
  it("takes a fully exempt client out of the invitation cohort and refuses to invite them", async () => {
    const [exempt] = clientIds;
    const cohort = async () =>
      (await t.app.inject({ url: "/api/v1/clients?longTermCohort=true&assignedToMe=true&pageSize=200", headers: consultant }))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await cohort()).toContain(exempt);
    const created = await post(
      `/clients/${exempt}/exemptions`,
      exemption({ type: "caregiving", scope: "full", maxHoursPerWeek: null, reason: "Zorgt voor een ernstig ziek kind." }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: "active", inForce: true, ordinanceVersion: 1 });
    expect(await cohort()).not.toContain(exempt);
    const invite = await post("/invitations", { clientIds: [clientIds[1], exempt] });
    expect(invite.statusCode).toBe(409);
    expect(invite.json()).toMatchObject({ code: "activeExemption", invalidParams: [{ name: "clientIds[1]", code: "activeExemption" }] });
  });

  it("caps capacity at a partial exemption's hours: a 10-hour step answers 409 capacityExceeded at 8 hours", async () => {
    const client = clientAt(2);
    const step = (hours: number) =>
      post(`/clients/${client}/plan-steps`, { type: "languageCourse", title: "Taalles", hoursPerWeek: hours, startDate: today });
    expect((await post(`/clients/${client}/exemptions`, exemption())).statusCode).toBe(201);
    const refused = await step(10);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("capacityExceeded");
    expect((await step(8)).statusCode).toBe(201);
    const plans = (await t.app.inject({ url: `/api/v1/clients/${client}/plans`, headers: consultant })).json().items;
    expect(plans[0].capacityHoursPerWeek).toBe(8);
  });

  it("refuses an exemption without an end or review date, naming both fields, and writes nothing", async () => {
    const client = clientAt(3);
    const response = await post(`/clients/${client}/exemptions`, exemption({ reviewDate: undefined }));
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(["endDate", "reviewDate"]);
    const partialWithoutHours = await post(`/clients/${client}/exemptions`, exemption({ maxHoursPerWeek: null }));
    expect(partialWithoutHours.json().invalidParams).toEqual([expect.objectContaining({ name: "maxHoursPerWeek", code: "required" })]);
    expect(await t.db.kysely.selectFrom("exemptions").select("id").where("client_id", "=", client).execute()).toEqual([]);
  });

  it("lets a full exemption over twelve months wait for a team lead who did not decide it", async () => {
    const client = clientAt(4);
    const created = (
      await post(
        `/clients/${client}/exemptions`,
        exemption({ scope: "full", maxHoursPerWeek: null, reviewDate: null, endDate: addMonths(today, 18) }),
      )
    ).json();
    expect(created).toMatchObject({ status: "awaitingCoSign", needsCoSign: true, inForce: false });
    const awaiting = (await t.app.inject({ url: "/api/v1/exemptions?status=awaitingCoSign", headers: lead })).json();
    expect(awaiting.items.map((e: { id: string }) => e.id)).toContain(created.id);
    expect((await post(`/exemptions/${created.id}/co-signatures`, undefined, consultant)).statusCode).toBe(403);
    const signed = await post(`/exemptions/${created.id}/co-signatures`, undefined, lead);
    expect(signed.json()).toMatchObject({ status: "active", inForce: true, coSignedBy: expect.any(String) });
    const ended = await post(`/exemptions/${created.id}/end`, { endedOn: today, reason: "Hersteld." });
    expect(ended.json()).toMatchObject({ status: "ended", endedOn: today });
  });

  it("takes a client's own request, which a consultant grants with terms", async () => {
    const clientUser = await bearerFor(t.app, "klant@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: clientUser })).json();
    const requested = await post(
      `/clients/${me.clientId}/exemption-requests`,
      { type: "caregiving", reason: "Ik zorg elke dag voor mijn zieke moeder." },
      clientUser,
    );
    expect(requested.statusCode).toBe(201);
    expect(requested.json()).toMatchObject({ status: "requested", inForce: false });
    // The client may ask, not decide.
    expect((await post(`/clients/${me.clientId}/exemptions`, exemption(), clientUser)).statusCode).toBe(403);
    // The demo client lives in Charlois, the consultant's district.
    const granted = await post(`/exemptions/${requested.json().id}/decisions`, {
      outcome: "granted",
      scope: "full",
      startDate: today,
      endDate: addMonths(today, 6),
    });
    expect(granted.json()).toMatchObject({ status: "active", inForce: true, decidedBy: expect.any(String) });
    // A decided request cannot be decided again; another request can be refused with a note.
    expect((await post(`/exemptions/${requested.json().id}/decisions`, { outcome: "refused", note: "Al beslist." })).json().code).toBe(
      "exemptionState",
    );
    const second = (
      await post(
        `/clients/${me.clientId}/exemption-requests`,
        { type: "education", reason: "Ik volg een opleiding tot verzorgende." },
        clientUser,
      )
    ).json();
    const refused = await post(`/exemptions/${second.id}/decisions`, {
      outcome: "refused",
      note: "De opleiding is 8 uur per week; er blijft ruimte.",
    });
    expect(refused.json()).toMatchObject({
      status: "refused",
      inForce: false,
      decisionNote: "De opleiding is 8 uur per week; er blijft ruimte.",
    });
  });

  it("keeps exemptions from hosts and researchers, and audits every read as sensitive", async () => {
    const client = clientAt(2);
    for (const email of ["organisatie@demo.local", "onderzoeker@demo.local"]) {
      const headers = await bearerFor(t.app, email);
      expect((await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers: consultant })).statusCode).toBe(200);
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["category"])
      .where("action", "=", "exemption.list")
      .where("client_id", "=", client)
      .execute();
    expect(audit.map((a) => a.category)).toContain("read:sensitive");
  });
});

describe("evidence", () => {
  it("stores a PDF or PNG and refuses other types and files over 10 MB with a 400 naming the file, storing nothing", async () => {
    const client = clientAt(5);
    const created = (await post(`/clients/${client}/exemptions`, exemption())).json();
    const upload = (name: string, type: string, content: Buffer) => {
      const { payload, headers } = multipartFile("file", name, type, content);
      return t.app.inject({
        method: "POST",
        url: `/api/v1/exemptions/${created.id}/documents`,
        headers: { ...consultant, ...headers },
        payload,
      });
    };
    const pdf = await upload("advies-bedrijfsarts.pdf", "application/pdf", SAMPLE_PDF);
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ mediaType: "application/pdf", sizeBytes: SAMPLE_PDF.length });
    expect((await upload("scan.png", "image/png", SAMPLE_PNG)).statusCode).toBe(201);

    const word = await upload("brief.docx", "application/pdf", Buffer.from("PK\u0003\u0004 not a pdf at all"));
    expect(word.statusCode).toBe(400);
    expect(word.json().invalidParams).toEqual([expect.objectContaining({ name: "file", code: "unsupportedType" })]);
    const big = await upload("groot.pdf", "application/pdf", Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(400);
    expect(big.json().invalidParams).toEqual([expect.objectContaining({ name: "file", code: "tooLarge" })]);
    const stored = await t.db.kysely.selectFrom("documents").select("filename").where("subject_id", "=", created.id).execute();
    expect(stored.map((d) => d.filename).sort()).toEqual(["advies-bedrijfsarts.pdf", "scan.png"]);

    const listed = (await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers: consultant })).json().items[0];
    const download = await t.app.inject({ url: `/api/v1/documents/${listed.documents[0].id}`, headers: consultant });
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    const reads = await t.db.kysely.selectFrom("audit_events").select("category").where("action", "=", "document.read").execute();
    expect(reads).toEqual([{ category: "read:sensitive" }]);
    const host = await bearerFor(t.app, "organisatie@demo.local");
    expect((await t.app.inject({ url: `/api/v1/documents/${listed.documents[0].id}`, headers: host })).statusCode).toBe(403);
  });
});

describe("the work queue", () => {
  it("lists an exemption whose review date is within the ordinance's 30 days", async () => {
    const client = clientAt(1);
    await post(`/clients/${client}/exemptions`, exemption({ reviewDate: addDays(today, 20) }));
    const queue = (await t.app.inject({ url: "/api/v1/work-queue?reason=exemptionEnding&pageSize=200", headers: consultant })).json();
    const item = queue.items.find((i: { clientId: string }) => i.clientId === client);
    expect(item.reasons).toContainEqual(expect.objectContaining({ code: "exemptionEnding", since: addDays(today, 20) }));
  });
});

describe("abilities say what the server allows", () => {
  type Headers = { authorization: string };
  type Resource = { id: string; abilities: Record<string, boolean> };
  type Attempts = Record<string, (id: string, headers: Headers) => Promise<number>>;

  /**
   * For a state built afresh each time: every action the caller's abilities allow succeeds (each on a resource of
   * its own), and every action they do not allow is refused with a 4xx.
   */
  async function expectAbilitiesHold(build: () => Promise<Resource>, attempts: Attempts, headers: Headers) {
    const resource = await build();
    expect(Object.keys(resource.abilities).sort()).toEqual(Object.keys(attempts).sort());
    for (const [action, allowed] of Object.entries(resource.abilities)) {
      const attempt = attempts[action];
      if (!attempt) throw new Error(`No attempt for ${action}`);
      const status = await attempt(allowed ? (await build()).id : resource.id, headers);
      if (allowed) expect(status, `${action} is allowed`).toBeLessThan(300);
      else expect([400, 403, 404, 409], `${action} is refused`).toContain(status);
    }
    return resource.abilities;
  }

  const upload = async (path: string, headers: Headers) => {
    const { payload, headers: multipart } = multipartFile("file", "bewijs.pdf", "application/pdf", SAMPLE_PDF);
    return (await t.app.inject({ method: "POST", url: `/api/v1${path}`, headers: { ...headers, ...multipart }, payload })).statusCode;
  };
  const exemptionAttempts: Attempts = {
    decide: async (id, h) => (await post(`/exemptions/${id}/decisions`, { outcome: "refused", note: "Er blijft ruimte." }, h)).statusCode,
    coSign: async (id, h) => (await post(`/exemptions/${id}/co-signatures`, undefined, h)).statusCode,
    end: async (id, h) => (await post(`/exemptions/${id}/end`, { endedOn: today, reason: "Hersteld." }, h)).statusCode,
    addEvidence: (id, h) => upload(`/exemptions/${id}/documents`, h),
    addMedicalAdvice: async (id, h) =>
      (
        await post(
          `/exemptions/${id}/medical-advice`,
          { advisorKind: "independentDoctor", advisorName: "Dr. A. Bakker", advisedOn: today, conclusion: "Kan vier uur per week." },
          h,
        )
      ).statusCode,
    refuseExtension: async (id, h) => (await post(`/exemptions/${id}/extension-refusal`, { reason: "Niet meer nodig." }, h)).statusCode,
    undo: async (id, h) => (await post(`/exemptions/${id}/undo`, undefined, h)).statusCode,
  };

  // Grounds a consultant decides without more: a medical request waits for advice, a single parent's names a child.
  const kinds = ["caregiving", "crisis", "education", "otherUrgentReasons"];
  let kind = 0;
  /** A request of a kind the client has no open request of, read back by the caller. */
  const requested = (client: string, reader: Headers) => async () => {
    const type = kinds[kind++ % kinds.length];
    const id = (await post(`/clients/${client}/exemption-requests`, { type, reason: "Ik kan het nu niet aan." })).json().id;
    return readExemption(client, id, reader);
  };
  const recorded = (client: string, reader: Headers, terms: Record<string, unknown>) => async () => {
    const id = (await post(`/clients/${client}/exemptions`, exemption(terms))).json().id;
    return readExemption(client, id, reader);
  };
  async function readExemption(client: string, id: string, headers: Headers): Promise<Resource> {
    const items: Resource[] = (await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers })).json().items;
    const found = items.find((e) => e.id === id);
    if (!found) throw new Error(`Exemption ${id} is not listed`);
    return found;
  }
  const longFull = { scope: "full", maxHoursPerWeek: null, reviewDate: null, endDate: addMonths(today, 18) };

  it("on exemptions: caseworkers decide requests and end what binds; a team lead co-signs what another decided", async () => {
    expect(await expectAbilitiesHold(requested(clientAt(3), consultant), exemptionAttempts, consultant)).toEqual({
      decide: true,
      coSign: false,
      end: false,
      addEvidence: true,
      addMedicalAdvice: false,
      refuseExtension: false,
      undo: false,
    });
    expect(await expectAbilitiesHold(recorded(clientAt(3), consultant, {}), exemptionAttempts, consultant)).toMatchObject({
      decide: false,
      end: true,
      refuseExtension: true,
    });
    expect(await expectAbilitiesHold(recorded(clientAt(5), lead, longFull), exemptionAttempts, lead)).toMatchObject({
      coSign: true,
      end: true,
      refuseExtension: false,
    });
    const refused = async () => {
      const request = await requested(clientAt(5), lead)();
      await post(`/exemptions/${request.id}/decisions`, { outcome: "refused", note: "Er blijft ruimte." });
      return readExemption(clientAt(5), request.id, lead);
    };
    // A team lead may undo the refusal while its letter is inside.
    expect(await expectAbilitiesHold(refused, exemptionAttempts, lead)).toEqual({
      decide: false,
      coSign: false,
      end: false,
      addEvidence: false,
      addMedicalAdvice: false,
      refuseExtension: false,
      undo: true,
    });
    const listed = (await t.app.inject({ url: `/api/v1/clients/${clientAt(3)}/exemptions`, headers: consultant })).json();
    expect(listed.abilities).toEqual({ record: true, request: true });
  });

  it("on caregiving: caseworkers end active care, and no one ends it twice", async () => {
    const attempts: Attempts = { end: async (id, h) => (await post(`/caregiving/${id}/end`, { endedOn: today }, h)).statusCode };
    const care = (ended: boolean, reader: Headers) => async (): Promise<Resource> => {
      const created = (
        await post(`/clients/${clientAt(3)}/caregiving`, {
          relation: "parent",
          hoursPerWeek: 6,
          since: addMonths(today, -2),
          beyondCustomaryCare: false,
          judgementReason: "Boodschappen voor een ouder.",
        })
      ).json();
      if (ended) await post(`/caregiving/${created.id}/end`, { endedOn: today });
      // An administrator reads the record only for a task.
      const forTask = reader === consultant ? "" : "?accessReason=supportRequest";
      const url = `/api/v1/clients/${clientAt(3)}/caregiving${forTask}`;
      const items: Resource[] = (await t.app.inject({ url, headers: reader })).json().items;
      const found = items.find((c) => c.id === created.id);
      if (!found) throw new Error("The caregiving is not listed");
      return found;
    };
    expect(await expectAbilitiesHold(care(false, consultant), attempts, consultant)).toEqual({ end: true });
    expect(await expectAbilitiesHold(care(true, consultant), attempts, consultant)).toEqual({ end: false });
    const admin = await bearerFor(t.app, "admin@demo.local");
    expect(await expectAbilitiesHold(care(false, admin), attempts, admin)).toEqual({ end: false });
  });

  it("on accountability requests: an open request is answered once; proof can always follow", async () => {
    const client = clientAt(3);
    const attempts: Attempts = {
      respond: async (id, h) => (await post(`/accountability-requests/${id}/responses`, { continues: true }, h)).statusCode,
      addProof: (id, h) => upload(`/accountability-requests/${id}/documents`, h),
    };
    const ordinance = await ordinanceOn(t.db.kysely, today);
    let day = 0;
    /** Care beyond customary care formalised long ago, asked about by the daily job on a day of its own. */
    const request = (answered: boolean) => async (): Promise<Resource> => {
      // Recorded two years ago, on that day, by the consultant logged in then; then back to now.
      const now = clock.now();
      clock.set(addMonths(today, -24));
      const then = await bearerFor(t.app, "consulent@demo.local");
      const recorded = await post(
        `/clients/${client}/caregiving`,
        {
          relation: "child",
          hoursPerWeek: 1,
          since: addMonths(today, -24),
          beyondCustomaryCare: true,
          judgementReason: "Intensieve zorg voor een kind.",
        },
        then,
      );
      clock.set(now);
      expect(recorded.statusCode).toBe(201);
      const care = recorded.json();
      await createDueRequests(t.db.kysely, { id: crypto.randomUUID(), clock: t.clock }, addDays(today, -day++), ordinance);
      const row = await t.db.kysely
        .selectFrom("accountability_requests")
        .select("id")
        .where("subject_id", "=", care.id)
        .executeTakeFirstOrThrow();
      if (answered) await post(`/accountability-requests/${row.id}/responses`, { continues: true });
      const items: Resource[] = (
        await t.app.inject({ url: `/api/v1/clients/${client}/accountability-requests`, headers: consultant })
      ).json().items;
      const found = items.find((r) => r.id === row.id);
      if (!found) throw new Error("The request is not listed");
      return found;
    };
    expect(await expectAbilitiesHold(request(false), attempts, consultant)).toEqual({ respond: true, addProof: true });
    expect(await expectAbilitiesHold(request(true), attempts, consultant)).toEqual({ respond: false, addProof: true });
  });
});
