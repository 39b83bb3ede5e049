import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing a plan's confirmation while its letter is still inside: back to draft, the letter withdrawn, the
// assignment decision gone and the version it superseded in force again; refused once the letter has left.

let t: TestApp;
let consultant: { authorization: string };
let clientIds: string[];
const today = todayInAmsterdam();

const call = (method: "GET" | "POST" | "DELETE" | "PATCH", url: string, payload?: object, headers = consultant) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);
const plansOf = (clientId: string) =>
  t.db.kysely.selectFrom("plans").selectAll().where("client_id", "=", clientId).orderBy("version").execute();
/** The client's assignment decisions as the API lists them: a withdrawn one is not among them. */
const decisionsOf = async (clientId: string): Promise<{ id: string; letter_id: string }[]> =>
  (await call("GET", `/clients/${clientId}/decisions`))
    .json()
    .items.filter((d: { type: string }) => d.type === "assignment")
    .map((d: { id: string; letterId: string }) => ({ id: d.id, letter_id: d.letterId }));

/** A draft with one step that asks hours, confirmed: the plan in force, with its assignment decision and letter. */
async function confirmedPlan(clientId: string, hoursPerWeek = 4) {
  const draft = await call("POST", `/clients/${clientId}/plan-steps`, {
    type: "languageCourse",
    title: "Taalles Nederlands",
    hoursPerWeek,
    startDate: today,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const confirmed = await call("POST", `/plans/${draft.json().id}/confirmation`, { reportingFrequencyWeeks: 4 });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  return confirmed.json() as { id: string; version: number; letterId: string; abilities: Record<string, boolean> };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 150 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const me = (await call("GET", "/me")).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(6).execute()
  ).map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 30, guidance_need: "regular" })
    .where("id", "in", clientIds)
    .execute();
});
afterAll(() => t.close());

describe("undoing a plan's confirmation", () => {
  it("takes the first plan back to draft, withdraws its letter and the assignment it announced", async () => {
    const plan = await confirmedPlan(client(0));
    expect(plan.abilities.undoConfirmation).toBe(true);
    expect(await decisionsOf(client(0))).toHaveLength(1);

    const undone = await call("DELETE", `/plans/${plan.id}/confirmation`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ id: plan.id, status: "draft", confirmedOn: null, letterId: null });
    expect(undone.json().abilities).toMatchObject({ confirm: true, undoConfirmation: false });
    expect(await decisionsOf(client(0))).toEqual([]);
    // The decision itself is kept, marked withdrawn.
    const kept = await t.db.kysely
      .selectFrom("decisions")
      .innerJoin("decision_withdrawals", "decision_withdrawals.decision_id", "decisions.id")
      .select(["decisions.id", "decision_withdrawals.letter_id"])
      .where("decisions.client_id", "=", client(0))
      .execute();
    expect(kept.map((k) => k.letter_id)).toEqual([plan.letterId]);
    // The client's data export tells both: the letter withdrawn, and the decision withdrawn with it.
    const exported = (await call("GET", `/clients/${client(0)}/data-export`)).json() as {
      sections: { key: string; rows: Record<string, unknown>[] }[];
    };
    const section = (key: string) => exported.sections.find((s) => s.key === key)?.rows ?? [];
    expect(section("decisionWithdrawals").map((r) => r.letterId)).toEqual([plan.letterId]);
    expect(section("letters").find((r) => r.id === plan.letterId)?.withdrawnAt).toBeTruthy();
    const letter = await t.db.kysely.selectFrom("letters").selectAll().where("id", "=", plan.letterId).executeTakeFirstOrThrow();
    expect(letter.withdrawn_at).not.toBeNull();
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", plan.id).execute();
    expect(audit.map((a) => a.action)).toContain("plan.undoConfirmation");
    // The draft can be confirmed again, with a new letter.
    const again = await call("POST", `/plans/${plan.id}/confirmation`, { reportingFrequencyWeeks: 4 });
    expect(again.statusCode).toBe(201);
    expect(again.json().letterId).not.toBe(plan.letterId);
    expect((await call("DELETE", `/plans/${plan.id}/confirmation`)).statusCode).toBe(200);
    expect((await call("DELETE", `/plans/${plan.id}/confirmation`)).json().code).toBe("planNotConfirmed");
  });

  it("puts the version it superseded back in force, with its decision", async () => {
    const first = await confirmedPlan(client(1), 4);
    // Printed: the first version has left the building for good.
    expect((await call("GET", `/letters/${first.letterId}/pdf`)).statusCode).toBe(200);
    const stepId =
      (await plansOf(client(1))).length &&
      (await t.db.kysely.selectFrom("plan_steps").select("id").where("plan_id", "=", first.id).executeTakeFirstOrThrow()).id;
    const draft = await call("PATCH", `/plan-steps/${stepId}`, { hoursPerWeek: 6 });
    expect(draft.statusCode, draft.body).toBe(200);
    const second = await call("POST", `/plans/${draft.json().id}/confirmation`, { reportingFrequencyWeeks: 4 });
    expect(second.statusCode, second.body).toBe(201);
    expect((await plansOf(client(1))).map((p) => p.status)).toEqual(["superseded", "confirmed"]);
    expect(await decisionsOf(client(1))).toHaveLength(2);

    // The first version's letter was printed: its confirmation stands and cannot be undone.
    expect((await call("DELETE", `/plans/${second.json().id}/confirmation`)).statusCode).toBe(200);
    expect((await plansOf(client(1))).map((p) => p.status)).toEqual(["confirmed", "draft"]);
    expect((await decisionsOf(client(1))).map((d) => d.letter_id)).toEqual([first.letterId]);
    const refused = await call("DELETE", `/plans/${first.id}/confirmation`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("draftExists");
  });

  it("is refused once the plan letter left the building, and says so in the abilities", async () => {
    const plan = await confirmedPlan(client(2));
    expect((await call("GET", `/letters/${plan.letterId}/pdf`)).statusCode).toBe(200);
    const listed = (await call("GET", `/clients/${client(2)}/plans`)).json();
    expect(listed.items.find((p: { id: string }) => p.id === plan.id).abilities.undoConfirmation).toBe(false);
    const refused = await call("DELETE", `/plans/${plan.id}/confirmation`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await plansOf(client(2)))[0]?.status).toBe("confirmed");
    expect(await decisionsOf(client(2))).toHaveLength(1);
  });

  it("lets exactly one of undo and printing the plan letter win", async () => {
    for (const index of [3, 4, 5]) {
      const plan = await confirmedPlan(client(index));
      const [undo, print] = await Promise.all([
        call("DELETE", `/plans/${plan.id}/confirmation`),
        call("GET", `/letters/${plan.letterId}/pdf`),
      ]);
      const letter = await t.db.kysely.selectFrom("letters").selectAll().where("id", "=", plan.letterId).executeTakeFirstOrThrow();
      const [stored] = await plansOf(client(index));
      if (undo.statusCode === 200) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect(letter.printed_at).toBeNull();
        expect(stored?.status).toBe("draft");
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(stored?.status).toBe("confirmed");
      }
    }
  });
});
