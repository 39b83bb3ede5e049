import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let admin: { authorization: string };

beforeAll(async () => {
  t = await createTestApp({ clients: 60 });
  admin = await bearerFor(t.app, "admin@demo.local");
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `nieuw.${Math.random().toString(36).slice(2)}@gemeente.example`,
  displayName: "Nieuwe Collega",
  role: "consultant",
  districts: ["Feijenoord"],
  password: "een-lang-wachtwoord",
  ...overrides,
});

describe("users", () => {
  it("rejects the unauthenticated and every non-admin role", async () => {
    expect((await t.app.inject({ url: "/api/v1/users" })).statusCode).toBe(401);
    for (const email of [
      "consulent@demo.local",
      "teamleider@demo.local",
      "organisatie@demo.local",
      "klant@demo.local",
      "onderzoeker@demo.local",
    ]) {
      const headers = await bearerFor(t.app, email);
      expect((await t.app.inject({ url: "/api/v1/users", headers })).statusCode, email).toBe(403);
      expect((await t.app.inject({ method: "POST", url: "/api/v1/users", headers, payload: newUser() })).statusCode, email).toBe(403);
    }
  });

  it("creates a consultant bound to a district who then sees only that district", async () => {
    const body = newUser();
    const created = await t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: "consultant", districts: ["Feijenoord"], active: true });
    expect(created.json()).not.toHaveProperty("passwordHash");
    const headers = await bearerFor(t.app, body.email, body.password);
    const list = (await t.app.inject({ url: "/api/v1/clients?pageSize=200", headers })).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((c: { district: string }) => c.district))).toEqual(new Set(["Feijenoord"]));
  });

  it("binds a host user to an organisation and a client user to a client record", async () => {
    const org = await t.db.kysely.selectFrom("organisations").select("id").limit(1).executeTakeFirstOrThrow();
    const client = await t.db.kysely.selectFrom("clients").select("id").limit(1).executeTakeFirstOrThrow();
    const host = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: admin,
      payload: newUser({ role: "host", districts: [], organisationId: org.id }),
    });
    expect(host.statusCode).toBe(201);
    expect(host.json().organisationId).toBe(org.id);
    const clientUser = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: admin,
      payload: newUser({ role: "client", districts: [], clientId: client.id }),
    });
    expect(clientUser.statusCode).toBe(201);
    expect(clientUser.json().clientId).toBe(client.id);
  });

  it("refuses a binding that does not fit the role, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: "consultant", districts: [] }, "districts"],
      [{ role: "consultant", districts: ["Atlantis"] }, "districts"],
      [{ role: "host", districts: [] }, "organisationId"],
      [{ role: "host", districts: [], organisationId: "00000000-0000-4000-8000-000000000000" }, "organisationId"],
      [{ role: "client", districts: [] }, "clientId"],
      [{ role: "researcher", districts: ["Noord"] }, "districts"],
    ];
    for (const [overrides, field] of cases) {
      const response = await t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin, payload: newUser(overrides) });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.json().invalidParams[0].name).toBe(field);
    }
  });

  it("answers 409 for a duplicate email and 400 for a short password", async () => {
    const dup = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: admin,
      payload: newUser({ email: "consulent@demo.local" }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().invalidParams[0].name).toBe("email");
    const short = await t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin, payload: newUser({ password: "kort" }) });
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams[0].name).toBe("password");
  });

  it("deactivating an account ends its sessions and blocks login", async () => {
    const body = newUser();
    const { id } = (await t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin, payload: body })).json();
    const headers = await bearerFor(t.app, body.email, body.password);
    const patched = await t.app.inject({ method: "PATCH", url: `/api/v1/users/${id}`, headers: admin, payload: { active: false } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().active).toBe(false);
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(401);
    const login = await t.app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email: body.email, password: body.password } });
    expect(login.statusCode).toBe(401);
  });

  it("keeps the sessions of an account whose role is sent unchanged, and ends them when it changes", async () => {
    const body = newUser();
    const { id } = (await t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin, payload: body })).json();
    const headers = await bearerFor(t.app, body.email, body.password);
    await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { role: "consultant", displayName: "Hernoemd" },
    });
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(200);
    await t.app.inject({ method: "PATCH", url: `/api/v1/users/${id}`, headers: admin, payload: { role: "researcher", districts: [] } });
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(401);
  });

  it("moves a consultant to other districts", async () => {
    const body = newUser();
    const { id } = (await t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin, payload: body })).json();
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { districts: ["Noord", "Centrum"] },
    });
    expect(patched.json().districts).toEqual(["Centrum", "Noord"]);
  });

  it("keeps an admin from locking themselves out", async () => {
    const me = (await t.app.inject({ url: "/api/v1/me", headers: admin })).json();
    const response = await t.app.inject({ method: "PATCH", url: `/api/v1/users/${me.id}`, headers: admin, payload: { active: false } });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("selfLockout");
  });

  it("searches accounts by name or email and filters by role", async () => {
    const response = await t.app.inject({ url: "/api/v1/users?q=consulent@demo&role=consultant", headers: admin });
    expect(response.json().items.map((u: { email: string }) => u.email)).toEqual(["consulent@demo.local"]);
  });

  it("records account changes in the audit log", async () => {
    const audit = (await t.app.inject({ url: "/api/v1/audit-events?category=admin&pageSize=100", headers: admin })).json();
    const actions = new Set(audit.items.map((e: { action: string }) => e.action));
    expect(actions.has("user.create")).toBe(true);
    expect(actions.has("user.update")).toBe(true);
  });
});

describe("API tokens", () => {
  it("an admin issues a token that works as bearer until revoked", async () => {
    const researcher = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "onderzoeker@demo.local")
      .executeTakeFirstOrThrow();
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/api-tokens",
      headers: admin,
      payload: { userId: researcher.id, name: "Statistiekkoppeling" },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: "/api/v1/me", headers })).json().email).toBe("onderzoeker@demo.local");
    const listed = (await t.app.inject({ url: "/api/v1/api-tokens", headers: admin })).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/api-tokens/${id}`, headers: admin })).statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/me", headers })).statusCode).toBe(401);
  });

  it("an API token does not work as a session cookie", async () => {
    const researcher = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "onderzoeker@demo.local")
      .executeTakeFirstOrThrow();
    const { token } = (
      await t.app.inject({ method: "POST", url: "/api/v1/api-tokens", headers: admin, payload: { userId: researcher.id, name: "x" } })
    ).json();
    expect((await t.app.inject({ url: "/api/v1/me", headers: { cookie: `nv_session=${token}` } })).statusCode).toBe(401);
  });
});
