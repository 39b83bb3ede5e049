import { randomUUID } from "node:crypto";
import { nowIso, TestClock } from "@server/clock.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { type LocalSmtpServer, startSmtpServer } from "@server/testing/smtp.js";
import { bearerFor, createTestApp, type TestApp, testDatabaseKind } from "@server/testing/test-app.js";
import { addDays, amsterdamDateTime } from "@shared/dates.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDailyJob } from "../scheduler/scheduler.service.js";
import { deliverDueNotifications } from "./notifications.delivery.js";
import { MAX_ATTEMPTS, retryDelayMinutes } from "./notifications.rules.js";
import { remindAppointments } from "./notifications.service.js";
import { loggingSmsTransport, smtpTransport, type Transports } from "./notifications.transports.js";

const PORTAL = "https://naarvermogen.example.nl";
/** Where this file's appointments are, so that each test removes the ones another made. */
const TEST_LOCATION = "Wijkteam Charlois";
const clock = new TestClock("2026-12-03");
const today = clock.today();
let t: TestApp;
let smtp: LocalSmtpServer;
let transports: Transports & { email: { close(): void } };
let smsLog: { fields: Record<string, unknown>; message: string }[];
let consultant: { authorization: string };
let client: { authorization: string };
let admin: { authorization: string };
let clientId: string;
let otherClientId: string;
let person: { bsn: string; given_name: string; family_name: string };

const deliver = () => deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: PORTAL });
const outbox = () => t.db.kysely.selectFrom("notifications").selectAll().where("client_id", "=", clientId).orderBy("created_at").execute();
const setContact = (values: {
  email?: string | null;
  phone?: string | null;
  notification_channel?: "email" | "sms" | "none";
  preferred_language?: "nl" | "en";
}) => t.db.kysely.updateTable("clients").set(values).where("id", "=", clientId).execute();

/** Formalises volunteer work for the client: the agreement is a letter, and so a message. */
const formalise = (hoursPerWeek = 2) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/clients/${clientId}/contributions`,
    headers: consultant,
    payload: {
      kind: "existingVolunteerWork",
      organisationName: "Buurthuis",
      description: "Koffie schenken",
      hoursPerWeek,
      since: "2026-01-01",
    },
  });

beforeAll(async () => {
  // Formalising volunteer work is the change that makes a letter here; its notice is not held back for an undo.
  t = await createTestApp({ clients: 40, clock, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  smtp = await startSmtpServer();
  smsLog = [];
  transports = {
    email: smtpTransport({ url: smtp.url, from: "Gemeente Rotterdam <noreply@rotterdam.example.nl>" }),
    sms: loggingSmsTransport((fields, message) => smsLog.push({ fields, message })),
  };
  consultant = await bearerFor(t.app, "consulent@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  const account = await t.db.kysely
    .selectFrom("users")
    .select("client_id")
    .where("email", "=", "klant@demo.local")
    .executeTakeFirstOrThrow();
  clientId = expectDefined(account.client_id);
  otherClientId = (await t.db.kysely.selectFrom("clients").select("id").where("id", "!=", clientId).orderBy("id").executeTakeFirstOrThrow())
    .id;
  person = await t.db.kysely
    .selectFrom("clients")
    .select(["bsn", "given_name", "family_name"])
    .where("id", "=", clientId)
    .executeTakeFirstOrThrow();
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 40 }).where("id", "=", clientId).execute();
});
afterAll(async () => {
  transports?.email.close();
  await smtp?.close();
  await t?.close();
});
beforeEach(async () => {
  smtp.refuseWith(null);
  smtp.received.length = 0;
  smsLog.length = 0;
  clock.set(today);
  await t.db.kysely.deleteFrom("notifications").execute();
  await t.db.kysely.deleteFrom("appointments").where("location", "=", TEST_LOCATION).execute();
  await setContact({ email: "fatima@example.nl", phone: "0612345678", notification_channel: "email", preferred_language: "nl" });
});

describe("a message is written with the change that causes it", () => {
  it("writes a 'new letter' message in the letter's transaction, and nothing for a refused change", async () => {
    const created = await formalise();
    expect(created.statusCode).toBe(201);
    const letter = await t.db.kysely
      .selectFrom("letters")
      .select("id")
      .where("client_id", "=", clientId)
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(await outbox()).toEqual([
      expect.objectContaining({
        kind: "letterReady",
        subject_type: "letter",
        subject_id: letter.id,
        channel: "email",
        recipient: "fatima@example.nl",
        status: "pending",
        attempts: 0,
      }),
    ]);

    const letters = async () => (await t.db.kysely.selectFrom("letters").select("id").where("client_id", "=", clientId).execute()).length;
    const before = await letters();
    const refused = await formalise(41);
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await letters()).toBe(before);
    expect(await outbox()).toHaveLength(1);
  });

  it("writes nothing for a client who chose no messages, and a text message for one who chose SMS", async () => {
    await setContact({ notification_channel: "none" });
    expect((await formalise()).statusCode).toBe(201);
    expect(await outbox()).toEqual([]);

    await setContact({ notification_channel: "sms" });
    expect((await formalise()).statusCode).toBe(201);
    expect(await outbox()).toEqual([expect.objectContaining({ channel: "sms", recipient: "0612345678" })]);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    // The SMS transport logs that it sent, with the number mostly hidden and never the text.
    expect(smsLog).toHaveLength(1);
    const line = JSON.stringify(smsLog);
    expect(line).toContain("06******78");
    expect(line).not.toContain("0612345678");
    expect(line).not.toContain(person.given_name);
    expect(smtp.received).toEqual([]);
  });
});

describe("delivery through SMTP", () => {
  it("sends the message to the client's address: first name, the portal, and nothing personal beyond that", async () => {
    expect((await formalise()).statusCode).toBe(201);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["fatima@example.nl"]);
    expect(mail?.from).toBe("noreply@rotterdam.example.nl");
    expect(mail?.subject).toBe("Er staat een nieuwe brief voor u klaar");
    expect(mail?.text).toContain(`Beste ${person.given_name},`);
    expect(mail?.text).toContain(`Log in op ${PORTAL}`);
    for (const secret of [person.bsn, person.family_name, "Koffie schenken", "Buurthuis"]) expect(mail?.raw).not.toContain(secret);
    expect(await outbox()).toEqual([expect.objectContaining({ status: "sent", attempts: 1, sent_at: nowIso(clock), last_error: null })]);
    // Sent once: the next round finds nothing due.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("writes in English for a client who chose English", async () => {
    await setContact({ preferred_language: "en" });
    expect((await formalise()).statusCode).toBe(201);
    await deliver();
    expect(smtp.received[0]?.subject).toBe("A new letter is waiting for you");
    expect(smtp.received[0]?.text).toContain(`Dear ${person.given_name},`);
  });

  it("retries a refused message after a doubling wait, marks it failed after the last attempt, and sends it again on the admin's retry", async () => {
    smtp.refuseWith("550 Mailbox fatima@example.nl unavailable");
    expect((await formalise()).statusCode).toBe(201);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const counts = await deliver();
      const [row] = await outbox();
      expect(row?.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(counts).toEqual({ sent: 0, retrying: 1, failed: 0 });
        const wait = retryDelayMinutes(attempt);
        expect(row?.next_attempt_at).toBe(new Date(clock.now().getTime() + wait * 60_000).toISOString());
        // Not tried again before its time.
        clock.advance({ minutes: wait, seconds: -1 });
        expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
        clock.advance({ seconds: 1 });
      } else {
        expect(counts).toEqual({ sent: 0, retrying: 0, failed: 1 });
        expect(row).toMatchObject({ status: "failed", failed_at: nowIso(clock) });
      }
    }
    const [failed] = await outbox();
    expect(failed?.last_error).toContain("Mailbox");
    expect(failed?.last_error).not.toContain("fatima@example.nl");
    clock.advance({ days: 1 });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    admin = await bearerFor(t.app, "admin@demo.local");
    const list = await t.app.inject({ url: "/api/v1/notifications?status=failed&pageSize=10", headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: failed?.id,
        clientId,
        status: "failed",
        attempts: MAX_ATTEMPTS,
        recipient: "f***@example.nl",
        abilities: { retry: true },
      }),
    ]);
    expect(list.body).not.toContain("fatima@example.nl");
    expect((await t.app.inject({ url: "/api/v1/notifications?status=sent", headers: admin })).json().total).toBe(0);

    smtp.refuseWith(null);
    const retried = await t.app.inject({ method: "POST", url: `/api/v1/notifications/${failed?.id}/retry`, headers: admin });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: "pending", attempts: 0, abilities: { retry: false } });
    const again = await t.app.inject({ method: "POST", url: `/api/v1/notifications/${failed?.id}/retry`, headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("notificationNotFailed");
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([["fatima@example.nl"]]);
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", expectDefined(failed?.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["notification.retry"]);
  });
});

describe("appointment reminders", () => {
  /** A planned appointment of the client, starting at a time on a date. */
  async function appointmentOn(date: string, time = "10:30"): Promise<string> {
    const consultantId = (
      await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent@demo.local").executeTakeFirstOrThrow()
    ).id;
    const id = randomUUID();
    const startsAt = amsterdamDateTime(date, time);
    await t.db.kysely
      .insertInto("appointments")
      .values({
        id,
        client_id: clientId,
        consultant_id: consultantId,
        kind: "followUp",
        starts_at: startsAt,
        ends_at: amsterdamDateTime(date, "11:00"),
        location: TEST_LOCATION,
        status: "planned",
        created_by: consultantId,
        created_at: nowIso(clock),
        updated_at: nowIso(clock),
      })
      .execute();
    return id;
  }

  it("reminds once, two days before, however often the daily job runs", async () => {
    const inTwoDays = await appointmentOn(addDays(today, 2));
    await appointmentOn(addDays(today, 5), "09:00");
    const first = await runDailyJob(t.db.kysely, { clock, trigger: "manual", date: today });
    const second = await runDailyJob(t.db.kysely, { clock, trigger: "manual", date: today });
    expect(first.outcome === "ran" && JSON.parse(expectDefined(first.run.result)).appointmentReminders).toBe(1);
    expect(second.outcome === "ran" && JSON.parse(expectDefined(second.run.result)).appointmentReminders).toBe(0);
    // The next day it is one day ahead: still the one reminder.
    clock.set(addDays(today, 1));
    await runDailyJob(t.db.kysely, { clock, trigger: "manual", date: addDays(today, 1) });
    const rows = await outbox();
    expect(rows).toEqual([expect.objectContaining({ kind: "appointmentReminder", subject_type: "appointment", subject_id: inTwoDays })]);

    await deliver();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.subject).toBe("Denk aan uw afspraak");
    expect(smtp.received[0]?.text).toContain("om 10:30");
    expect(smtp.received[0]?.text).not.toContain(TEST_LOCATION);
    expect(smtp.received[0]?.raw).not.toContain(person.family_name);
  });

  it("writes one reminder per appointment and sends each once when two instances work at the same time", async () => {
    const ids = await Promise.all([1, 2, 2, 2].map((days, i) => appointmentOn(addDays(today, days), `1${i}:00`)));
    // On PostgreSQL a second connection pool stands for a second instance; SQLite has one writer in any case.
    const second: Db =
      testDatabaseKind() === "postgres"
        ? connectDatabase(expectDefined(process.env.TEST_DATABASE_URL), { pgSchema: expectDefined(t.db.schema) })
        : t.db;
    try {
      const runs = [t.db, second, t.db, second].map((db, i) => remindAppointments(db.kysely, { id: `run-${i}`, clock }, today));
      const written = await Promise.all(runs);
      expect(written.reduce((sum, n) => sum + n, 0)).toBe(ids.length);
      expect((await outbox()).map((r) => r.subject_id).sort()).toEqual([...ids].sort());

      const rounds = await Promise.all(
        [t.db, second, t.db, second].map((db) => deliverDueNotifications(db.kysely, { clock, transports, portalUrl: PORTAL })),
      );
      expect(rounds.reduce((sum, r) => sum + r.sent, 0)).toBe(ids.length);
      expect(smtp.received).toHaveLength(ids.length);
      expect((await outbox()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    } finally {
      if (second !== t.db) await second.destroy();
    }
  });
});

describe("answers awaited", () => {
  it("tells the date to answer by for an accountability request, instead of a plain 'new letter'", async () => {
    // Volunteer work formalised seven months ago is asked about by the daily job.
    clock.set(addDays(today, -213));
    consultant = await bearerFor(t.app, "consulent@demo.local");
    expect((await formalise()).statusCode).toBe(201);
    clock.set(today);
    consultant = await bearerFor(t.app, "consulent@demo.local");
    await t.db.kysely.deleteFrom("notifications").execute();
    await runDailyJob(t.db.kysely, { clock, trigger: "manual", date: today });
    const request = await t.db.kysely
      .selectFrom("accountability_requests")
      .select("letter_id")
      .where("client_id", "=", clientId)
      .executeTakeFirstOrThrow();
    const rows = await outbox();
    expect(rows).toEqual([expect.objectContaining({ kind: "answerAwaited", subject_id: request.letter_id })]);
    expect(JSON.parse(rows[0]?.facts ?? "{}").answerBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await deliver();
    expect(smtp.received[0]?.subject).toBe("Wij wachten op uw antwoord");
    expect(smtp.received[0]?.text).toMatch(/Geef uw antwoord vóór \w+dag \d+ \w+\./);
  });
});

describe("the client's contact details", () => {
  const patch = (id: string, payload: object, headers = client) =>
    t.app.inject({ method: "PATCH", url: `/api/v1/clients/${id}/contact`, headers, payload });

  it("lets the client read and change their own, and no one else's", async () => {
    client = await bearerFor(t.app, "klant@demo.local");
    const own = await t.app.inject({ url: `/api/v1/clients/${clientId}/contact`, headers: client });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      clientId,
      email: "fatima@example.nl",
      preferredLanguage: "nl",
      notificationChannel: "email",
      abilities: { edit: true },
    });
    expect((await t.app.inject({ url: `/api/v1/clients/${otherClientId}/contact`, headers: client })).statusCode).toBe(404);
    const other = await patch(otherClientId, { preferredLanguage: "en" });
    expect(other.statusCode).toBe(404);
    expect(
      (await t.db.kysely.selectFrom("clients").select("preferred_language").where("id", "=", otherClientId).executeTakeFirstOrThrow())
        .preferred_language,
    ).toBe("nl");

    const changed = await patch(clientId, {
      phone: "+31 6 8765 4321",
      email: " Fatima.B@Example.NL ",
      preferredLanguage: "en",
      notificationChannel: "sms",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      phone: "0687654321",
      email: "fatima.b@example.nl",
      preferredLanguage: "en",
      notificationChannel: "sms",
    });
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("action", "=", "client.contact.update")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? "{}")).toEqual({ fields: ["email", "notificationChannel", "phone", "preferredLanguage"] });
    expect(audit[0]?.details).not.toContain("0687654321");
  });

  it("refuses a wrong e-mail address or phone number, or a channel without its address, naming the field and changing nothing", async () => {
    client = await bearerFor(t.app, "klant@demo.local");
    const cases: [object, string, string][] = [
      [{ email: "fatima@" }, "email", "invalidEmail"],
      [{ phone: "12345" }, "phone", "invalidPhone"],
      [{ phone: "+32 470 12 34 56" }, "phone", "invalidPhone"],
      [{ preferredLanguage: "de" }, "preferredLanguage", "invalid_value"],
      [{ notificationChannel: "sms", phone: "010 123 4567" }, "notificationChannel", "mobileMissing"],
      [{ email: null }, "notificationChannel", "emailMissing"],
    ];
    for (const [payload, name, code] of cases) {
      const refused = await patch(clientId, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.json().invalidParams).toEqual([expect.objectContaining({ name, code })]);
    }
    const stored = await t.db.kysely
      .selectFrom("clients")
      .select(["email", "phone", "notification_channel"])
      .where("id", "=", clientId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ email: "fatima@example.nl", phone: "0612345678", notification_channel: "email" });
    // A client without an address may still choose a language; choosing no messages lets the e-mail go.
    await setContact({ email: null });
    expect((await patch(clientId, { preferredLanguage: "en" })).statusCode).toBe(200);
    expect((await patch(clientId, { notificationChannel: "none" })).statusCode).toBe(200);
  });

  it("never leaves the chosen channel without its address when two changes race", async () => {
    client = await bearerFor(t.app, "klant@demo.local");
    consultant = await bearerFor(t.app, "consulent@demo.local");
    for (let round = 0; round < 5; round++) {
      await setContact({ email: "fatima@example.nl", notification_channel: "none" });
      // Each change alone is fine; together they would leave e-mail chosen without an address.
      const [dropEmail, chooseEmail] = await Promise.all([
        patch(clientId, { email: null }),
        patch(clientId, { notificationChannel: "email" }, consultant),
      ]);
      expect([dropEmail.statusCode, chooseEmail.statusCode].sort()).toEqual([200, 400]);
      const stored = await t.db.kysely
        .selectFrom("clients")
        .select(["email", "notification_channel"])
        .where("id", "=", clientId)
        .executeTakeFirstOrThrow();
      expect(stored.notification_channel === "email" && stored.email === null, JSON.stringify(stored)).toBe(false);
    }
  });

  it("lets the consultant change them for a client in their district", async () => {
    consultant = await bearerFor(t.app, "consulent@demo.local");
    const changed = await patch(clientId, { phone: "06-11223344" }, consultant);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().phone).toBe("0611223344");
  });
});
