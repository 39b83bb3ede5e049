import { createApp } from "@server/app.js";
import { hashSecret } from "@server/auth/tokens.js";
import { TestClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock, env: { SESSION_IDLE_MINUTES: "30" } });
});
afterAll(() => t.close());

function login(email: string, password: string) {
  return t.app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email, password } });
}

function sessionCookie(response: Awaited<ReturnType<typeof login>>): string {
  const cookie = response.cookies.find((c) => c.name === "nv_session");
  if (!cookie) throw new Error("no session cookie");
  return `nv_session=${cookie.value}`;
}

describe("POST /sessions", () => {
  it("returns a token and the user, and sets an httpOnly SameSite cookie", async () => {
    const response = await login("consulent@demo.local", "demo");
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.token).toMatch(/^[\w-]{40,}$/);
    expect(body.user).toMatchObject({ email: "consulent@demo.local", role: "consultant", districts: ["Charlois"] });
    const cookie = expectDefined(
      response.cookies.find((c) => c.name === "nv_session"),
      "the session cookie",
    );
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(body.user).not.toHaveProperty("passwordHash");
  });

  it("answers a wrong password and an unknown account identically", async () => {
    const wrong = await login("consulent@demo.local", "not-the-password");
    const unknown = await login("nobody@demo.local", "not-the-password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it("rejects a deactivated account like a wrong password", async () => {
    await t.db.kysely.updateTable("users").set({ active: 0 }).where("email", "=", "consulent2@demo.local").execute();
    const response = await login("consulent2@demo.local", "demo");
    expect(response.statusCode).toBe(401);
    await t.db.kysely.updateTable("users").set({ active: 1 }).where("email", "=", "consulent2@demo.local").execute();
  });

  it("stores only a hash of the token", async () => {
    const { token } = (await login("admin@demo.local", "demo")).json();
    const rows = await t.db.kysely.selectFrom("sessions").select("id").execute();
    expect(rows.map((r) => r.id)).toContain(hashSecret(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it("throttles an account after ten failures, whether or not it exists", async () => {
    for (const email of ["teamleider@demo.local", "ghost@demo.local"]) {
      for (let i = 0; i < 10; i++) expect((await login(email, `wrong-${i}`)).statusCode).toBe(401);
      const blocked = await login(email, "demo");
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe("tooManyAttempts");
    }
  });
});

describe("session use", () => {
  it("GET /me answers 401 without credentials and the user with them", async () => {
    expect((await t.app.inject({ url: "/api/v1/me" })).statusCode).toBe(401);
    const headers = await bearerFor(t.app, "onderzoeker@demo.local");
    expect((await t.app.inject({ url: "/api/v1/me", headers })).json()).toMatchObject({ role: "researcher" });
  });

  it("requires the CSRF token for writes authenticated by the cookie, not for bearer writes", async () => {
    const response = await login("admin@demo.local", "demo");
    const cookie = sessionCookie(response);
    const csrf = response.json().user.csrfToken as string;
    const payload = { name: "Testorganisatie", kvkNumber: "12345678", postcode: "3084 AA", houseNumber: 1, guidanceHoursPerWeek: 4 };
    const without = await t.app.inject({ method: "POST", url: "/api/v1/organisations", headers: { cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("csrfTokenInvalid");
    const withToken = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { cookie, "x-csrf-token": csrf },
      payload,
    });
    expect(withToken.statusCode).toBe(201);
    const bearer = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { authorization: `Bearer ${response.json().token}` },
      payload,
    });
    expect(bearer.statusCode).toBe(201);
    // Reading with the cookie needs no token.
    expect((await t.app.inject({ url: "/api/v1/me", headers: { cookie } })).statusCode).toBe(200);
  });

  it("expires a session after the idle time", async () => {
    const { token } = (await login("consulent@demo.local", "demo")).json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(200);
    clock.advance({ minutes: 31 });
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(401);
  });

  it("slides the idle expiry forward while the session is used", async () => {
    const { token } = (await login("consulent@demo.local", "demo")).json();
    const id = hashSecret(token);
    clock.advance({ minutes: 29 });
    await t.app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    const row = await t.db.kysely.selectFrom("sessions").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.expires_at).toBe(new Date(clock.now().getTime() + 30 * 60_000).toISOString());
    clock.advance({ minutes: 29 });
    expect((await t.app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });

  it("counts the idle time from the last request, however soon it followed the one before", async () => {
    const { token } = (await login("consulent@demo.local", "demo")).json();
    const me = () => t.app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    // Each round a request within a minute of the last, then one just within the idle time of it: once the sessions
    // were touched at most once a minute, the first round already ended the session at 30 minutes after login.
    for (let round = 0; round < 3; round++) {
      clock.advance({ seconds: 59 });
      expect((await me()).statusCode).toBe(200);
      clock.advance({ minutes: 29 });
      expect((await me()).statusCode).toBe(200);
    }
  });

  it("writes the session once for a burst of requests, and still ends it the idle time after the recorded one", async () => {
    const { token } = (await login("consulent@demo.local", "demo")).json();
    const id = hashSecret(token);
    const loggedInAt = clock.now().toISOString();
    const me = () => t.app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    const lastSeen = async () =>
      (await t.db.kysely.selectFrom("sessions").select("last_seen_at").where("id", "=", id).executeTakeFirstOrThrow()).last_seen_at;
    // Requests within the tolerance of the recorded one write nothing.
    clock.advance({ seconds: 4 });
    expect((await me()).statusCode).toBe(200);
    expect(await lastSeen()).toBe(loggedInAt);
    // The idle time counts from the recorded request, at most the tolerance before the last one.
    clock.set(new Date(Date.parse(loggedInAt) + 30 * 60_000 - 1));
    expect((await me()).statusCode).toBe(200);
    expect(await lastSeen()).toBe(clock.now().toISOString());
    clock.advance({ minutes: 30 });
    expect((await me()).statusCode).toBe(401);
  });

  it("ends an unused session at exactly the idle time, refuses it with 401 and removes it", async () => {
    const used = (await login("consulent@demo.local", "demo")).json().token as string;
    const unused = (await login("consulent@demo.local", "demo")).json().token as string;
    clock.advance({ minutes: 30, seconds: -1 });
    expect((await t.app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer ${used}` } })).statusCode).toBe(200);
    clock.advance({ seconds: 1 });
    const refused = await t.app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer ${unused}` } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe("unauthenticated");
    const rows = await t.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("id", "in", [hashSecret(used), hashSecret(unused)])
      .execute();
    expect(rows.map((r) => r.id)).toEqual([hashSecret(used)]);
  });

  it("ends any session SESSION_MAX_HOURS after login, even one used every minute", async () => {
    const app = await createApp({
      config: loadConfig({ NODE_ENV: "test", SESSION_IDLE_MINUTES: "30", SESSION_MAX_HOURS: "2" }),
      db: t.db,
      logger: false,
      webRoot: null,
      clock,
    });
    try {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        payload: { email: "consulent@demo.local", password: "demo" },
      });
      const loggedInAt = clock.now().getTime();
      const id = hashSecret(response.json().token);
      const headers = { authorization: `Bearer ${response.json().token}` };
      for (let minute = 1; minute < 2 * 60; minute++) {
        clock.set(new Date(loggedInAt + minute * 60_000));
        const answer = await app.inject({ url: "/api/v1/me", headers });
        if (answer.statusCode !== 200) throw new Error(`refused ${minute} minutes after login: ${answer.statusCode}`);
      }
      const row = await t.db.kysely.selectFrom("sessions").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
      // The last request slid the idle expiry only up to the absolute lifetime.
      expect(row.expires_at).toBe(new Date(loggedInAt + 2 * 3_600_000).toISOString());
      clock.set(new Date(loggedInAt + 2 * 3_600_000));
      expect((await app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(401);
      expect(await t.db.kysely.selectFrom("sessions").select("id").where("id", "=", id).execute()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("logs out: the token stops working", async () => {
    const headers = await bearerFor(t.app, "consulent@demo.local");
    expect((await t.app.inject({ method: "DELETE", url: "/api/v1/sessions/current", headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(401);
  });
});

describe("PUT /me/password", () => {
  it("refuses a wrong current password and a short new one, naming the field", async () => {
    const headers = await bearerFor(t.app, "klant@demo.local");
    const wrong = await t.app.inject({
      method: "PUT",
      url: "/api/v1/me/password",
      headers,
      payload: { currentPassword: "x", newPassword: "a-good-long-password" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().invalidParams[0]).toMatchObject({ name: "currentPassword", code: "wrongPassword" });
    const short = await t.app.inject({
      method: "PUT",
      url: "/api/v1/me/password",
      headers,
      payload: { currentPassword: "demo", newPassword: "short" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams[0].name).toBe("newPassword");
  });

  it("changes the password and ends the user's other sessions", async () => {
    const other = await bearerFor(t.app, "onderzoeker@demo.local");
    const current = await bearerFor(t.app, "onderzoeker@demo.local");
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/v1/me/password",
      headers: current,
      payload: { currentPassword: "demo", newPassword: "a-much-better-passphrase" },
    });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/me", headers: current })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/me", headers: other })).statusCode).toBe(401);
    expect((await login("onderzoeker@demo.local", "demo")).statusCode).toBe(401);
    expect((await login("onderzoeker@demo.local", "a-much-better-passphrase")).statusCode).toBe(201);
  });
});
