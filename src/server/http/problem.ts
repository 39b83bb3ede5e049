import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { brokenUniqueRule } from "@server/db/errors.js";
import { invalidParamAt } from "@shared/invalid-params.js";
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, TooManyRequests, unsupportedMediaType } from "./errors.js";

export const PROBLEM_TYPE = "application/problem+json";

/** RFC 9457 problem details, with our `code`, `requestId` and `invalidParams`. */
export const problemSchema = z.object({
  type: z.string().optional(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string(),
  code: z.string().describe("machine-readable reason, e.g. capacityExceeded or duplicateBsn"),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  invalidParams: z
    .array(z.object({ name: z.string(), code: z.string(), reason: z.string() }))
    .optional()
    .describe("one entry per invalid field"),
});
export type Problem = z.infer<typeof problemSchema>;

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Omit<Problem, "requestId" | "instance">) {
  return reply
    .status(problem.status)
    .type(PROBLEM_TYPE)
    .send({ type: "about:blank", ...problem, instance: request.url.split("?")[0], requestId: request.id });
}

interface ValidationEntry {
  instancePath?: string;
  keyword: string;
  message?: string;
  params?: { input?: unknown; params?: { code?: string } };
}

function invalidParamsFromValidation(
  request: FastifyRequest,
  error: { validation: unknown[]; validationContext?: string },
): NonNullable<Problem["invalidParams"]> {
  const where = error.validationContext;
  const input = where === "querystring" ? request.query : where === "params" ? request.params : request.body;
  return (error.validation as ValidationEntry[]).map((entry) =>
    invalidParamAt(
      input,
      String(entry.instancePath ?? "")
        .split("/")
        .filter(Boolean),
      { code: String(entry.keyword), message: String(entry.message), ownCode: entry.params?.params?.code },
      where || "body",
    ),
  );
}

/** Installs the single place where errors become problem+json, including 404s and unexpected 500s. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    // Fastify's own refusal of a body it has no parser for is the same refusal an upload route makes of JSON.
    const error = thrown.statusCode === 415 ? unsupportedMediaType("the media type this route takes") : thrown;
    if (error instanceof AppError) {
      if (error instanceof TooManyRequests) reply.header("retry-after", String(error.retryAfterSeconds));
      return sendProblem(request, reply, {
        status: error.status,
        title: error.title,
        detail: error.detail,
        code: error.code,
        ...(error.invalidParams ? { invalidParams: error.invalidParams } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const invalidParams = invalidParamsFromValidation(request, error);
      return sendProblem(request, reply, {
        status: 400,
        title: "Invalid input",
        detail: `Check these fields: ${invalidParams.map((p) => p.name).join(", ")}.`,
        code: "invalidInput",
        invalidParams,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large). A JSON parser's message
      // quotes the body, which may hold a BSN: that one is not passed on.
      // Fastify's own codes (FST_ERR_…) are internal names: the answer carries one of PROBLEM_CODES.
      const detail = error instanceof SyntaxError ? "The body is not valid JSON." : error.message;
      const code = status === 413 ? "bodyTooLarge" : "badRequest";
      // A body refused before any field could be read (malformed, empty, or holding a `__proto__` or `constructor`
      // key, which the parser refuses outright) is named as the field at fault.
      const invalidParams = status === 400 ? [{ name: "body", code: "invalidBody", reason: detail }] : undefined;
      return sendProblem(request, reply, {
        status,
        title: STATUS_CODES[status] ?? "Bad request",
        detail,
        code,
        ...(invalidParams ? { invalidParams } : {}),
      });
    }
    // A request that lost a race to a unique index is refused by the rule the index keeps, like any other 409.
    const unique = brokenUniqueRule(error);
    if (unique) {
      request.log.info({ requestId: request.id, code: unique.code }, "refused by a unique index");
      return sendProblem(request, reply, { status: 409, title: "Refused by a rule", ...unique });
    }
    request.log.error({ err: error, requestId: request.id }, "unexpected error");
    return sendProblem(request, reply, {
      status: 500,
      title: "Internal error",
      detail: `Something went wrong on our side. Quote request id ${request.id} when you report it.`,
      code: "internalError",
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, { status: 404, title: "Not found", detail: "No such resource.", code: "notFound" }),
  );
}

/**
 * Fastify's `clientErrorHandler`: answers what Node's HTTP parser refused before any route saw it (a body that
 * ends before its Content-Length, a malformed request line or header, headers too large, a request too slow) as
 * problem+json too, then closes the connection as Fastify's default does.
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const body = JSON.stringify({
    type: "about:blank",
    status,
    title: STATUS_CODES[status],
    detail: "The request could not be read: it was cut short, too slow, or not valid HTTP.",
    code: "badRequest",
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
