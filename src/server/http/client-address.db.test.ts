import { randomUUID } from "node:crypto";
import { createApp } from "@server/app.js";
import { loadConfig } from "@server/config.js";
import { createTestDatabase } from "@server/testing/test-app.js";
import type { FastifyInstance } from "fastify";
import { afterAll, describe, expect, it } from "vitest";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/**
 * The app as configured by these variables (three login attempts per address per minute), with one extra route
 * outside the API that answers the address the app sees for the request.
 */
async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const db = await createTestDatabase();
  const app = await createApp({
    config: loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "a-long-and-random-test-secret",
      RESEARCH_PSEUDONYM_KEY: "a-long-and-random-test-pseudonym-key",
      LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "3",
      ...env,
    }),
    db,
    logger: false,
    webRoot: null,
  });
  app.get("/address-seen", async (request) => ({ ip: request.ip }));
  await app.ready();
  closers.push(async () => {
    await app.close();
    await db.drop();
  });
  return app;
}

const PROXY = "10.0.0.7";
const seenIp = async (app: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  (await app.inject({ url: "/address-seen", remoteAddress, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} })).json().ip;

/** Login attempts for unknown accounts, each from a made-up address in X-Forwarded-For; their status codes. */
async function loginsWithMadeUpAddresses(app: FastifyInstance, attempts: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 1; i <= attempts; i++) {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      remoteAddress: PROXY,
      headers: { "x-forwarded-for": `198.51.100.${i}` },
      payload: { email: `onbekend${i}@demo.local`, password: "geraden" },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
}

describe("the client's address behind a proxy", () => {
  it("by default, even in production, is the connection's own: a made-up X-Forwarded-For changes nothing", async () => {
    const app = await appWith({});
    expect(await seenIp(app, PROXY, "203.0.113.9")).toBe(PROXY);
    expect(await seenIp(app, PROXY, "203.0.113.9, 198.51.100.4")).toBe(PROXY);
    // The per-address login limit bites after three attempts, whatever address each one claims.
    expect(await loginsWithMadeUpAddresses(app, 4)).toEqual([401, 401, 401, 429]);
    // So does the limit on public displacement complaints (ten a minute).
    const complaints: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const response = await app.inject({
        method: "POST",
        url: `/api/v1/roles/${randomUUID()}/displacement-complaints`,
        remoteAddress: PROXY,
        headers: { "x-forwarded-for": `198.51.100.${i}` },
        // A complaint the route would take: the limit counts those (the role does not exist, so none is stored).
        payload: { filerKind: "resident", description: `Klacht nummer ${i}: dit werk deed een betaalde kracht.` },
      });
      complaints.push(response.statusCode);
    }
    expect(complaints.slice(0, 10).every((status) => status !== 429)).toBe(true);
    expect(complaints[10]).toBe(429);
  });

  it("with TRUST_PROXY=1 is the address the one proxy in front forwarded, which the login limit counts by", async () => {
    const app = await appWith({ TRUST_PROXY: "1" });
    expect(await seenIp(app, PROXY, "203.0.113.9")).toBe("203.0.113.9");
    // A client's own made-up entry sits left of what the proxy appended, and is not believed.
    expect(await seenIp(app, PROXY, "192.0.2.66, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seenIp(app, PROXY)).toBe(PROXY);
    expect(await loginsWithMadeUpAddresses(app, 4)).toEqual([401, 401, 401, 401]);
  });

  it("with a list of proxy addresses believes X-Forwarded-For only from those proxies", async () => {
    const app = await appWith({ TRUST_PROXY: "10.0.0.0/24, 192.168.1.1" });
    expect(await seenIp(app, PROXY, "203.0.113.9")).toBe("203.0.113.9");
    expect(await seenIp(app, "192.168.1.1", "10.0.0.8, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seenIp(app, "192.0.2.1", "203.0.113.9")).toBe("192.0.2.1");
  });
});
