import { readFileSync } from "node:fs";
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

/**
 * Every refusal code a rules file can give, read from its source as `refusalOf` names them: the code of each
 * `conflict(…)` and `forbidden(…)`, and `field:code` for each `invalidField(…)`. A table test compares its
 * cases with this list, so a new refusal without a case fails the test.
 */
export function refusalCodesIn(fileUrl: URL): string[] {
  const source = readFileSync(fileUrl, "utf8");
  const codes = new Set<string>();
  for (const match of source.matchAll(/\b(?:conflict|forbidden)\(\s*"(\w+)"/g)) if (match[1]) codes.add(match[1]);
  for (const match of source.matchAll(/\binvalidField\(\s*"(\w+)",\s*"(\w+)"/g)) codes.add(`${match[1]}:${match[2]}`);
  return [...codes].sort();
}
