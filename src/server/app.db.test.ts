import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createTestApp, createTestDatabase, type TestApp } from "./testing/test-app.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 20 });
});
afterAll(() => t.close());

describe("the application shell", () => {
  it("answers health without authentication, with the API-Version header", async () => {
    const response = await t.app.inject({ url: "/api/v1/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
    expect(response.headers["api-version"]).toBe("1.0.0");
  });

  it("answers an unknown route with 404 problem+json", async () => {
    const response = await t.app.inject({ url: "/api/v1/no-such-thing" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, title: "Not found", code: "notFound" });
  });

  it("answers malformed JSON with 400 problem+json", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("serves the OpenAPI 3.1 document with paths relative to the versioned server URL", async () => {
    const document = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers[0].url).toBe("/api/v1");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/clients", "/clients/{id}", "/sessions", "/audit-events", "/health"]),
    );
    expect(document.paths["/clients"].post.responses["400"].content).toHaveProperty("application/problem+json");
    expect(document.paths["/clients"].get.responses["200"].headers).toHaveProperty("API-Version");
  });

  it("serves human-readable API documentation", async () => {
    const response = await t.app.inject({ url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("swagger");
  });
});

describe("start-up guards and unexpected errors", () => {
  it("fails start-up when an /api route has no policy", async () => {
    const db = await createTestDatabase();
    const app = await createApp({ config: loadConfig({ NODE_ENV: "test" }), db, logger: false, webRoot: null });
    try {
      expect(() => app.get("/api/v1/forgotten", async () => "oops")).toThrow(/has no policy/);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it("hides the stack trace of a 500 and returns a request id that is also logged", async () => {
    const db = await createTestDatabase();
    let log = "";
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const app = await createApp({ config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "error" }), db, webRoot: null, logStream });
    await db.destroy(); // every query now fails unexpectedly
    try {
      // Looking up the bearer token is the request's first query.
      const response = await app.inject({ url: "/api/v1/me", headers: { authorization: "Bearer some-token" } });
      expect(response.statusCode).toBe(500);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 500, code: "internalError" });
      expect(problem.requestId).toMatch(/[0-9a-f-]{36}/);
      expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(response.body).not.toMatch(/stack/i);
      expect(log).toContain(problem.requestId);
      expect(log).toContain("unexpected error");
    } finally {
      await app.close();
      await db.drop().catch(() => {});
    }
  });
});
