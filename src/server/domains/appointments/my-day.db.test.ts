import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { amsterdamDateTime } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let myId: string;
let mine: { id: string; given_name: string; family_name: string }[];
// Thursday 3 December 2026, noon in Amsterdam.
const clock = new TestClock("2026-12-03");

async function addAppointment(
  clientId: string,
  date: string,
  time: string,
  overrides: { kind?: "intake" | "followUp"; status?: "planned" | "cancelled" | "attended"; consultantId?: string } = {},
) {
  const id = crypto.randomUUID();
  const startsAt = amsterdamDateTime(date, time);
  await t.db.kysely
    .insertInto("appointments")
    .values({
      id,
      client_id: clientId,
      consultant_id: overrides.consultantId ?? myId,
      kind: overrides.kind ?? "followUp",
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
      location: "Wijkteam Charlois, Wolphaertsbocht 236",
      status: overrides.status ?? "planned",
      created_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}

const statusOf = async (id: string) =>
  (await t.db.kysely.selectFrom("appointments").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  myId = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json().id;
  mine = await t.db.kysely
    .selectFrom("clients")
    .select(["id", "given_name", "family_name"])
    .where("consultant_id", "=", myId)
    .orderBy("family_name")
    .limit(4)
    .execute();
  expect(mine.length).toBe(4);
});
afterAll(() => t.close());

describe("GET /me/appointments (Mijn dag)", () => {
  it("rejects the unauthenticated, and a client or host with 403", async () => {
    expect((await t.app.inject({ url: "/api/v1/me/appointments" })).statusCode).toBe(401);
    for (const email of ["klant@demo.local", "organisatie@demo.local", "onderzoeker@demo.local"]) {
      const response = await t.app.inject({ url: "/api/v1/me/appointments", headers: await bearerFor(t.app, email) });
      expect(response.statusCode, email).toBe(403);
    }
  });

  it("lists today's and the rest of this week's own appointments with the client's name and the place, earliest first", async () => {
    const [a, b, c, d] = mine as [(typeof mine)[0], (typeof mine)[0], (typeof mine)[0], (typeof mine)[0]];
    const todayLate = await addAppointment(a.id, "2026-12-03", "15:30");
    // Just after midnight in Amsterdam is still the 3rd there, the evening before in UTC.
    const todayEarly = await addAppointment(b.id, "2026-12-03", "00:30", { kind: "intake" });
    const sunday = await addAppointment(c.id, "2026-12-06", "23:30");
    await addAppointment(d.id, "2026-12-07", "09:00"); // next Monday: another week
    await addAppointment(d.id, "2026-12-02", "09:00"); // yesterday
    await addAppointment(d.id, "2026-12-04", "09:00", { status: "cancelled" });
    const other = (
      await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent2@demo.local").executeTakeFirstOrThrow()
    ).id;
    await addAppointment(d.id, "2026-12-04", "10:00", { consultantId: other });

    const response = await t.app.inject({ url: "/api/v1/me/appointments", headers: consultant });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: "2026-12-03", to: "2026-12-06", today: "2026-12-03" });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([todayEarly, todayLate, sunday]);
    expect(body.items[0]).toMatchObject({
      kind: "intake",
      status: "planned",
      location: "Wijkteam Charlois, Wolphaertsbocht 236",
      client: { id: b.id, givenName: b.given_name, familyName: b.family_name },
      rescheduleRequest: null,
    });
  });

  it("takes another stretch of days, and refuses one that ends before it begins or is too long, naming `to`", async () => {
    const next = (await t.app.inject({ url: "/api/v1/me/appointments?from=2026-12-07", headers: consultant })).json();
    expect(next).toMatchObject({ from: "2026-12-07", to: "2026-12-13" });
    expect(next.items).toHaveLength(1);
    for (const query of ["from=2026-12-07&to=2026-12-01", "from=2026-12-01&to=2027-03-01", "from=gisteren"]) {
      const response = await t.app.inject({ url: `/api/v1/me/appointments?${query}`, headers: consultant });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.json().invalidParams[0].name).toBe(query === "from=gisteren" ? "from" : "to");
    }
  });
});

describe("recording an intake closes its appointment as attended", () => {
  const intake = (heldOn: string, appointmentId?: string) => ({
    heldOn,
    ...(appointmentId ? { appointmentId } : {}),
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
    interests: [],
    skills: [],
    availability: ["tue-am"],
    travelRadiusKm: 5,
    capacityHoursPerWeek: 12,
    ladderRung: 2,
    growthRung: 3,
  });
  const record = (clientId: string, body: object) =>
    t.app.inject({ method: "POST", url: `/api/v1/clients/${clientId}/intakes`, headers: consultant, payload: body });

  it("closes the planned intake of that day without being told which, and leaves other days alone", async () => {
    const client = mine[3]?.id ?? "";
    const today = await addAppointment(client, "2026-12-03", "10:00", { kind: "intake" });
    const lastWeek = await addAppointment(client, "2026-11-26", "10:00", { kind: "intake" });
    const response = await record(client, intake("2026-12-03"));
    expect(response.statusCode, response.body).toBe(201);
    expect(await statusOf(today)).toBe("attended");
    expect(await statusOf(lastWeek)).toBe("planned");
    const listed = (await t.app.inject({ url: `/api/v1/clients/${client}/appointments`, headers: consultant })).json();
    expect(listed.items.find((a: { id: string }) => a.id === today).status).toBe("attended");
  });

  it("closes the appointment named, and none that has not started", async () => {
    const client = mine[2]?.id ?? "";
    const named = await addAppointment(client, "2026-12-01", "09:00", { kind: "intake" });
    const tonight = await addAppointment(client, "2026-12-03", "19:00", { kind: "intake" });
    expect((await record(client, intake("2026-12-01", named))).statusCode).toBe(201);
    expect(await statusOf(named)).toBe("attended");
    expect((await record(client, intake("2026-12-03"))).statusCode).toBe(201);
    expect(await statusOf(tonight)).toBe("planned");
  });

  it("records the attendance once when the intake and the agenda record it at the same moment", async () => {
    const client = mine[1]?.id ?? "";
    const today = await addAppointment(client, "2026-12-03", "08:00", { kind: "intake" });
    const [intakeAnswer, agendaAnswer] = await Promise.all([
      record(client, intake("2026-12-03")),
      t.app.inject({ method: "PATCH", url: `/api/v1/appointments/${today}`, headers: consultant, payload: { status: "attended" } }),
    ]);
    expect(intakeAnswer.statusCode, intakeAnswer.body).toBe(201);
    // The agenda either recorded it first, or found it recorded by the intake.
    expect([200, 409]).toContain(agendaAnswer.statusCode);
    expect(await statusOf(today)).toBe("attended");
    const events = await t.db.kysely
      .selectFrom("audit_events")
      .select("id")
      .where("subject_id", "=", today)
      .where("action", "=", "appointment.attended")
      .execute();
    expect(events).toHaveLength(1);
  });
});
