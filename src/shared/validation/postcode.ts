const POSTCODE = /^\s*([1-9]\d{3})\s?([a-zA-Z]{2})\s*$/;
// Letter pairs that PostNL never issues.
const FORBIDDEN_LETTERS = new Set(["SA", "SD", "SS"]);

/** Normalises a Dutch postcode to `1234 AB`, or returns null when it is malformed. */
export function normalisePostcode(value: string): string | null {
  const match = POSTCODE.exec(value);
  const [, digits, pair] = match ?? [];
  if (!digits || !pair) return null;
  const letters = pair.toUpperCase();
  if (FORBIDDEN_LETTERS.has(letters)) return null;
  return `${digits} ${letters}`;
}
