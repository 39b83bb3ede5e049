import { TestClock } from "@server/clock.js";
import { API_BASE } from "@server/http/openapi.js";
import { PROBLEM_TYPE } from "@server/http/problem.js";
import { type ApiRoute, routeKey } from "@server/http/route-table.js";
import {
  type AuthorizationFixtures,
  buildAuthorizationFixtures,
  idResourceOf,
  MATRIX_ACCOUNTS,
  pathWithId,
} from "@server/testing/authorization-fixtures.js";
import { AUTHORIZATION_MATRIX, MATRIX_TODAY, type MatrixRow } from "@server/testing/authorization-matrix.js";
import { multipartFile, SAMPLE_PDF } from "@server/testing/multipart.js";
import { applicationTables, countRows } from "@server/testing/row-counts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { UserRole } from "@shared/enums.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

/**
 * Bad input at every write route, as an authorized caller with in-scope ids: arbitrary JSON, wrong types, extreme
 * strings (huge, unicode, null bytes), missing and extra fields. Never a 5xx; a 4xx is problem+json, a 400 names
 * the field; and a refused request writes no row. The seed is fixed and printed, so a failure replays.
 */

const FUZZ_SEED = 20_261_202;
const MIN_CASES = 2_000;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// The role that fuzzes a route: the first of these the matrix allows (anonymous for a public route).
const FUZZ_ROLES: readonly UserRole[] = ["consultant", "teamLead", "admin", "host", "client", "researcher"];
// Refusals some rules and failed logins record in the audit log by design; a 400 writes nothing at all.
const AUDITED_REFUSALS = new Set(["audit_events"]);
// A limit counts attempts, refused ones too (a wrong current password is a 400 and still an attempt).
const COUNTED_ATTEMPTS = "throttle_events";
const ENDS_SESSION = "DELETE /sessions/current";
// Fewer cases where each costs a login (a deliberately slow password hash); the other routes make up the total.
const RUNS: Record<string, number> = { [ENDS_SESSION]: 5 };

let t: TestApp;
let fixtures: AuthorizationFixtures;
let tables: string[];

beforeAll(async () => {
  t = await createTestApp({ clients: 80, seed: 7, historyShare: 0.5, clock: new TestClock(MATRIX_TODAY) });
  fixtures = await buildAuthorizationFixtures(t);
  tables = await applicationTables(t.db);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function fuzzCaller(row: MatrixRow): UserRole | "anonymous" | undefined {
  if (row.anonymous) return "anonymous";
  return FUZZ_ROLES.find((role) => row.roles[role] !== undefined);
}

/** The field names a body schema knows (of every branch of a union), so mutations hit real fields. */
function fieldNamesOf(schema: unknown): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    anyOf?: { properties?: Record<string, unknown> }[];
    oneOf?: { properties?: Record<string, unknown> }[];
  };
  const branches = [json, ...(json.anyOf ?? []), ...(json.oneOf ?? [])];
  return [...new Set(branches.flatMap((branch) => Object.keys(branch.properties ?? {})))].sort();
}

const extremeString = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\uFEFF",
      "\u202Eevil",
      "\u200B\u200B",
      "<script>alert(1)</script>",
      "' OR 1=1 --",
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`), weight: 2 },
  { arbitrary: fc.constantFrom("x".repeat(100_000), "😀".repeat(20_000), "\u0000".repeat(5_000)), weight: 1 },
);
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: extremeString, weight: 5 },
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, true, false, null, [], {}),
  fc.constantFrom("2026-02-30", "2026-13-01", "0000-00-00", "99999-01-01", "2026-06-15T25:00:00Z", "00000000-0000-0000-0000-000000000000"),
  fc.jsonValue({ maxDepth: 2 }),
);

function bodyArbitrary(valid: Record<string, unknown>, fields: string[]): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 3 });
  const extra = fc.tuple(fc.string({ maxLength: 12 }), wrongValue).map(([key, value]) => ({ ...valid, [key]: value }));
  if (fields.length === 0) return fc.oneof(anything, extra);
  const field = fc.constantFrom(...fields);
  return fc.oneof(
    anything,
    extra,
    { arbitrary: fc.tuple(field, wrongValue).map(([key, value]) => ({ ...valid, [key]: value })), weight: 4 },
    field.map((key) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key))),
    fc.dictionary(field, wrongValue, { minKeys: 1 }).map((wrong) => ({ ...valid, ...wrong })),
  );
}

/**
 * A well-formed multipart form with one part of arbitrary name, file name, media type and bytes. (A malformed
 * envelope is the upload routes' own test's matter; quotes and line breaks are kept out of the part's header.)
 */
const uploadArbitrary = fc.record({
  field: fc.oneof(fc.constant("file"), fc.string({ maxLength: 12 })),
  filename: extremeString,
  mediaType: fc.constantFrom("application/pdf", "image/png", "text/plain", "application/octet-stream", ""),
  content: fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.concat([SAMPLE_PDF, Buffer.from(bytes)])),
    fc.constant(Buffer.alloc(0)),
  ),
});

type FuzzInput = { json: unknown } | { upload: { field: string; filename: string; mediaType: string; content: Buffer } };

/** What a route is sent: JSON bodies, and for an upload route multipart forms as well. */
function inputArbitrary(row: MatrixRow, valid: Record<string, unknown>, fields: string[]): fc.Arbitrary<FuzzInput> {
  const json = bodyArbitrary(valid, fields).map((body) => ({ json: body }));
  return row.upload
    ? fc.oneof(
        uploadArbitrary.map((part) => ({ upload: part })),
        json,
      )
    : json;
}

/** The request a case sends: the body as JSON, or the part as a multipart form. */
function requestOf(input: FuzzInput): { payload: string | Buffer; headers: Record<string, string> } {
  if ("json" in input) return { payload: JSON.stringify(input.json) ?? "null", headers: { "content-type": "application/json" } };
  const { field, filename, mediaType, content } = input.upload;
  const safe = (text: string) => text.replace(/["\r\n]/g, "_");
  return multipartFile(safe(field), safe(filename), mediaType, content);
}

interface Outcome {
  status: number;
  contentType: string;
  body: string;
}

function assertAnswer(key: string, input: FuzzInput, outcome: Outcome, before: Record<string, number>, after: Record<string, number>) {
  const context = `${key} with ${JSON.stringify(input)?.slice(0, 300)} answered ${outcome.status} ${outcome.body.slice(0, 300)}`;
  expect(outcome.status, context).toBeLessThan(500);
  if (outcome.status < 400) return;
  expect(outcome.contentType, context).toContain(PROBLEM_TYPE);
  if (outcome.status === 400) {
    const problem = JSON.parse(outcome.body) as { invalidParams?: { name?: string }[] };
    expect(problem.invalidParams?.length ?? 0, context).toBeGreaterThan(0);
    for (const param of problem.invalidParams ?? []) expect(param.name, context).toMatch(/\S/);
  }
  const written = tables.filter(
    (table) => after[table] !== before[table] && table !== COUNTED_ATTEMPTS && (outcome.status === 400 || !AUDITED_REFUSALS.has(table)),
  );
  expect(written, `rows written by a refused request: ${context}`).toEqual([]);
}

describe("bad input at every write route", () => {
  it(`refuses bad input cleanly and writes nothing (at least ${MIN_CASES} cases, seed ${FUZZ_SEED})`, async () => {
    const writes = t.app.apiRoutes.filter((route) => WRITE_METHODS.has(route.method));
    const unknown = writes.filter((route) => !AUTHORIZATION_MATRIX[routeKey(route)] || idResourceOf(route.path) === "unknown");
    expect(unknown.map(routeKey), "write routes without a matrix row or a known id resource").toEqual([]);
    const fixed = writes.filter((route) => RUNS[routeKey(route)] !== undefined);
    const fixedCases = fixed.reduce((sum, route) => sum + (RUNS[routeKey(route)] ?? 0), 0);
    const numRuns = Math.ceil((MIN_CASES - fixedCases) / (writes.length - fixed.length));
    console.log(`input fuzz: seed ${FUZZ_SEED}, ${writes.length} write routes, ${numRuns} cases each (${JSON.stringify(RUNS)})`);
    let cases = 0;
    const failures: string[] = [];
    for (const [index, route] of writes.entries()) {
      const run = await fuzzRoute(route, index, RUNS[routeKey(route)] ?? numRuns);
      cases += run.cases;
      if (run.failure) failures.push(run.failure);
    }
    console.log(`input fuzz: ${cases} cases`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
  }, 240_000);
});

/** Runs one route's cases; a failing one is reported with its seed, path and the smallest body that fails. */
async function fuzzRoute(route: ApiRoute, index: number, numRuns: number): Promise<{ cases: number; failure?: string }> {
  const key = routeKey(route);
  const row = AUTHORIZATION_MATRIX[key] as MatrixRow;
  const caller = fuzzCaller(row);
  expect(caller, `${key}: the matrix allows nobody to call it`).toBeDefined();
  const resource = idResourceOf(route.path);
  const url = API_BASE + (resource && resource !== "unknown" ? pathWithId(route.path, fixtures.ids.inScope[resource]) : route.path);
  const valid = typeof row.body === "function" ? row.body(fixtures.ids.inScope) : (row.body ?? {});
  const logIn = async () => (caller === "anonymous" || caller === undefined ? {} : bearerFor(t.app, MATRIX_ACCOUNTS[caller]));
  // Logging out ends the session it is called with: that route gets a session of its own, renewed when it ends.
  let headers = key === ENDS_SESSION ? await logIn() : caller === "anonymous" || caller === undefined ? {} : fixtures.headers[caller];
  let cases = 0;
  let counts: Record<string, number> | undefined;
  const details = await fc.check(
    fc.asyncProperty(inputArbitrary(row, valid, fieldNamesOf(route.body)), async (input) => {
      cases++;
      const request = requestOf(input);
      // A refused request leaves the counts as they were, so its "after" is the next case's "before".
      const before = counts ?? (await countRows(t.db.kysely, tables));
      const response = await t.app.inject({
        method: route.method as "POST",
        url,
        headers: { ...headers, ...request.headers },
        payload: request.payload,
      });
      const after = await countRows(t.db.kysely, tables);
      counts = response.statusCode >= 400 ? after : undefined;
      const outcome = { status: response.statusCode, contentType: String(response.headers["content-type"] ?? ""), body: response.body };
      if (key === ENDS_SESSION && response.statusCode < 300) headers = await logIn();
      assertAnswer(key, input, outcome, before, after);
    }),
    { seed: FUZZ_SEED + index, numRuns },
  );
  return details.failed ? { cases, failure: `${key}: ${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}` } : { cases };
}
