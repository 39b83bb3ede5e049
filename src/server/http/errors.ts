import type { FieldErrorCode, ProblemCode } from "@shared/problem-codes.js";

export type { FieldErrorCode, ProblemCode };

/** One invalid field in an answer, with a code from the one list of field codes. */
export interface InvalidParam {
  name: string;
  code: FieldErrorCode;
  reason: string;
}

/**
 * The one error type of the application. Services throw it; the error handler turns it into
 * `application/problem+json`. `code` is machine-readable and stable (e.g. `duplicateBsn`), one of `PROBLEM_CODES`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail);
    this.name = "AppError";
  }
}

/** 429: a limit on attempts is reached; the answer's `Retry-After` header says in how many seconds a slot frees. */
export class TooManyRequests extends AppError {
  constructor(
    code: ProblemCode,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, "Too many requests", detail);
  }
}

export const notFound = (what = "resource") =>
  new AppError(404, "notFound", "Not found", `The ${what} does not exist or is outside your scope.`);

export const unauthenticated = (detail = "Log in first.") => new AppError(401, "unauthenticated", "Not authenticated", detail);

export const forbidden = (code: ProblemCode = "forbidden", detail = "Your role may not do this.") =>
  new AppError(403, code, "Forbidden", detail);

/** 409: refused by a named rule given the current state. */
export const conflict = (code: ProblemCode, detail: string, invalidParams?: InvalidParam[]) =>
  new AppError(409, code, "Refused by a rule", detail, invalidParams);

/** 400 for a rule on a single field that a schema cannot express (e.g. a date order). */
export const invalidField = (name: string, code: FieldErrorCode, reason: string) =>
  new AppError(400, "invalidInput", "Invalid input", `${name}: ${reason}`, [{ name, code, reason }]);

/** 415: the body is not in a media type the route takes. */
export const unsupportedMediaType = (expected: string) =>
  new AppError(415, "unsupportedMediaType", "Unsupported media type", `Send the body as ${expected}.`);

/** The row a caller has just written or already checked must be there; its absence is a 404, never a crash. */
export function requireFound<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}
