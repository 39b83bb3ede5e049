import { nowIso, TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { multipartFile, SAMPLE_PDF } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJob } from "./scheduler.service.js";

let t: TestApp;
let consultant: { authorization: string };
let admin: { authorization: string };
let clientIds: string[];
// The app reads this clock: a test sets the date instead of back-dating rows, and brings it back to today after.
const clock = new TestClock();
const today = clock.today();
const post = (url: string, payload: unknown, headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const requestsOf = (clientId: string) =>
  t.db.kysely.selectFrom("accountability_requests").selectAll().where("client_id", "=", clientId).orderBy("requested_on").execute();

/** Logs the test's users in: a session ends when the clock moves on past its idle time, as it would for a person. */
async function logIn(): Promise<void> {
  consultant = await bearerFor(t.app, "consulent@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
}

/** Does `act` on another date, then sets the clock back to today. */
async function onDate<T>(date: string, act: () => Promise<T>): Promise<T> {
  clock.set(date);
  await logIn();
  try {
    return await act();
  } finally {
    clock.set(today);
    await logIn();
  }
}

/** Runs the daily job on a later date, with the clock on that date: the job never runs for a day to come. */
const runOn = (date: string, trigger: "manual" | "scheduled" = "manual") =>
  onDate(date, () => runDailyJob(t.db.kysely, { clock: t.clock, trigger, date }));

/** Formalises volunteer work months ago, on that date. */
async function contributionSince(clientId: string, monthsAgo: number): Promise<string> {
  const created = await onDate(addMonths(today, -monthsAgo), () =>
    post(`/clients/${clientId}/contributions`, {
      kind: "existingVolunteerWork",
      organisationName: "Voedselbank Charlois",
      description: "Pakketten inpakken",
      hoursPerWeek: 4,
      since: addMonths(today, -monthsAgo - 1),
    }),
  );
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

beforeAll(async () => {
  t = await createTestApp({ clients: 80, clock });
  await logIn();
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientIds = (await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).limit(7).execute()).map((r) => r.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 30 }).where("id", "in", clientIds).execute();
});
afterAll(() => t.close());

describe("caregiving as contribution", () => {
  it("counts caregiving beyond customary care as the client's contribution, and customary care not", async () => {
    const [client] = clientIds;
    const status = async () => (await t.app.inject({ url: `/api/v1/clients/${client}/contributions`, headers: consultant })).json();
    const care = (beyondCustomaryCare: boolean) => ({
      relation: "child",
      hoursPerWeek: 30,
      since: "2023-01-01",
      beyondCustomaryCare,
      judgementReason: beyondCustomaryCare
        ? "Intensieve zorg voor een kind met autisme, 80 uur per week op advies van de jeugdarts."
        : "Gewone zorg voor een gezond kind van acht.",
    });
    const customary = await post(`/clients/${client}/caregiving`, care(false));
    expect(customary.json()).toMatchObject({ beyondCustomaryCare: false, countsAsContribution: false });
    expect(await status()).toMatchObject({ contributing: false, contributingThrough: [] });

    const beyond = await post(`/clients/${client}/caregiving`, care(true));
    expect(beyond.json()).toMatchObject({ countsAsContribution: true });
    expect(await status()).toMatchObject({ contributing: true, contributingThrough: ["caregiving"] });
    // Its hours fill capacity (30): a one-hour step no longer fits.
    const step = await post(`/clients/${client}/plan-steps`, {
      type: "languageCourse",
      title: "Taalles",
      hoursPerWeek: 1,
      startDate: today,
    });
    expect(step.json().code).toBe("capacityExceeded");

    await post(`/caregiving/${beyond.json().id}/end`, { endedOn: today });
    expect((await status()).contributing).toBe(false);
  });
});

describe("the daily job", () => {
  it("creates each accountability request and reminder once, however often it runs on a day", async () => {
    const client = expectDefined(clientIds[1]);
    await contributionSince(client, 7);
    const first = await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
    expect(first.outcome).toBe("ran");
    const again = await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
    expect(again.outcome === "ran" && JSON.parse(expectDefined(again.run.result, "the run's result"))).toMatchObject({
      accountabilityRequests: 0,
      reminders: 0,
    });
    const requests = await requestsOf(client);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ requested_on: today, status: "open", ordinance_version: 1, reminded_on: null });

    // Reminder after 14 days, once.
    const reminderDay = addDays(today, 14);
    await runOn(reminderDay);
    await runOn(reminderDay);
    expect((await requestsOf(client)).map((r) => r.reminded_on)).toEqual([reminderDay]);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select("kind")
      .where("client_id", "=", client)
      .where("kind", "like", "accountability%")
      .execute();
    expect(letters.map((l) => l.kind).sort()).toEqual(["accountabilityReminder", "accountabilityRequest"]);

    // A run cut off by a crash is marked as such by the next one.
    await t.db.kysely
      .insertInto("scheduler_runs")
      .values({
        id: crypto.randomUUID(),
        job: "daily",
        run_date: today,
        trigger: "scheduled",
        status: "running",
        result: null,
        error: null,
        instance: "crashed",
        started_by: null,
        started_at: nowIso(clock),
        finished_at: null,
      })
      .execute();
    await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
    expect(
      await t.db.kysely.selectFrom("scheduler_runs").select(["status", "error"]).where("instance", "=", "crashed").executeTakeFirst(),
    ).toEqual({ status: "failed", error: "interrupted before it finished" });

    // A scheduled run happens once per date.
    const scheduled = await runOn(addDays(today, 1), "scheduled");
    expect(scheduled.outcome).toBe("ran");
    expect((await runOn(addDays(today, 1), "scheduled")).outcome).toBe("alreadyRan");
  });

  it("puts overdue accountability on the work queue after 28 days, as a reason to talk", async () => {
    const client = expectDefined(clientIds[1]);
    const request = expectDefined((await requestsOf(client))[0], "the accountability request");
    expect(request.requested_on).toBe(today);
    const overdueQueue = async () =>
      (await t.app.inject({ url: "/api/v1/work-queue?reason=accountabilityOverdue&pageSize=200", headers: consultant })).json();
    const overdueClients = async () => (await overdueQueue()).items.map((i: { clientId: string }) => i.clientId);
    // On its 28th day the request is not overdue yet.
    await onDate(addDays(today, 28), async () => expect(await overdueClients()).not.toContain(client));
    await onDate(addDays(today, 29), async () => {
      const item = (await overdueQueue()).items.find((i: { clientId: string }) => i.clientId === client);
      expect(item.reasons).toContainEqual({
        code: "accountabilityOverdue",
        since: addDays(today, 28),
        suggestedAction: "askWhetherItContinues",
      });
      const listed = (await t.app.inject({ url: `/api/v1/clients/${client}/accountability-requests`, headers: consultant })).json().items;
      expect(listed[0]).toMatchObject({ overdue: true, activity: expect.stringContaining("Voedselbank Charlois") });

      const answered = await post(`/accountability-requests/${request.id}/responses`, {
        continues: true,
        statement: "Ik werk er nog elke dinsdag.",
      });
      expect(answered.json()).toMatchObject({ status: "confirmed", overdue: false, respondedOn: addDays(today, 29) });
      expect(await overdueClients()).not.toContain(client);
      expect((await post(`/accountability-requests/${request.id}/responses`, { continues: false })).json().code).toBe("alreadyAnswered");
    });
  });

  it("takes proof with an answer, and ends the activity when the client says it stopped", async () => {
    const client = expectDefined(clientIds[3]);
    const contribution = await contributionSince(client, 7);
    await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
    const request = expectDefined((await requestsOf(client))[0], "the accountability request");
    const { payload, headers } = multipartFile("file", "verklaring-voedselbank.pdf", "application/pdf", SAMPLE_PDF);
    const proof = await t.app.inject({
      method: "POST",
      url: `/api/v1/accountability-requests/${request.id}/documents`,
      headers: { ...consultant, ...headers },
      payload,
    });
    expect(proof.statusCode).toBe(201);
    const stopped = await post(`/accountability-requests/${request.id}/responses`, {
      continues: false,
      statement: "Gestopt sinds de verhuizing.",
    });
    expect(stopped.json()).toMatchObject({
      status: "stopped",
      documents: [expect.objectContaining({ filename: "verklaring-voedselbank.pdf" })],
    });
    const ended = await t.db.kysely
      .selectFrom("contributions")
      .select(["status", "ended_on"])
      .where("id", "=", contribution)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: "ended", ended_on: today });
  });

  it("ends exemptions past their end date", async () => {
    const client = expectDefined(clientIds[4]);
    const created = (
      await post(`/clients/${client}/exemptions`, {
        type: "crisis",
        scope: "full",
        startDate: addDays(today, -30),
        endDate: addDays(today, -1),
        reason: "Huisuitzetting voorkomen.",
      })
    ).json();
    const run = await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
    expect(run.outcome === "ran" && JSON.parse(expectDefined(run.run.result, "the run's result")).exemptionsEnded).toBeGreaterThanOrEqual(
      1,
    );
    const after = (await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers: consultant })).json().items[0];
    expect(after).toMatchObject({ id: created.id, status: "ended", endedOn: addDays(today, -1), endReason: "expired", inForce: false });
  });

  it("applies an ordinance change to requests after its date, while earlier requests keep their version", async () => {
    const client = expectDefined(clientIds[2]);
    await contributionSince(client, 6);
    await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
    const current = (await t.app.inject({ url: "/api/v1/ordinance", headers: admin })).json().current;
    const { version: _v, effectiveFrom: _e, createdBy: _c, createdAt: _a, ...settings } = current;
    const past = await post(
      "/ordinance/versions",
      { ...settings, accountabilityIntervalMonths: 3, effectiveFrom: addDays(today, -1), note: "Terugwerkend" },
      admin,
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().invalidParams[0]).toMatchObject({ name: "effectiveFrom", code: "dateInPast" });
    const change = await post(
      "/ordinance/versions",
      {
        ...settings,
        accountabilityIntervalMonths: 3,
        effectiveFrom: addDays(today, 1),
        note: "Raadsbesluit: elke drie maanden verantwoorden.",
      },
      admin,
    );
    expect(change.statusCode).toBe(201);
    const version = change.json().version;

    // Three months on, the new interval makes the next request due; under the old one it would not be.
    const later = addMonths(today, 3);
    await runOn(later);
    const requests = await requestsOf(client);
    expect(requests.map((r) => [r.requested_on, r.ordinance_version])).toEqual([
      [today, 1],
      [later, version],
    ]);
    const overview = (await t.app.inject({ url: `/api/v1/ordinance?date=${today}`, headers: consultant })).json();
    expect(overview.current.version).toBe(1);
    expect(overview.versions.map((v: { version: number }) => v.version)).toEqual([version, 1]);
    await expect(
      t.db.kysely.updateTable("ordinance_versions").set({ accountability_interval_months: 1 }).where("version", "=", 1).execute(),
    ).rejects.toThrow();
  });

  it("lets admins see the runs and start one; others may not", async () => {
    // A minute after the runs above, so the new run is the latest.
    clock.advance({ minutes: 1 });
    const started = await post("/scheduler/runs", { job: "daily" }, admin);
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      trigger: "manual",
      status: "succeeded",
      startedBy: expect.any(String),
      result: expect.objectContaining({ accountabilityRequests: expect.any(Number) }),
    });
    const runs = (await t.app.inject({ url: "/api/v1/scheduler/runs", headers: admin })).json().items;
    // Runs for later dates above were started on those dates (the clock moved there), so they sort before it.
    expect(runs.map((run: { id: string }) => run.id)).toContain(started.json().id);
    expect((await t.app.inject({ url: "/api/v1/scheduler/runs", headers: consultant })).statusCode).toBe(403);
  });

  it("refuses a date in the future and writes nothing: no run, no ended exemption, no letter", async () => {
    const client = expectDefined(clientIds[5]);
    const exemption = (
      await post(`/clients/${client}/exemptions`, {
        type: "crisis",
        scope: "full",
        startDate: addDays(today, -10),
        endDate: addDays(today, 20),
        reason: "Opvang na een brand in de woning.",
      })
    ).json();
    const count = async (table: "scheduler_runs" | "letters" | "audit_events") =>
      Number(
        (
          await t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = { runs: await count("scheduler_runs"), letters: await count("letters") };
    const future = addMonths(today, 1);
    const refused = await post("/scheduler/runs", { job: "daily", date: future }, admin);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({ code: "invalidInput", invalidParams: [{ name: "date", code: "dateInFuture" }] });
    await expect(runDailyJob(t.db.kysely, { clock: t.clock, trigger: "scheduled", date: addDays(today, 1) })).rejects.toThrow(/date/);
    expect({ runs: await count("scheduler_runs"), letters: await count("letters") }).toEqual(before);
    const after = (await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers: consultant })).json().items;
    expect(after.find((e: { id: string }) => e.id === exemption.id)).toMatchObject({ status: "active", inForce: true });

    // Today is no future: a run for today goes ahead.
    const now = await post("/scheduler/runs", { job: "daily", date: today }, admin);
    expect(now.statusCode).toBe(201);
    expect(now.json()).toMatchObject({ runDate: today, status: "succeeded" });
  });

  it("catches up a past date: exemptions end on their own dates only, and its letters carry that date", async () => {
    const client = expectDefined(clientIds[6]);
    await contributionSince(client, 7);
    const exemption = (
      await post(`/clients/${client}/exemptions`, {
        type: "crisis",
        scope: "full",
        startDate: addDays(today, -40),
        endDate: addDays(today, -5),
        reason: "Opvang na een huisuitzetting.",
      })
    ).json();
    const exemptionOf = async () =>
      (await t.app.inject({ url: `/api/v1/clients/${client}/exemptions`, headers: consultant }))
        .json()
        .items.find((e: { id: string }) => e.id === exemption.id);
    // A rerun for a day before its end date leaves it in force: it ends on its own end date, not on the run's.
    const past = addDays(today, -10);
    const earlier = await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: past });
    expect(earlier.outcome === "ran" && earlier.run.status).toBe("succeeded");
    expect(await exemptionOf()).toMatchObject({ status: "active" });
    // The accountability request it made is dated on the run's date, not on the clock's.
    const request = expectDefined((await requestsOf(client))[0], "the accountability request");
    expect(request.requested_on).toBe(past);
    const letter = await t.db.kysely
      .selectFrom("letters")
      .select("letter_date")
      .where("id", "=", request.letter_id)
      .executeTakeFirstOrThrow();
    expect(letter.letter_date).toBe(past);
    // The run for the day after its end date ends it, as of its end date.
    await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: addDays(today, -4) });
    expect(await exemptionOf()).toMatchObject({ status: "ended", endedOn: addDays(today, -5), endReason: "expired" });
  });
});
