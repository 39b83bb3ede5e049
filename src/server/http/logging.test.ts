import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggerOptions, maskBsns, urlForLog } from "./logging.js";

describe("what the request log may write", () => {
  it("keeps a URL's path and the names of its query parameters, never their values", () => {
    expect(urlForLog("/api/v1/clients")).toBe("/api/v1/clients");
    expect(urlForLog("/api/v1/clients?q=123456782&page=2&q=x")).toBe("/api/v1/clients?q&page");
    expect(urlForLog("/clients?q=de%20Vries")).toBe("/clients?q");
    // A parameter name is a name: a number sent as one is dropped like a value.
    expect(urlForLog("/api/v1/health?123456782")).toBe("/api/v1/health");
  });

  it("masks nine digits standing alone, and leaves longer numbers and identifiers alone", () => {
    expect(maskBsns('{"msg":"bsn 123456782 and (123456782)","q":"123456782"}')).toBe(
      '{"msg":"bsn ********* and (*********)","q":"*********"}',
    );
    const untouched = '{"time":1764704468123,"reqId":"0b9d2c3e-1234-4567-8901-123456789012","phone":"0612345678"}';
    expect(maskBsns(untouched)).toBe(untouched);
  });

  it("writes an error without PostgreSQL's detail, which quotes the row", () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "clients_bsn_key"'), {
      code: "23505",
      detail: "Key (bsn)=(123456782) already exists.",
    });
    const written = loggerOptions("info").serializers.err(error);
    expect(written).toMatchObject({ type: "Error", code: "23505", message: error.message });
    expect(JSON.stringify(written)).not.toContain("Key (bsn)");
  });
});

// A real server process, as an operator runs it: its whole output is searched for every BSN of its clients.
const root = path.resolve(import.meta.dirname, "../../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-log-"));
const databaseFile = path.join(dir, "log.sqlite");
let server: ChildProcess;
let output = "";
let baseUrl = "";

async function call(method: string, url: string, options: { token?: string; body?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${url}`, { method, headers, body: options.body });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs"), "--if-stale", "node"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  server = spawn(process.execPath, [path.join(root, "dist/node/server.js")], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: `sqlite:${databaseFile}`,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      NV_DEMO_CLIENTS: "60",
      NV_SCHEDULER: "off",
    },
  });
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!baseUrl) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    if (Date.now() - started > 90_000) throw new Error(`the server did not start:\n${output}`);
    baseUrl = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a server run's log", () => {
  it("holds none of its clients' BSNs after searches, refusals and errors with a BSN", async () => {
    const login = await call("POST", "/api/v1/sessions", {
      body: JSON.stringify({ email: "consulent@demo.local", password: "demo" }),
    });
    const { token } = JSON.parse(login.body) as { token: string };
    const database = new Database(databaseFile, { readonly: true });
    const clients = database.prepare("SELECT id, bsn, district FROM clients ORDER BY id").all() as {
      id: string;
      bsn: string;
      district: string;
    }[];
    database.close();
    const own = clients.find((client) => client.district === "Charlois");
    const other = clients.find((client) => client.district !== "Charlois");
    if (!own || !other) throw new Error("the demo population has clients in Charlois and elsewhere");

    // The caseload search by BSN, in a POST body, finds the client.
    const found = await call("POST", "/api/v1/clients/_search", { token, body: JSON.stringify({ q: own.bsn }) });
    expect(found.status).toBe(200);
    expect(JSON.parse(found.body).items.map((c: { id: string }) => c.id)).toEqual([own.id]);

    // The same search in a URL is refused, naming `q`, whatever way the BSN is written.
    for (const q of [own.bsn, `${own.bsn.slice(0, 3)}.${own.bsn.slice(3, 5)}.${own.bsn.slice(5)}`]) {
      const refused = await call("GET", `/api/v1/clients?q=${encodeURIComponent(q)}`, { token });
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body).invalidParams).toEqual([{ name: "q", code: "bsnInUrl", reason: expect.any(String) }]);
    }
    // A BSN in the query string of any route, and in the web app's address.
    await call("GET", `/api/v1/clients/${own.id}?bsn=${own.bsn}`, { token });
    await call("GET", `/clients?q=${own.bsn}`);

    // Registering with a BSN already held, in the caller's district and out of it.
    const registration = {
      givenName: "Ada",
      familyName: "Test",
      birthDate: "1980-01-01",
      postcode: "3084 AB",
      houseNumber: 1,
      benefitStartDate: "2015-01-01",
      householdSituation: "single",
    };
    const duplicate = await call("POST", "/api/v1/clients", { token, body: JSON.stringify({ ...registration, bsn: own.bsn }) });
    expect(JSON.parse(duplicate.body).code).toBe("duplicateBsn");
    const elsewhere = await call("POST", "/api/v1/clients", { token, body: JSON.stringify({ ...registration, bsn: other.bsn }) });
    expect(JSON.parse(elsewhere.body).code).toBe("bsnNeedsReview");
    // A validation error with a BSN in the body, a body that is not JSON, and a BSN where a number belongs.
    const invalid = await call("POST", "/api/v1/clients", {
      token,
      body: JSON.stringify({ ...registration, bsn: own.bsn, postcode: "x" }),
    });
    expect(JSON.parse(invalid.body).invalidParams).toEqual([{ name: "postcode", code: "invalidPostcode", reason: expect.any(String) }]);
    const malformed = await call("POST", "/api/v1/clients/_search", { token, body: `{"q": x${own.bsn}}` });
    expect(malformed.status).toBe(400);
    expect(malformed.body).not.toContain(own.bsn);
    const wrongType = await call("PATCH", `/api/v1/clients/${own.id}`, { token, body: JSON.stringify({ houseNumber: own.bsn }) });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).not.toContain(own.bsn);

    // The log holds those requests, but none of the BSNs.
    expect(output).toContain('"url":"/api/v1/clients/_search"');
    expect(output).toContain('"url":"/api/v1/clients?q"');
    expect(output).toContain('"url":"/clients?q"');
    expect(clients.length).toBeGreaterThanOrEqual(60);
    expect(clients.filter((client) => output.includes(client.bsn)).map((client) => client.bsn)).toEqual([]);
  });
});
