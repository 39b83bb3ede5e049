import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let admin: { authorization: string };
let clientIds: string[];
// The app reads this clock: a test lets the day of an appointment come instead of back-dating the appointment.
const clock = new TestClock();
const today = clock.today();

const intake = (overrides: Record<string, unknown> = {}) => ({
  heldOn: today,
  scores: {
    incomeDebts: 2,
    dailyActivities: 3,
    housing: 4,
    physicalHealth: 3,
    mentalHealth: 2,
    addiction: 5,
    socialNetwork: 2,
    language: 3,
  },
  caringDuties: "Zorgt twee middagen per week voor moeder",
  interests: ["dieren", "koken"],
  skills: ["schoonmaken"],
  availability: ["tue-am", "thu-am"],
  travelRadiusKm: 5,
  capacityHoursPerWeek: 12,
  ladderRung: 2,
  growthRung: 3,
  healthNotes: "Rugklachten",
  ...overrides,
});
const step = (overrides: Record<string, unknown> = {}) => ({
  type: "languageCourse",
  title: "Taalles B1",
  hoursPerWeek: 6,
  startDate: today,
  ...overrides,
});

async function queue(headers = consultant) {
  return (await t.app.inject({ url: "/api/v1/work-queue?pageSize=200", headers })).json() as {
    total: number;
    items: { clientId: string; reasons: { code: string; suggestedAction: string | null }[] }[];
  };
}
const reasonsOf = async (clientId: string) => (await queue()).items.find((i) => i.clientId === clientId)?.reasons.map((r) => r.code) ?? [];

async function invite(ids: string[]) {
  const response = await t.app.inject({ method: "POST", url: "/api/v1/invitations", headers: consultant, payload: { clientIds: ids } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().items as { id: string; sequence: number; letterId: string; appointment: { id: string; startsAt: string } }[];
}

/** Moves the clock to an hour after the appointment began, and logs in again, as the consultant would that day. */
async function afterStartOf(appointment: { startsAt: string }) {
  expect(Date.parse(appointment.startsAt)).toBeGreaterThan(clock.now().getTime());
  clock.set(new Date(Date.parse(appointment.startsAt) + 60 * 60_000));
  consultant = await bearerFor(t.app, "consulent@demo.local");
}

beforeAll(async () => {
  t = await createTestApp({ clients: 400, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").execute()
  ).map((r) => r.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: null }).where("id", "in", clientIds).execute();
  const blocks = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    startTime: "09:00",
    endTime: "16:00",
    slotMinutes: 60,
    location: "Wijkteam Charlois",
  }));
  await t.app.inject({ method: "PUT", url: "/api/v1/me/availability", headers: consultant, payload: { blocks } });
});
afterAll(() => t.close());

describe("intake and plan naar vermogen", () => {
  it("refuses plan hours before capacity is assessed", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[0]}/plan-steps`,
      headers: consultant,
      payload: step(),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("capacityNotAssessed");
  });

  it("records an intake: capacity, ladder rung, and a sensitive read when read back", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[0]}/intakes`,
      headers: consultant,
      payload: intake(),
    });
    expect(response.statusCode).toBe(201);
    const client = (await t.app.inject({ url: `/api/v1/clients/${clientIds[0]}`, headers: consultant })).json();
    expect(client.capacityHoursPerWeek).toBe(12);
    const intakes = (await t.app.inject({ url: `/api/v1/clients/${clientIds[0]}/intakes`, headers: consultant })).json();
    expect(intakes.items[0].scores.mentalHealth).toBe(2);
    const audit = (await t.app.inject({ url: `/api/v1/audit-events?clientId=${clientIds[0]}&action=intake.read`, headers: admin })).json();
    expect(audit.items[0].category).toBe("read:sensitive");
  });

  it("rejects an intake with a growth rung below the current rung, naming the field", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[0]}/intakes`,
      headers: consultant,
      payload: intake({ ladderRung: 4, growthRung: 3 }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0].name).toBe("growthRung");
  });

  it("answers 409 capacityExceeded for a step above capacity and stores nothing", async () => {
    expect(
      (await t.app.inject({ method: "POST", url: `/api/v1/clients/${clientIds[0]}/plan-steps`, headers: consultant, payload: step() }))
        .statusCode,
    ).toBe(201);
    const over = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[0]}/plan-steps`,
      headers: consultant,
      payload: step({ type: "exercise", title: "Sport", hoursPerWeek: 7 }),
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe("capacityExceeded");
    const plans = (await t.app.inject({ url: `/api/v1/clients/${clientIds[0]}/plans`, headers: consultant })).json();
    expect(plans.items[0].steps).toHaveLength(1);
    expect(plans.items[0]).toMatchObject({ activeHoursPerWeek: 6, capacityHoursPerWeek: 12, weeklyNormHours: 20 });
    const audit = (await t.app.inject({ url: `/api/v1/audit-events?clientId=${clientIds[0]}&action=plan.read`, headers: admin })).json();
    expect(audit.items[0].category).toBe("read:sensitive");
    const fits = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[0]}/plan-steps`,
      headers: consultant,
      payload: step({ type: "exercise", title: "Sport", hoursPerWeek: 6 }),
    });
    expect(fits.statusCode).toBe(201);
  });

  it("confirms the plan with a letter; a later change makes a new version and leaves the confirmed one as it was", async () => {
    const [draft] = (await t.app.inject({ url: `/api/v1/clients/${clientIds[0]}/plans`, headers: consultant })).json().items;
    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/plans/${draft.id}/confirmation`,
      headers: consultant,
      payload: { reportingFrequencyWeeks: 4 },
    });
    expect(confirmed.statusCode).toBe(201);
    const plan = confirmed.json();
    expect(plan).toMatchObject({ status: "confirmed", version: 1, reportingFrequencyWeeks: 4 });
    const letter = await t.app.inject({ url: `/api/v1/letters/${plan.letterId}/pdf`, headers: consultant });
    expect(letter.statusCode).toBe(200);
    const again = await t.app.inject({
      method: "POST",
      url: `/api/v1/plans/${draft.id}/confirmation`,
      headers: consultant,
      payload: { reportingFrequencyWeeks: 4 },
    });
    expect(again.json().code).toBe("planNotDraft");

    const changed = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plan-steps/${plan.steps[0].id}`,
      headers: consultant,
      payload: { status: "stopped", stopReason: "Cursus vol" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, status: "draft", activeHoursPerWeek: 6 });
    const versions = (await t.app.inject({ url: `/api/v1/clients/${clientIds[0]}/plans`, headers: consultant })).json().items;
    const v1 = versions.find((p: { version: number }) => p.version === 1);
    expect(v1.status).toBe("confirmed");
    expect(v1.steps[0].status).toBe("planned");
    const over = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/plan-steps/${changed.json().steps[1].id}`,
      headers: consultant,
      payload: { hoursPerWeek: 13 },
    });
    expect(over.json().code).toBe("capacityExceeded");
  });

  it("shows a step ending within 14 days on the work queue", async () => {
    await t.app.inject({ method: "POST", url: `/api/v1/clients/${clientIds[1]}/intakes`, headers: consultant, payload: intake() });
    const added = (
      await t.app.inject({
        method: "POST",
        url: `/api/v1/clients/${clientIds[1]}/plan-steps`,
        headers: consultant,
        payload: step({ endDate: addDays(today, 10) }),
      })
    ).json();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/plans/${added.id}/confirmation`,
      headers: consultant,
      payload: { reportingFrequencyWeeks: 6 },
    });
    expect(await reasonsOf(expectDefined(clientIds[1]))).toContain("planStepEnding");
  });
});

describe("check-ins and the ladder", () => {
  it("puts a WHO-5 raw score of 10 on the work queue", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[2]}/check-ins`,
      headers: consultant,
      payload: { heldOn: today, channel: "phone", who5: [2, 2, 2, 2, 2], readyForNextStep: false, ladderRung: 3, growthRung: 4 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ who5Raw: 10, who5Percentage: 40, needsAttention: true });
    expect(await reasonsOf(expectDefined(clientIds[2]))).toContain("lowWellbeing");
  });

  it("filters the work queue by reason", async () => {
    const low = (await t.app.inject({ url: "/api/v1/work-queue?reason=lowWellbeing", headers: consultant })).json();
    expect(low.total).toBeGreaterThan(0);
    expect(low.items.every((i: { reasons: { code: string }[] }) => i.reasons.some((r) => r.code === "lowWellbeing"))).toBe(true);
    expect((await t.app.inject({ url: "/api/v1/work-queue?reason=bored", headers: consultant })).statusCode).toBe(400);
  });

  it("keeps the ladder history with date and assessor", async () => {
    await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[3]}/intakes`,
      headers: consultant,
      payload: intake({ heldOn: addDays(today, -30) }),
    });
    await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientIds[3]}/check-ins`,
      headers: consultant,
      payload: { heldOn: today, channel: "inPerson", who5: [4, 4, 3, 4, 4], readyForNextStep: true, ladderRung: 3 },
    });
    const history = (await t.app.inject({ url: `/api/v1/clients/${clientIds[3]}/ladder-assessments`, headers: consultant })).json().items;
    expect(history.map((h: { rung: number; assessedOn: string; source: string }) => [h.rung, h.assessedOn, h.source])).toEqual([
      [2, addDays(today, -30), "intake"],
      [3, today, "checkIn"],
    ]);
    expect(history[0].assessorName).toBeTruthy();
    expect(await reasonsOf(expectDefined(clientIds[3]))).not.toContain("lowWellbeing");
  });
});

describe("letters, missed intakes and the work queue", () => {
  it("a returned letter puts the client on the queue, with no non-compliance flag", async () => {
    const invitation = expectDefined((await invite([expectDefined(clientIds[4])]))[0], "the invitation");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/letters/${invitation.letterId}/deliveries`,
      headers: consultant,
      payload: { status: "returned", trackingNumber: "3SABCD1234" },
    });
    const reasons = await reasonsOf(expectDefined(clientIds[4]));
    expect(reasons).toEqual(["letterReturned"]);
  });

  it("a missed intake suggests a second invitation, never a sanction", async () => {
    const first = expectDefined((await invite([expectDefined(clientIds[5])]))[0], "the invitation");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/letters/${first.letterId}/deliveries`,
      headers: consultant,
      payload: { status: "delivered" },
    });
    await afterStartOf(first.appointment);
    expect(
      (
        await t.app.inject({
          method: "PATCH",
          url: `/api/v1/appointments/${first.appointment.id}`,
          headers: consultant,
          payload: { status: "missed" },
        })
      ).statusCode,
    ).toBe(200);
    const item = (await queue()).items.find((i) => i.clientId === clientIds[5]);
    expect(item?.reasons).toEqual([expect.objectContaining({ code: "intakeMissed", suggestedAction: "sendSecondInvitation" })]);
  });

  it("only a second missed intake after a delivered letter is flagged as possible non-compliance", async () => {
    const second = expectDefined((await invite([expectDefined(clientIds[5])]))[0], "the invitation");
    expect(second.sequence).toBe(2);
    await t.app.inject({
      method: "POST",
      url: `/api/v1/letters/${second.letterId}/deliveries`,
      headers: consultant,
      payload: { status: "delivered" },
    });
    await afterStartOf(second.appointment);
    await t.app.inject({
      method: "PATCH",
      url: `/api/v1/appointments/${second.appointment.id}`,
      headers: consultant,
      payload: { status: "missed" },
    });
    expect(await reasonsOf(expectDefined(clientIds[5]))).toEqual(["possibleNonCompliance"]);
  });

  it("missed intakes after undelivered letters are never flagged", async () => {
    for (let i = 0; i < 2; i++) {
      const invitation = expectDefined((await invite([expectDefined(clientIds[6])]))[0], "the invitation");
      await t.app.inject({
        method: "POST",
        url: `/api/v1/letters/${invitation.letterId}/deliveries`,
        headers: consultant,
        payload: { status: "notCollected" },
      });
      await afterStartOf(invitation.appointment);
      await t.app.inject({
        method: "PATCH",
        url: `/api/v1/appointments/${invitation.appointment.id}`,
        headers: consultant,
        payload: { status: "missed" },
      });
    }
    expect(await reasonsOf(expectDefined(clientIds[6]))).toEqual(["letterNotCollected"]);
  });
});

describe("team lead", () => {
  it("sees caseload size and queue length per consultant and reassigns a client", async () => {
    const lead = await bearerFor(t.app, "teamleider@demo.local");
    expect((await t.app.inject({ url: "/api/v1/team", headers: consultant })).statusCode).toBe(403);
    const team = (await t.app.inject({ url: "/api/v1/team", headers: lead })).json().items as {
      consultantId: string;
      caseloadSize: number;
      queueLength: number;
      districts: string[];
    }[];
    const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
    const mine = expectDefined(
      team.find((m) => m.consultantId === me.id),
      "the consultant in the team",
    );
    expect(mine.caseloadSize).toBe(clientIds.length);
    expect(mine.queueLength).toBe((await queue()).total);
    const other = expectDefined(
      team.find((m) => m.consultantId !== me.id && m.districts.includes("Overschie")),
      "a consultant in Overschie",
    );
    const refused = await t.app.inject({
      method: "PUT",
      url: `/api/v1/clients/${clientIds.at(-1)}/consultant`,
      headers: lead,
      payload: { consultantId: other.consultantId },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0].code).toBe("otherDistrict");
    const colleague = team.find((m) => m.consultantId !== me.id && m.districts.includes("Charlois"));
    if (colleague) {
      const moved = await t.app.inject({
        method: "PUT",
        url: `/api/v1/clients/${clientIds.at(-1)}/consultant`,
        headers: lead,
        payload: { consultantId: colleague.consultantId },
      });
      expect(moved.json().consultantId).toBe(colleague.consultantId);
    }
  });
});
