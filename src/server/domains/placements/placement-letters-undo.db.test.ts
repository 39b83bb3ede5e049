import { expectDefined } from "@server/testing/expect-defined.js";
import { startedPlacement } from "@server/testing/placements.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing a placement action while its letter is still inside: the start or a new agreement version, the municipality's
// signature, and an attribution to the client. Each puts the placement back as it was, withdraws the letter (kept) and
// its decision (kept, listed nowhere); refused once the letter has left the building.

let t: TestApp;
let consultant: { authorization: string };
let otherConsultant: { authorization: string };
let lead: { authorization: string };
let host: { authorization: string };
let hostOrgId: string;
let spareClients: string[];
const today = todayInAmsterdam();
type Headers = { authorization: string };

const call = (method: "GET" | "POST" | "DELETE", url: string, headers: Headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const read = async (id: string, headers: Headers = consultant) =>
  (await call("GET", `/placements/${id}`, headers)).json() as PlacementOutput;
const takeClient = () => expectDefined(spareClients.shift(), "a spare client");
const terms = (hoursPerWeek: number) => ({
  agreement: {
    startDate: addDays(today, -10),
    endDate: addDays(today, 150),
    hoursPerWeek,
    tasks: "Koffie schenken en gasten ontvangen.",
    contactPerson: "Fatima, coördinator vrijwilligers",
    guidanceArrangement: "Elke week een kort gesprek na afloop.",
  },
});
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
/** The client's decisions of a type as the API lists them: a withdrawn one is not among them. */
const decisionsOf = async (clientId: string, type: string) =>
  ((await call("GET", `/clients/${clientId}/decisions`)).json().items as { type: string; letterId: string }[]).filter(
    (d) => d.type === type,
  );
const withdrawnDecisionLetters = async (clientId: string) =>
  (
    await t.db.kysely
      .selectFrom("decision_withdrawals")
      .innerJoin("decisions", "decisions.id", "decision_withdrawals.decision_id")
      .select("decision_withdrawals.letter_id")
      .where("decisions.client_id", "=", clientId)
      .execute()
  ).map((r) => r.letter_id);
const auditActions = async (subjectId: string) =>
  (await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", subjectId).execute()).map((a) => a.action);

/** An accepted referral of a fresh client, not started. */
async function acceptedPlacement(): Promise<{ id: string; clientId: string }> {
  const clientId = takeClient();
  const role = await call("POST", "/roles", consultant, {
    organisationId: hostOrgId,
    title: "Gastvrouw of gastheer koffieochtend",
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: 6,
    guidanceLevel: "regular",
    places: 3,
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  expect(role.statusCode, role.body).toBe(201);
  const proposed = await call("POST", "/placements", consultant, { clientId, roleId: role.json().id, hoursPerWeek: 5 });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const id = proposed.json().id as string;
  expect((await call("POST", `/placements/${id}/accept`, host)).statusCode).toBe(200);
  return { id, clientId };
}

/** A running placement of a fresh client, started by the host. */
async function activePlacement(): Promise<{ id: string; clientId: string }> {
  const clientId = takeClient();
  const id = await startedPlacement(
    t.app,
    { consultant, host },
    {
      organisationId: hostOrgId,
      clientId,
      title: "Gastvrouw of gastheer",
      hoursPerWeek: 4,
      guidanceLevel: "regular",
      startDate: addDays(today, -30),
      endDate: addDays(today, 150),
    },
  );
  return { id, clientId };
}

/** A placement the host ended and the consultant attributed to the client: a decision with its letter. */
async function attributedToClient(): Promise<{ id: string; clientId: string; letterId: string }> {
  const placement = await activePlacement();
  const ended = await call("POST", `/placements/${placement.id}/end`, host, { reason: "clientStopped", note: "Kwam niet meer." });
  expect(ended.statusCode, ended.body).toBe(200);
  const attributed = await call("POST", `/placements/${placement.id}/attribution`, consultant, {
    attributableTo: "client",
    reasons: "De deelnemer stopte zonder reden, ook na een gesprek.",
    clientAccount: "Ik had er geen zin meer in.",
    channel: "phone",
  });
  expect(attributed.statusCode, attributed.body).toBe(200);
  expect(attributed.json().abilities.undoAttribution).toBe(true);
  const [decision] = await decisionsOf(placement.clientId, "placementAttribution");
  return { ...placement, letterId: expectDefined(decision, "the attribution decision").letterId };
}

/** The municipality's signature of a running placement's agreement: a decision with its letter. */
async function signedByMunicipality(): Promise<{ id: string; clientId: string; letterId: string }> {
  const placement = await activePlacement();
  const signed = await call("POST", `/placements/${placement.id}/agreement/signatures`, consultant, { party: "municipality" });
  expect(signed.statusCode, signed.body).toBe(201);
  expect(signed.json().abilities.undoSignature).toBe(true);
  const [decision] = await decisionsOf(placement.clientId, "placementAgreement");
  return { ...placement, letterId: expectDefined(decision, "the agreement decision").letterId };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 300, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  otherConsultant = await bearerFor(t.app, "consulent2@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  hostOrgId = (await call("GET", "/me", host)).json().organisationId;
  const me = (await call("GET", "/me")).json();
  const free = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "not in", t.db.kysely.selectFrom("placements").select("client_id"))
    .orderBy("family_name")
    .execute();
  spareClients = free.map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", spareClients)
    .execute();
  // Room for every placement these tests start at the demo host.
  await t.db.kysely.updateTable("organisations").set({ guidance_hours_per_week: 500 }).where("id", "=", hostOrgId).execute();
});
afterAll(() => t.close());

describe("undoing a placement's start", () => {
  it("removes the agreement, withdraws its letter and puts the placement back to accepted with its hours", async () => {
    const { id } = await acceptedPlacement();
    const started = await call("POST", `/placements/${id}/start`, consultant, terms(4));
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().abilities.undoAgreement).toBe(true);
    const letterId = expectDefined(started.json().agreements[0], "agreement").letterId as string;
    // Held back from the client for a while.
    expect((await letterOf(letterId)).held_until).not.toBeNull();

    const undone = await call("DELETE", `/placements/${id}/agreement`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "accepted", hoursPerWeek: 5, startedOn: null, agreements: [] });
    expect(undone.json().abilities).toMatchObject({ start: true, undoAgreement: false });
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    expect(await auditActions(id)).toContain("placement.undoAgreement");
    expect((await call("DELETE", `/placements/${id}/agreement`)).json().code).toBe("nothingToUndo");
    // It can be started again, with a new letter.
    const again = await call("POST", `/placements/${id}/start`, consultant, terms(4));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().agreements[0].letterId).not.toBe(letterId);
  });

  it("gives a new version's hours back and leaves the version before in force", async () => {
    const { id } = await activePlacement();
    const changed = await call("POST", `/placements/${id}/agreements`, consultant, terms(3));
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json().hoursPerWeek).toBe(3);
    const undone = await call("DELETE", `/placements/${id}/agreement`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "active", hoursPerWeek: 4 });
    expect(undone.json().agreements.map((a: { version: number }) => a.version)).toEqual([1]);
  });

  it("is refused once the letter was printed, for another consultant and outside scope", async () => {
    const { id } = await activePlacement();
    const placement = await read(id);
    const letterId = expectDefined(placement.agreements[0], "agreement").letterId;
    // Started by the host: another consultant's district sees nothing, the team lead may undo, a consultant may not.
    expect((await call("DELETE", `/placements/${id}/agreement`, otherConsultant)).statusCode).toBe(404);
    const notAuthor = await call("DELETE", `/placements/${id}/agreement`, consultant);
    expect([notAuthor.statusCode, notAuthor.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("GET", `/letters/${letterId}/pdf`)).statusCode).toBe(200);
    expect((await read(id, lead)).abilities.undoAgreement).toBe(false);
    const refused = await call("DELETE", `/placements/${id}/agreement`, lead);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await read(id)).status).toBe("active");
  });

  it("lets exactly one of undo and printing the agreement letter win", async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await acceptedPlacement();
      const started = await call("POST", `/placements/${id}/start`, consultant, terms(4));
      const letterId = started.json().agreements[0].letterId as string;
      const [undo, print] = await Promise.all([call("DELETE", `/placements/${id}/agreement`), call("GET", `/letters/${letterId}/pdf`)]);
      const letter = await letterOf(letterId);
      if (undo.statusCode === 200) {
        expect(print.statusCode).toBe(200);
        expect(letter.printed_at).toBeNull();
        expect((await read(id)).status).toBe("accepted");
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect((await read(id)).status).toBe("active");
      }
    }
  });
});

describe("undoing the municipality's signature", () => {
  it("takes the signature off, withdraws the decision and its letter, and keeps the host's signature", async () => {
    const { id, clientId, letterId } = await signedByMunicipality();
    const undone = await call("DELETE", `/placements/${id}/agreement/signatures/municipality`);
    expect(undone.statusCode, undone.body).toBe(200);
    const agreement = expectDefined(undone.json().agreements[0], "agreement");
    expect(agreement.signatures).toMatchObject({ municipality: null, host: { signedOn: expect.any(String) } });
    expect(agreement.decisionId).toBeNull();
    expect(agreement.abilities.signAsMunicipality).toBe(true);
    expect(await decisionsOf(clientId, "placementAgreement")).toEqual([]);
    expect(await withdrawnDecisionLetters(clientId)).toEqual([letterId]);
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    expect(await auditActions(id)).toContain("placement.undoSignature");
  });

  it("is refused once the letter was printed, and for another consultant's district", async () => {
    const { id, letterId } = await signedByMunicipality();
    expect((await call("DELETE", `/placements/${id}/agreement/signatures/municipality`, otherConsultant)).statusCode).toBe(404);
    expect((await call("GET", `/letters/${letterId}/pdf`)).statusCode).toBe(200);
    const refused = await call("DELETE", `/placements/${id}/agreement/signatures/municipality`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await read(id)).agreements[0]?.signatures.municipality).not.toBeNull();
  });

  it("lets exactly one of undo and printing the decision letter win", async () => {
    for (let i = 0; i < 3; i++) {
      const { id, letterId } = await signedByMunicipality();
      const [undo] = await Promise.all([
        call("DELETE", `/placements/${id}/agreement/signatures/municipality`),
        call("GET", `/letters/${letterId}/pdf`),
      ]);
      const letter = await letterOf(letterId);
      const signature = (await read(id)).agreements[0]?.signatures.municipality;
      if (undo.statusCode === 200) {
        expect([letter.printed_at, signature]).toEqual([null, null]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(signature).not.toBeNull();
      }
    }
  });
});

describe("undoing an attribution to the client", () => {
  it("withdraws the decision and its letter and puts the ending back to awaiting attribution", async () => {
    const { id, clientId, letterId } = await attributedToClient();
    const undone = await call("DELETE", `/placements/${id}/attribution`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "ended", attributableTo: "undetermined", attribution: null });
    expect(undone.json().abilities).toMatchObject({ attribute: true, undoAttribution: false });
    expect(await decisionsOf(clientId, "placementAttribution")).toEqual([]);
    expect(await withdrawnDecisionLetters(clientId)).toEqual([letterId]);
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    expect(await auditActions(id)).toContain("placement.undoAttribution");
    const again = await call("DELETE", `/placements/${id}/attribution`);
    expect([again.statusCode, again.json().code]).toEqual([409, "nothingToUndo"]);
  });

  it("is refused once the letter was printed or delivered, and for another consultant's district", async () => {
    const printed = await attributedToClient();
    expect((await call("DELETE", `/placements/${printed.id}/attribution`, otherConsultant)).statusCode).toBe(404);
    expect((await call("GET", `/letters/${printed.letterId}/pdf`)).statusCode).toBe(200);
    const refused = await call("DELETE", `/placements/${printed.id}/attribution`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    const delivered = await attributedToClient();
    expect((await call("POST", `/letters/${delivered.letterId}/deliveries`, consultant, { status: "delivered" })).statusCode).toBeLessThan(
      300,
    );
    expect((await read(delivered.id)).abilities.undoAttribution).toBe(false);
    expect((await call("DELETE", `/placements/${delivered.id}/attribution`)).json().code).toBe("letterLeftBuilding");
    expect((await read(delivered.id)).attributableTo).toBe("client");
  });

  it("lets exactly one of undo and printing the decision letter win", async () => {
    for (let i = 0; i < 3; i++) {
      const { id, letterId } = await attributedToClient();
      const [undo] = await Promise.all([call("DELETE", `/placements/${id}/attribution`), call("GET", `/letters/${letterId}/pdf`)]);
      const letter = await letterOf(letterId);
      const { attributableTo } = await read(id);
      if (undo.statusCode === 200) {
        expect([letter.printed_at, attributableTo]).toEqual([null, "undetermined"]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(attributableTo).toBe("client");
      }
    }
  });
});
