import { TestClock } from "@server/clock.js";
import { API_BASE } from "@server/http/openapi.js";
import { routeKey } from "@server/http/route-table.js";
import {
  type AuthorizationFixtures,
  buildAuthorizationFixtures,
  idResourceOf,
  MATRIX_ACCOUNTS,
  pathWithId,
} from "@server/testing/authorization-fixtures.js";
import { AUTHORIZATION_MATRIX, MATRIX_TODAY, type MatrixRow } from "@server/testing/authorization-matrix.js";
import { multipartFile, SAMPLE_PDF } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { USER_ROLES, type UserRole } from "@shared/enums.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Every route × every role and anonymous × the in-scope and out-of-scope record, against the one table of
 * expected answers in `testing/authorization-matrix.ts`. The routes come from the app itself, so a new route
 * without a row fails here.
 */

let t: TestApp;
let fixtures: AuthorizationFixtures;
// Logging out ends the session it is called with: that route gets a session of its own per role.
const ENDS_SESSION = "DELETE /sessions/current";

beforeAll(async () => {
  t = await createTestApp({ clients: 80, seed: 7, historyShare: 0.5, clock: new TestClock(MATRIX_TODAY) });
  fixtures = await buildAuthorizationFixtures(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

type Expected = "allowed" | "unauthenticated" | "forbidden" | "hidden";
interface Cell {
  route: string;
  caller: UserRole | "anonymous";
  scope: "inScope" | "outOfScope" | "none";
  expected: Expected;
}

function cellsOf(route: string, row: MatrixRow, hasId: boolean): Cell[] {
  const scopes = hasId ? (["inScope", "outOfScope"] as const) : (["none"] as const);
  const cells: Cell[] = scopes.map((scope) => ({
    route,
    caller: "anonymous",
    scope,
    expected: row.anonymous ? "allowed" : "unauthenticated",
  }));
  for (const role of USER_ROLES) {
    const access = row.roles[role];
    for (const scope of scopes) {
      const expected: Expected = access === undefined ? "forbidden" : access === "scoped" && scope === "outOfScope" ? "hidden" : "allowed";
      cells.push({ route, caller: role, scope, expected });
    }
  }
  return cells;
}

/** Why the answer does not match the expectation, or undefined when it does. */
function mismatch(expected: Expected, status: number, code: string | undefined): string | undefined {
  if (status >= 500) return `answered ${status}`;
  switch (expected) {
    case "unauthenticated":
      return status === 401 ? undefined : `expected 401, got ${status}`;
    case "forbidden":
      return status === 403 && code === "forbidden" ? undefined : `expected 403 forbidden, got ${status} ${code ?? ""}`;
    case "hidden":
      return status === 404 ? undefined : `expected 404, got ${status} ${code ?? ""}`;
    case "allowed":
      // A rule's own 403 (e.g. involvedInDecision) is an answer to an allowed caller; the policy's is `forbidden`.
      return status === 401 || status === 404 || (status === 403 && code === "forbidden")
        ? `expected to pass authorization and scope, got ${status} ${code ?? ""}`
        : undefined;
  }
}

/** What a cell sends besides its headers: nothing for a read, the row's body (or `{}`) or a small PDF for a write. */
function bodyOf(method: string, row: MatrixRow, { ids }: AuthorizationFixtures) {
  if (method === "GET") return {};
  if (row.upload) return multipartFile("file", "bewijs.pdf", "application/pdf", SAMPLE_PDF);
  return { payload: typeof row.body === "function" ? row.body(ids.inScope) : (row.body ?? {}) };
}

describe("authorization matrix", () => {
  it("has a row for every route of the API, and no row for a route that is gone", () => {
    const routes = t.app.apiRoutes.map(routeKey);
    const missing = routes.filter((route) => !(route in AUTHORIZATION_MATRIX));
    const stale = Object.keys(AUTHORIZATION_MATRIX).filter((route) => !routes.includes(route));
    expect(missing, "routes without a row in testing/authorization-matrix.ts").toEqual([]);
    expect(stale, "rows in testing/authorization-matrix.ts without a route").toEqual([]);
  });

  it("knows the resource of every path id", () => {
    const unknown = t.app.apiRoutes.filter((route) => idResourceOf(route.path) === "unknown").map(routeKey);
    expect(unknown, "routes whose path id names no resource of ID_RESOURCES in testing/authorization-fixtures.ts").toEqual([]);
  });

  it("answers every role, anonymous caller and scope as the matrix says", async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const route of t.app.apiRoutes) {
      const key = routeKey(route);
      const row = AUTHORIZATION_MATRIX[key];
      const resource = idResourceOf(route.path);
      if (!row || resource === "unknown") continue; // named by the two tests above
      for (const cell of cellsOf(key, row, resource !== undefined)) {
        const id = resource && cell.scope !== "none" ? fixtures.ids[cell.scope][resource] : undefined;
        const url = API_BASE + (id ? pathWithId(route.path, id) : route.path);
        const headers =
          cell.caller === "anonymous"
            ? {}
            : key === ENDS_SESSION
              ? await bearerFor(t.app, MATRIX_ACCOUNTS[cell.caller])
              : fixtures.headers[cell.caller];
        const { payload, headers: bodyHeaders } = { headers: {}, ...bodyOf(route.method, row, fixtures) };
        const required = row.requiredQuery;
        const needsQuery = required && cell.caller !== "anonymous" && required.roles.includes(cell.caller) && cell.expected === "allowed";
        if (needsQuery) {
          const without = await t.app.inject({ method: route.method as "GET", url, payload, headers: { ...headers, ...bodyHeaders } });
          requests++;
          const named =
            without.statusCode === 400 ? (without.json() as { invalidParams?: { name: string }[] }).invalidParams?.[0]?.name : undefined;
          if (named !== required.name)
            failures.push(
              `${key} as ${cell.caller} (${cell.scope}) without ${required.name}: expected 400 naming it, got ${without.statusCode}`,
            );
        }
        const withQuery = needsQuery ? `${url}${url.includes("?") ? "&" : "?"}${required.name}=${encodeURIComponent(required.value)}` : url;
        const response = await t.app.inject({
          method: route.method as "GET",
          url: withQuery,
          payload,
          headers: { ...headers, ...bodyHeaders },
        });
        requests++;
        const code = String(response.headers["content-type"]).includes("json") ? (response.json() as { code?: string }).code : undefined;
        const why = mismatch(cell.expected, response.statusCode, code);
        if (why) failures.push(`${key} as ${cell.caller} (${cell.scope}): ${why}`);
      }
    }
    console.log(`authorization matrix: ${requests} requests`);
    expect(failures).toEqual([]);
  }, 120_000);
});
