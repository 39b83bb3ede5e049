import net from "node:net";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { PROBLEM_CODES } from "@shared/problem-codes.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let port: number;

beforeAll(async () => {
  t = await createTestApp({ clients: 20, env: { REQUEST_TIMEOUT_SECONDS: "1" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  // Node checks request timeouts on an interval (30 s by default) that it reads when the server starts listening.
  // (@types/node 20 lacks the property.)
  Object.assign(t.app.server, { connectionsCheckingInterval: 100 });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

/** Sends raw bytes, keeps the socket open and resolves with everything the server wrote before it closed. */
function sendRaw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("Fastify's own refusals", () => {
  it("answer with a code from the project's list, never Fastify's internal FST_ names", async () => {
    const tooLarge = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: { ...consultant, "content-type": "application/json" },
      payload: JSON.stringify({ givenName: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers["content-type"]).toContain("application/problem+json");
    expect(tooLarge.json()).toMatchObject({ status: 413, code: "bodyTooLarge" });

    const emptyJson = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: { ...consultant, "content-type": "application/json" },
      payload: "",
    });
    expect(emptyJson.statusCode).toBe(400);
    expect(emptyJson.json().code).toBe("badRequest");
    expect(emptyJson.json().invalidParams).toEqual([expect.objectContaining({ name: "body" })]);

    // The parser refuses a prototype key anywhere in the body: a 400 that names the body, nothing written.
    const poisoned = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: { ...consultant, "content-type": "application/json" },
      payload: '{"givenName":{"x":{"__proto__":""}}}',
    });
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.headers["content-type"]).toContain("application/problem+json");
    expect(poisoned.json().invalidParams).toEqual([expect.objectContaining({ name: "body" })]);

    for (const response of [tooLarge, emptyJson, poisoned]) {
      expect(PROBLEM_CODES).toContain(response.json().code);
      expect(response.body).not.toContain("FST_");
    }
  });

  it("closes a request whose body trickles in slower than REQUEST_TIMEOUT_SECONDS with 408", async () => {
    const started = Date.now();
    const answer = await sendRaw(
      `POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"badRequest"');
    // Not held open for Node's own five minutes.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
