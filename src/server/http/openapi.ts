import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import { UPLOAD_FIELD } from "./multipart.js";
import { problemSchema } from "./problem.js";

export const API_VERSION = "1.0.0";
export const API_BASE = "/api/v1";

const problemJsonSchema = z.toJSONSchema(problemSchema, { target: "draft-2020-12" });

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Invalid input; `invalidParams` names each field",
  "401": "Not authenticated",
  "403": "Authenticated but not allowed",
  "404": "Absent, or outside the caller's scope",
  "409": "Refused by a rule; `code` names it",
  "415": "The body is not in the media type the operation takes",
  "429": "Too many requests",
  "500": "Unexpected error; `requestId` identifies it in the log",
};

const versionHeader = {
  "API-Version": { description: "Full version of this API", schema: { type: "string", example: API_VERSION } },
};

function problemResponse(description: string) {
  return {
    description,
    headers: versionHeader,
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  };
}

/** The parts of a schema object the rewrite reads. */
type SchemaNode = { type?: unknown } & Record<string, unknown>;

/** The parts of an operation and of the document the design rules rewrite; the rest passes through. */
interface Operation {
  requestBody?: unknown;
  responses?: Record<string, { headers?: Record<string, unknown> } & Record<string, unknown>>;
}
interface OpenApiDocument extends Record<string, unknown> {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> } & Record<string, unknown>;
}

/**
 * Writes a nullable scalar (`anyOf: [{type: string, format: date}, {type: null}]`) as one schema with
 * `type: [string, null]`, so its `format` stays visible to tools and to the design rules.
 */
function collapseNullableScalars<T>(node: T): T;
function collapseNullableScalars(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(collapseNullableScalars);
  if (!node || typeof node !== "object") return node;
  const entries = Object.entries(node).map(([key, value]) => [key, collapseNullableScalars(value)] as const);
  const schema: Record<string, unknown> = Object.fromEntries(entries);
  const variants = Array.isArray(schema.anyOf) ? (schema.anyOf as SchemaNode[]) : undefined;
  if (variants?.length === 2) {
    const nullVariant = variants.find((v) => v.type === "null");
    const scalar = variants.find((v) => v !== nullVariant && typeof v.type === "string" && v.type !== "object" && v.type !== "array");
    if (nullVariant && scalar) {
      const { anyOf: _anyOf, ...rest } = schema;
      return { ...rest, ...scalar, type: [scalar.type, "null"] };
    }
  }
  return schema;
}

/**
 * Applies the NL API Design Rules to the generated document in one place: paths relative to a versioned
 * server URL, the API-Version header on every success, and problem+json for every error response.
 */
function applyApiDesignRules<T extends object>(generated: T): T {
  // The generated document is plain JSON; only the parts named in OpenApiDocument are read or rewritten.
  const document = generated as OpenApiDocument;
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith(API_BASE)) continue;
    for (const operation of Object.values(item)) {
      operation.responses ??= {};
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[23]/.test(status)) response.headers = { ...versionHeader, ...response.headers };
        // An error a route declares itself (e.g. 503 of readiness) is a problem+json like every other.
        else operation.responses[status] = problemResponse(String(response.description ?? status));
      }
      for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
        if (status === "415" && !operation.requestBody) continue;
        operation.responses[status] ??= problemResponse(description);
      }
    }
    paths[path.slice(API_BASE.length) || "/"] = item;
  }
  const rewritten: OpenApiDocument = {
    ...document,
    servers: [{ url: API_BASE, description: "this server" }],
    paths,
    components: { ...document.components, schemas: { ...document.components?.schemas, Problem: problemJsonSchema } },
  };
  return collapseNullableScalars(rewritten) as T;
}

/** The body of an upload route, which reads it with `readUploadedFile` rather than a schema: one file, no other field. */
const uploadBody = {
  type: "object",
  required: [UPLOAD_FIELD],
  properties: { [UPLOAD_FIELD]: { type: "string", format: "binary", description: "the one file" } },
  additionalProperties: false,
};

/** Documents the body of a route that consumes multipart/form-data without a body schema (an upload route). */
const describeUploads: typeof jsonSchemaTransform = (input) => {
  const transformed = jsonSchemaTransform(input);
  const { schema } = transformed;
  if (!schema.consumes?.includes("multipart/form-data") || schema.body) return transformed;
  return { ...transformed, schema: { ...schema, body: uploadBody } };
};

/** Options for @fastify/swagger: zod schemas to OpenAPI 3.1, then the design rules. */
export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: "3.1.0",
    info: {
      title: "Naar Vermogen API",
      description:
        "Case management for the tegenprestatie (Participatiewet art. 9): clients, plans, placements, exemptions and sanctions, naar vermogen.",
      version: API_VERSION,
      contact: { name: "Naar Vermogen maintainers", email: "api@naar-vermogen.example", url: "https://naar-vermogen.example" },
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Token from POST /sessions or an admin-issued API token" },
        session: { type: "apiKey", in: "cookie", name: "nv_session", description: "Browser session; writes need X-CSRF-Token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  },
  transform: describeUploads,
  transformObject: (input) => applyApiDesignRules(jsonSchemaTransformObject(input)),
};
