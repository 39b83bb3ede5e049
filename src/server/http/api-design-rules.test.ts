import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The project's NL API Design Rules ruleset (api-rules/): a small compliant document passes, and each rule fires on a
// copy of it broken in just the way that rule forbids. All documents are linted in one Spectral run.

const ruleset = path.resolve(import.meta.dirname, "../../../api-rules/nl-api-design-rules.yaml");
const spectral = createRequire(import.meta.url).resolve("@stoplight/spectral-cli/dist/index.js");

const versionHeader = { "API-Version": { description: "Full version of this API", schema: { type: "string" } } };
const problem = (description: string) => ({
  description,
  headers: versionHeader,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/** A small document that follows every rule. */
function compliant() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Example",
      version: "1.2.3",
      contact: { name: "Maintainers", email: "api@example.org", url: "https://example.org" },
    },
    servers: [{ url: "/api/v1" }],
    paths: {
      "/clients": {
        get: {
          summary: "List clients",
          tags: ["clients"],
          parameters: [{ name: "pageSize", in: "query", schema: { type: "integer" } }],
          responses: {
            "200": {
              description: "A page of clients",
              headers: versionHeader,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      familyName: { type: "string" },
                      birthDate: { type: "string", format: "date" },
                      createdAt: { type: "string", format: "date-time" },
                    },
                  },
                },
              },
            },
            "400": problem("Invalid input"),
            "404": problem("Not found"),
          },
        },
      },
      "/clients/_search": {
        post: {
          summary: "Search clients",
          tags: ["clients"],
          requestBody: { content: { "application/json": { schema: { type: "object" } } } },
          responses: { "200": { description: "A page of clients", headers: versionHeader }, "400": problem("Invalid input") },
        },
      },
      "/plan-steps/{id}": {
        delete: {
          summary: "Remove a plan step",
          tags: ["plans"],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "204": { description: "Removed", headers: versionHeader }, "400": problem("Invalid input") },
        },
      },
    },
    components: {
      schemas: {
        Problem: {
          type: "object",
          properties: {
            status: { type: "integer" },
            title: { type: "string" },
            detail: { type: "string" },
            code: { type: "string" },
            invalidParams: { type: "array", items: { type: "object" } },
          },
          required: ["status", "title", "detail", "code"],
        },
      },
    },
  };
}

type Document = ReturnType<typeof compliant>;
type Json = Record<string, unknown>;
const clientFields = (d: Document): Json => d.paths["/clients"].get.responses["200"].content["application/json"].schema.properties;
const renamePath = (d: Document, from: string, to: string) => {
  const paths: Json = d.paths;
  paths[to] = paths[from];
  delete paths[from];
};

const violations: [rule: string, breakIt: (d: Document) => void][] = [
  [
    "core/doc-openapi",
    (d) => {
      d.openapi = "2.0";
    },
  ],
  [
    "core/doc-openapi-contact",
    (d) => {
      delete (d.info.contact as Partial<Document["info"]["contact"]>).url;
    },
  ],
  [
    "core/semver",
    (d) => {
      d.info.version = "1.2";
    },
  ],
  [
    "core/uri-version",
    (d) => {
      d.servers[0] = { url: "/api" };
    },
  ],
  [
    "core/uri-version",
    (d) => {
      d.servers[0] = { url: "/api/v2" };
    },
  ],
  [
    "core/version-header",
    (d) => {
      (d.paths["/clients"].get.responses["200"] as Json).headers = {};
    },
  ],
  [
    "core/transport/tls",
    (d) => {
      d.servers[0] = { url: "http://example.org/api/v1" };
    },
  ],
  ["core/no-trailing-slash", (d) => renamePath(d, "/clients", "/clients/")],
  ["core/path-segments-kebab-case", (d) => renamePath(d, "/plan-steps/{id}", "/planSteps/{id}")],
  // An operation segment (`_search`) comes last only, and is lowercase.
  ["core/path-segments-kebab-case", (d) => renamePath(d, "/clients/_search", "/clients/_search/{id}")],
  ["core/path-segments-kebab-case", (d) => renamePath(d, "/clients/_search", "/clients/_Search")],
  [
    "core/http-methods",
    (d) => {
      (d.paths["/clients"] as Json).trace = d.paths["/plan-steps/{id}"].delete;
    },
  ],
  [
    "core/http-safety",
    (d) => {
      (d.paths["/clients"].get as Json).requestBody = { content: { "application/json": {} } };
    },
  ],
  [
    "core/query-keys-camel-case",
    (d) => {
      d.paths["/clients"].get.parameters[0] = { name: "page_size", in: "query", schema: { type: "integer" } };
    },
  ],
  [
    "core/error-handling/problem-details",
    (d) => {
      (d.paths["/clients"].get.responses["404"] as Json).content = { "application/json": { schema: { type: "object" } } };
    },
  ],
  [
    "core/error-handling/problem-details-members",
    (d) => {
      d.components.schemas.Problem.required = ["status", "title", "code"];
    },
  ],
  [
    "core/error-handling/invalid-input",
    (d) => {
      delete (d.paths["/plan-steps/{id}"].delete.responses as Json)["400"];
    },
  ],
  [
    "core/date-time/timezone",
    (d) => {
      clientFields(d).registered = { type: "string", format: "date-time-local" };
    },
  ],
  [
    "core/date-time/date-omit-time-portion",
    (d) => {
      clientFields(d).birthDate = { type: "string", format: "date-time" };
    },
  ],
  [
    "core/date-time/date-omit-time-portion",
    (d) => {
      clientFields(d).reviewedOn = { type: "string" };
    },
  ],
  [
    "naar-vermogen/timestamps",
    (d) => {
      clientFields(d).createdAt = { type: "string", format: "date" };
    },
  ],
  [
    "naar-vermogen/problem-code",
    (d) => {
      d.components.schemas.Problem.required = ["status", "title", "detail"];
    },
  ],
  [
    "naar-vermogen/invalid-params",
    (d) => {
      delete (d.components.schemas.Problem.properties as Json).invalidParams;
    },
  ],
  [
    "naar-vermogen/property-names-camel-case",
    (d) => {
      clientFields(d).family_name = { type: "string" };
    },
  ],
  [
    "naar-vermogen/operation-documented",
    (d) => {
      delete (d.paths["/clients"].get as Json).summary;
    },
  ],
  [
    "naar-vermogen/schema-names-pascal-case",
    (d) => {
      (d.components.schemas as Json).problem_detail = { type: "object" };
    },
  ],
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-api-rules-"));
const reported = new Map<string, Set<string>>();

beforeAll(() => {
  const files = [path.join(dir, "compliant.json")];
  fs.writeFileSync(files[0] ?? "", JSON.stringify(compliant()));
  violations.forEach(([, breakIt], index) => {
    const document = compliant();
    breakIt(document);
    const file = path.join(dir, `violation-${index}.json`);
    fs.writeFileSync(file, JSON.stringify(document));
    files.push(file);
  });
  const result = spawnSync(process.execPath, [spectral, "lint", "--quiet", "-f", "json", "-r", ruleset, ...files], {
    encoding: "utf8",
  });
  for (const file of files) reported.set(file, new Set());
  for (const finding of JSON.parse(result.stdout) as { code: string; source: string; severity: number }[]) {
    // Severity 0 is an error: only errors fail `npm run lint:api`.
    if (finding.severity === 0) reported.get(finding.source)?.add(finding.code);
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("NL API Design Rules ruleset", () => {
  it("passes a compliant document", () => {
    expect([...(reported.get(path.join(dir, "compliant.json")) ?? ["not linted"])]).toEqual([]);
  });

  it.each(violations.map(([rule], index) => [rule, index] as const))("%s fires on its violation (#%i)", (rule, index) => {
    expect([...(reported.get(path.join(dir, `violation-${index}.json`)) ?? [])]).toContain(rule);
  });
});
