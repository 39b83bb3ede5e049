import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing an upheld displacement complaint while none of its letters has left the building: the role is as before, the
// complaint open again, the placements it stopped run again (the referral is a referral again), every letter is
// withdrawn; all or nothing.

let t: TestApp;
let consultant: { authorization: string };
let host: { authorization: string };
let lead: { authorization: string };
let admin: { authorization: string };
let organisationId: string;
let spareClients: string[];
const today = todayInAmsterdam();
type Headers = { authorization: string };

const call = (method: "GET" | "POST" | "DELETE", url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const undo = (complaintId: string, headers: Headers = lead) => call("DELETE", `/displacement-complaints/${complaintId}/decision`, headers);
const takeClient = () => expectDefined(spareClients.shift(), "a spare client");
const placementsOf = (roleId: string) =>
  t.db.kysely
    .selectFrom("placements")
    .select(["id", "status", "end_reason", "ended_on", "attributable_to"])
    .where("role_id", "=", roleId)
    .orderBy("created_at")
    .execute();
const lettersOf = (clientIds: string[]) =>
  t.db.kysely
    .selectFrom("letters")
    .select(["id", "withdrawn_at", "printed_at", "held_until"])
    .where("client_id", "in", clientIds)
    .where("kind", "=", "placementEnded")
    .execute();

/** An approved role with a running placement and an open referral, then a complaint about it upheld by the team lead. */
async function upheldComplaint(): Promise<{ roleId: string; complaintId: string; clientIds: string[] }> {
  const role = await call("POST", "/roles", consultant, {
    organisationId,
    title: "Gastvrouw of gastheer koffieochtend",
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: 4,
    guidanceLevel: "regular",
    places: 5,
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  expect(role.statusCode, role.body).toBe(201);
  const roleId = role.json().id as string;
  const clientIds = [takeClient(), takeClient()];
  const ids: string[] = [];
  for (const clientId of clientIds) {
    const proposed = await call("POST", "/placements", consultant, { clientId, roleId });
    expect(proposed.statusCode, proposed.body).toBe(201);
    ids.push(proposed.json().id);
  }
  const running = expectDefined(ids[0], "placement");
  const accepted = await call("POST", `/placements/${running}/accept`, host);
  expect(accepted.statusCode, accepted.body).toBe(200);
  const started = await call("POST", `/placements/${running}/start`, host, {
    agreement: {
      startDate: today,
      endDate: addDays(today, 180),
      hoursPerWeek: 4,
      tasks: "Koffie schenken en gasten ontvangen.",
      contactPerson: "Fatima, coördinator vrijwilligers",
      guidanceArrangement: "Elke week een kort gesprek na afloop.",
    },
  });
  expect(started.statusCode, started.body).toBe(200);
  const filed = await call("POST", `/roles/${roleId}/displacement-complaints`, consultant, {
    filerKind: "employee",
    description: "Dit werk deed tot vorig jaar een betaalde kracht.",
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const complaintId = filed.json().id as string;
  const upheld = await call("POST", `/displacement-complaints/${complaintId}/decision`, lead, {
    outcome: "upheld",
    reason: "De melding klopt: hier werkte een betaalde kracht.",
  });
  expect(upheld.statusCode, upheld.body).toBe(201);
  expect(upheld.json()).toMatchObject({ status: "upheld", abilities: { decide: false, undo: true } });
  return { roleId, complaintId, clientIds };
}
const complaintOf = async (roleId: string, complaintId: string) =>
  expectDefined(
    (await call("GET", `/roles/${roleId}/displacement-complaints`, lead)).json().items.find((c: { id: string }) => c.id === complaintId),
    "complaint",
  );

beforeAll(async () => {
  // No hold on a referral: the host answers it at once (the letters are held all the same, until they leave).
  t = await createTestApp({ clients: 200, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  organisationId = (await call("GET", "/me", host)).json().organisationId;
  await t.db.kysely.updateTable("organisations").set({ guidance_hours_per_week: 400 }).where("id", "=", organisationId).execute();
  const me = (await call("GET", "/me", consultant)).json();
  spareClients = (
    await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("consultant_id", "=", me.id)
      .where("id", "not in", t.db.kysely.selectFrom("placements").select("client_id"))
      .orderBy("family_name")
      .execute()
  ).map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", spareClients)
    .execute();
}, 120_000);
afterAll(() => t.close());

describe("undoing an upheld displacement complaint", () => {
  it("puts the role, the complaint and the placements it stopped back as they were and withdraws every letter", async () => {
    const { roleId, complaintId, clientIds } = await upheldComplaint();
    expect((await call("GET", `/roles/${roleId}`, lead)).json()).toMatchObject({ status: "rejected", abilities: { undoReview: false } });
    expect((await placementsOf(roleId)).map((p) => p.status)).toEqual(["ended", "ended"]);
    const letters = await lettersOf(clientIds);
    expect(letters).toHaveLength(2);
    expect(letters.every((l) => l.held_until !== null)).toBe(true);
    expect((await complaintOf(roleId, complaintId)).abilities.undo).toBe(true);

    const undone = await undo(complaintId);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "open", decisionReason: null, abilities: { decide: true, undo: false } });
    const role = (await call("GET", `/roles/${roleId}`, lead)).json();
    expect(role).toMatchObject({ status: "approved", suspended: true, placementsEndedByRejection: 0 });
    expect(role.statusReasonCodes).not.toContain("complaintUpheld");
    expect(await placementsOf(roleId)).toMatchObject([
      { status: "active", end_reason: null, ended_on: null, attributable_to: null },
      { status: "proposed", end_reason: null, ended_on: null, attributable_to: null },
    ]);
    expect((await lettersOf(clientIds)).every((l) => l.withdrawn_at !== null)).toBe(true);
    const checks = await t.db.kysely.selectFrom("displacement_checks").select("kind").where("role_id", "=", roleId).execute();
    expect(checks.map((c) => c.kind)).toEqual(["questionnaire"]);
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", complaintId).execute();
    expect(audit.map((a) => a.action)).toContain("displacementComplaint.undoDecision");
    expect((await undo(complaintId)).json().code).toBe("nothingToUndo");
    // Open again, it is decided anew.
    const dismissed = await call("POST", `/displacement-complaints/${complaintId}/decision`, lead, {
      outcome: "dismissed",
      reason: "Toch niet.",
    });
    expect(dismissed.statusCode, dismissed.body).toBe(201);
  });

  it("is refused, all or nothing, once one of its letters was printed; and to whoever may not", async () => {
    const { roleId, complaintId, clientIds } = await upheldComplaint();
    expect((await undo(complaintId, consultant)).statusCode).toBe(403);
    const notAuthor = await undo(complaintId, admin);
    expect([notAuthor.statusCode, notAuthor.json().code]).toEqual([403, "notLetterAuthor"]);
    const [first] = await lettersOf(clientIds.slice(0, 1));
    expect((await call("GET", `/letters/${expectDefined(first, "letter").id}/pdf`, consultant)).statusCode).toBe(200);
    expect((await complaintOf(roleId, complaintId)).abilities.undo).toBe(false);
    const refused = await undo(complaintId);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await placementsOf(roleId)).map((p) => p.status)).toEqual(["ended", "ended"]);
    expect((await lettersOf(clientIds)).every((l) => l.withdrawn_at === null)).toBe(true);
    expect((await complaintOf(roleId, complaintId)).status).toBe("upheld");
  });

  it("is refused once a client gave their side of the ending, and for a dismissed complaint", async () => {
    const { roleId, complaintId } = await upheldComplaint();
    const [running] = await placementsOf(roleId);
    await t.db.kysely
      .updateTable("placements")
      .set({ client_side_account: "Ik vond het jammer.", client_side_given_on: today })
      .where("id", "=", expectDefined(running, "placement").id)
      .execute();
    expect((await undo(complaintId)).json().code).toBe("roleMovedOn");
    const other = await call("POST", `/roles/${roleId}/displacement-complaints`, consultant, {
      filerKind: "resident",
      description: "Nog een melding.",
    });
    const dismissed = await call("POST", `/displacement-complaints/${other.json().id}/decision`, lead, {
      outcome: "dismissed",
      reason: "Al beoordeeld.",
    });
    expect(dismissed.json().abilities.undo).toBe(false);
    expect((await undo(other.json().id)).json().code).toBe("nothingToUndo");
    expect((await call("DELETE", "/displacement-complaints/00000000-0000-4000-8000-000000000000/decision", lead)).statusCode).toBe(404);
  });

  // Three upheld complaints with their placements and letters, each a few seconds on a busy database.
  it("lets exactly one of undo and printing one of its letters win", async () => {
    for (let i = 0; i < 3; i++) {
      const { roleId, complaintId, clientIds } = await upheldComplaint();
      const [letter] = await lettersOf(clientIds.slice(1));
      const letterId = expectDefined(letter, "letter").id;
      const [undone] = await Promise.all([undo(complaintId), call("GET", `/letters/${letterId}/pdf`, consultant)]);
      const letters = await lettersOf(clientIds);
      const statuses = (await placementsOf(roleId)).map((p) => p.status);
      if (undone.statusCode === 200) {
        expect(letters.every((l) => l.printed_at === null && l.withdrawn_at !== null)).toBe(true);
        expect(statuses).toEqual(["active", "proposed"]);
      } else {
        expect([undone.statusCode, undone.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letters.every((l) => l.withdrawn_at === null)).toBe(true);
        expect(statuses).toEqual(["ended", "ended"]);
      }
    }
  }, 180_000);
});
