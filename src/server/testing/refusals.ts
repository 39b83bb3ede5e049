import { AppError } from "@server/http/errors.js";

/** One row of a rules file's table test: a rule refused with its code, and the same rule passing. */
export interface RefusalCase {
  rule: string;
  code: string;
  refused: () => void;
  allowed: () => void;
}

/**
 * The code by which an assertion refused, or null when it passed: the AppError's code, or for a 400 on one
 * field `field:code`, so that each rule about a field has a code of its own.
 */
export function refusalOf(assertion: () => void): string | null {
  try {
    assertion();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const param = error.invalidParams?.[0];
    return error.status === 400 && param ? `${param.name}:${param.code}` : error.code;
  }
}
