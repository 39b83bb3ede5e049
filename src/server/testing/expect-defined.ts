import { assert } from "vitest";

/** The value, once the test has asserted it is there: a missing value fails the test, naming `what`. */
export function expectDefined<T>(value: T, what = "the value"): NonNullable<T> {
  assert.exists(value, `expected ${what} to be present`);
  return value;
}
