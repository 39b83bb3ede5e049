/** A value the demo's own data guarantees; a missing one is a fault in the generator, reported by name. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`demo data: ${what} is missing`);
  return value;
}
