import type { LocalProvider } from "@server/demo/local-openid-provider.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { logInAtProvider, type ProviderLogin, startTestProvider } from "@server/testing/oidc.js";
import { createTestApp, type TestApp } from "@server/testing/test-app.js";
import { completeBsn } from "@shared/validation/bsn.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let provider: LocalProvider;
let t: TestApp;

beforeAll(async () => {
  provider = await startTestProvider();
  t = await createTestApp({ clients: 40, env: { ...provider.env, SESSION_IDLE_MINUTES: "20", SESSION_MAX_HOURS: "8" } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

interface Begun {
  location: string;
  secret: string;
}

async function begin(name: "digid" | "staff", next?: string): Promise<Begun> {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/v1/login-methods/${name}/start${next ? `?next=${encodeURIComponent(next)}` : ""}`,
  });
  expect(response.statusCode).toBe(303);
  const cookie = expectDefined(
    response.cookies.find((c) => c.name === "nv_oidc"),
    "the pending-login cookie",
  );
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  return { location: String(response.headers.location), secret: cookie.value };
}

function callback(url: URL, secret: string | undefined) {
  return t.app.inject({ method: "GET", url: url.pathname + url.search, ...(secret ? { cookies: { nv_oidc: secret } } : {}) });
}

/** The whole login: the app sends the browser to the provider, the person logs in there, the app takes the answer. */
async function logIn(name: "digid" | "staff", who: ProviderLogin, next?: string) {
  const begun = await begin(name, next);
  const back = await logInAtProvider(begun.location, who);
  return callback(back, begun.secret);
}

async function me(response: Awaited<ReturnType<typeof callback>>) {
  const session = expectDefined(
    response.cookies.find((c) => c.name === "nv_session"),
    "the session cookie",
  );
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Strict");
  return t.app.inject({ method: "GET", url: "/api/v1/me", cookies: { nv_session: session.value } });
}

async function clientWithoutAccount() {
  return t.db.kysely
    .selectFrom("clients")
    .select(["id", "bsn", "given_name", "family_name"])
    .where("id", "not in", t.db.kysely.selectFrom("users").select("client_id").where("client_id", "is not", null).$castTo<string>())
    .orderBy("id")
    .executeTakeFirstOrThrow();
}

/** A valid BSN that no client has. */
async function unknownBsn(): Promise<string> {
  for (let prefix = 11_111_110; ; prefix++) {
    const bsn = completeBsn(String(prefix));
    if (bsn && !(await t.db.kysely.selectFrom("clients").select("id").where("bsn", "=", bsn).executeTakeFirst())) return bsn;
  }
}

function refusedAs(response: { statusCode: number; headers: Record<string, unknown> }, reason: string) {
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(`/login/refused?reason=${reason}`);
  expect(String(response.headers["set-cookie"] ?? "")).not.toContain("nv_session=");
}

async function failedLogins(): Promise<{ details: string | null }[]> {
  return t.db.kysely.selectFrom("audit_events").select("details").where("action", "=", "session.loginFailed").execute();
}

describe("GET /login-methods", () => {
  it("offers DigiD and the staff login when they are configured, and the password form always", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/login-methods" });
    expect(response.json()).toEqual({ password: true, digid: true, staff: true });
  });
});

describe("a client logs in with DigiD", () => {
  it("reaches their own account by the BSN claim, with the session a password login gets, on the page they came for", async () => {
    const account = await t.db.kysely
      .selectFrom("users")
      .innerJoin("clients", "clients.id", "users.client_id")
      .select(["users.id", "users.client_id", "clients.bsn"])
      .where("users.email", "=", "klant@demo.local")
      .executeTakeFirstOrThrow();
    const before = t.clock.now().getTime();
    const response = await logIn("digid", { bsn: account.bsn }, "/mijn/plan");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/mijn/plan");
    const who = await me(response);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ id: account.id, role: "client", clientId: account.client_id, loginMethod: "digid" });
    expect(who.json().csrfToken).toMatch(/^[\w-]{40,}$/);
    const session = await t.db.kysely
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", account.id)
      .where("login_method", "=", "digid")
      .executeTakeFirstOrThrow();
    // The idle lifetime of the settings (20 minutes), as for a password login.
    const ends = Date.parse(session.expires_at) - before;
    expect(ends).toBeGreaterThanOrEqual(20 * 60_000 - 5_000);
    expect(ends).toBeLessThanOrEqual(20 * 60_000 + 60_000);
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select("details")
      .where("action", "=", "session.create")
      .where("actor_id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? "{}")).toEqual({ loginMethod: "digid" });
  });

  it("gets an account made at the first login when the client has none, without a password, and the same one after", async () => {
    const client = await clientWithoutAccount();
    const first = await logIn("digid", { bsn: client.bsn });
    expect(first.headers.location).toBe("/");
    const who = (await me(first)).json();
    expect(who).toMatchObject({ role: "client", clientId: client.id, displayName: `${client.given_name} ${client.family_name}` });
    const accounts = await t.db.kysely.selectFrom("users").select(["id", "password_hash"]).where("client_id", "=", client.id).execute();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.password_hash).not.toMatch(/^scrypt\$/);
    const second = (await me(await logIn("digid", { bsn: client.bsn }))).json();
    expect(second.id).toBe(who.id);
    // The account has no password: the password form does not open it.
    const byPassword = await t.app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      payload: { email: who.email, password: "none:login-through-digid" },
    });
    expect(byPassword.statusCode).toBe(401);
  });

  it("sees only their own record", async () => {
    const client = await clientWithoutAccount();
    const response = await logIn("digid", { bsn: client.bsn });
    const session = expectDefined(
      response.cookies.find((c) => c.name === "nv_session"),
      "the session cookie",
    );
    const other = await t.db.kysely.selectFrom("clients").select("id").where("id", "!=", client.id).executeTakeFirstOrThrow();
    const own = await t.app.inject({ method: "GET", url: `/api/v1/clients/${client.id}`, cookies: { nv_session: session.value } });
    const foreign = await t.app.inject({ method: "GET", url: `/api/v1/clients/${other.id}`, cookies: { nv_session: session.value } });
    expect(own.statusCode).toBe(200);
    expect(foreign.statusCode).toBe(404);
  });

  it("refuses a BSN that is no client's with the neutral page, audits it without the BSN, and makes no account", async () => {
    const bsn = await unknownBsn();
    const users = (await t.db.kysely.selectFrom("users").select("id").execute()).length;
    const before = (await failedLogins()).length;
    const response = await logIn("digid", { bsn });
    refusedAs(response, "noAccount");
    expect((await t.db.kysely.selectFrom("users").select("id").execute()).length).toBe(users);
    const failed = await failedLogins();
    expect(failed).toHaveLength(before + 1);
    expect(JSON.parse(failed.at(-1)?.details ?? "{}")).toEqual({ loginMethod: "digid", reason: "noAccount" });
    const everything = JSON.stringify(await t.db.kysely.selectFrom("audit_events").selectAll().execute());
    expect(everything).not.toContain(bsn);
  });

  it("refuses a client whose account is deactivated with the same neutral page", async () => {
    const client = await clientWithoutAccount();
    const first = await logIn("digid", { bsn: client.bsn });
    const who = (await me(first)).json();
    await t.db.kysely.updateTable("users").set({ active: 0 }).where("id", "=", who.id).execute();
    refusedAs(await logIn("digid", { bsn: client.bsn }), "noAccount");
    // The session opened before is no longer accepted either.
    expect((await me(first)).statusCode).toBe(401);
  });

  it("says so when the person stopped at the provider", async () => {
    refusedAs(await logIn("digid", { cancel: true }), "cancelled");
  });
});

describe("a login the app did not begin, or whose answer was changed or replayed", () => {
  it("refuses an answer whose state was changed", async () => {
    const client = await clientWithoutAccount();
    const begun = await begin("digid");
    const back = await logInAtProvider(begun.location, { bsn: client.bsn });
    back.searchParams.set("state", "a-state-of-someone-else");
    refusedAs(await callback(back, begun.secret), "failed");
  });

  it("refuses an answer in a browser that did not begin the login (no cookie, or another login's)", async () => {
    const client = await clientWithoutAccount();
    const begun = await begin("digid");
    const other = await begin("digid");
    const back = await logInAtProvider(begun.location, { bsn: client.bsn });
    refusedAs(await callback(back, undefined), "failed");
    refusedAs(await callback(back, other.secret), "failed");
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const client = await clientWithoutAccount();
    const begun = await begin("digid");
    const back = await logInAtProvider(begun.location, { bsn: client.bsn });
    await t.db.kysely.updateTable("oidc_logins").set({ nonce: "another-nonce-than-the-provider-got" }).execute();
    refusedAs(await callback(back, begun.secret), "failed");
  });

  it("takes an answer once: the same answer again is refused, also when both arrive at once", async () => {
    const client = await clientWithoutAccount();
    const begun = await begin("digid");
    const back = await logInAtProvider(begun.location, { bsn: client.bsn });
    const [one, two] = await Promise.all([callback(back, begun.secret), callback(back, begun.secret)]);
    const answers = [one, two].map((r) => String(r.headers.location)).sort();
    expect(answers).toEqual(["/", "/login/refused?reason=failed"]);
    refusedAs(await callback(back, begun.secret), "failed");
  });

  it("refuses a login that took longer than ten minutes", async () => {
    const client = await clientWithoutAccount();
    const begun = await begin("digid");
    const back = await logInAtProvider(begun.location, { bsn: client.bsn });
    await t.db.kysely
      .updateTable("oidc_logins")
      .set({ expires_at: new Date(t.clock.now().getTime() - 1000).toISOString() })
      .execute();
    refusedAs(await callback(back, begun.secret), "failed");
  });

  it("never sends the browser elsewhere after login than a page of this app", async () => {
    const client = await clientWithoutAccount();
    const response = await logIn("digid", { bsn: client.bsn }, "https://elders.example/");
    expect(response.headers.location).toBe("/");
  });
});

describe("a staff member logs in through the municipality's identity provider", () => {
  it("reaches the account with their e-mail address, with its roles from Naar Vermogen, and by the subject after", async () => {
    const response = await logIn("staff", { email: "Consulent@demo.local" });
    expect(response.headers.location).toBe("/");
    const who = (await me(response)).json();
    expect(who).toMatchObject({ email: "consulent@demo.local", role: "consultant", districts: ["Charlois"], loginMethod: "staff" });
    const identity = await t.db.kysely.selectFrom("user_identities").selectAll().where("user_id", "=", who.id).executeTakeFirstOrThrow();
    expect(identity.issuer).toBe(provider.issuer);
    // A later login goes by the subject: the account's address may change in Naar Vermogen.
    await t.db.kysely.updateTable("users").set({ email: "c.nieuw@demo.local" }).where("id", "=", who.id).execute();
    const again = (await me(await logIn("staff", { email: "consulent@demo.local" }))).json();
    expect(again.id).toBe(who.id);
    await t.db.kysely.updateTable("users").set({ email: "consulent@demo.local" }).where("id", "=", who.id).execute();
  });

  it("refuses an unknown identity", async () => {
    refusedAs(await logIn("staff", { email: "onbekend@gemeente.example" }), "noStaffAccount");
  });

  it("refuses a deactivated account", async () => {
    const account = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "consulent2@demo.local")
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("users").set({ active: 0 }).where("id", "=", account.id).execute();
    refusedAs(await logIn("staff", { email: "consulent2@demo.local" }), "noStaffAccount");
    await t.db.kysely.updateTable("users").set({ active: 1 }).where("id", "=", account.id).execute();
  });

  it("refuses a client's account: clients log in with DigiD", async () => {
    refusedAs(await logIn("staff", { email: "klant@demo.local" }), "noStaffAccount");
  });
});

describe("logout", () => {
  it("ends the session and offers the provider's own logout", async () => {
    const response = await logIn("staff", { email: "teamleider@demo.local" });
    const session = expectDefined(
      response.cookies.find((c) => c.name === "nv_session"),
      "the session cookie",
    );
    const csrf = (await me(response)).json().csrfToken as string;
    const out = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/sessions/current",
      cookies: { nv_session: session.value },
      headers: { "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me", cookies: { nv_session: session.value } })).statusCode).toBe(401);
    const atProvider = await t.app.inject({ method: "GET", url: "/api/v1/login-methods/staff/logout" });
    expect(atProvider.statusCode).toBe(303);
    const target = new URL(String(atProvider.headers.location));
    expect(target.origin).toBe(provider.issuer);
    expect(target.searchParams.get("post_logout_redirect_uri")).toBe("http://app.test/login?loggedOut=1");
  });
});
