// The server's schema is the one judge of validity: text that is not a number is sent as typed, so the
// server's field errors (and their codes) are what the user sees, in the same words for every API client.

/** A typed number (comma or point as decimal mark) as a number; anything else as the text itself. */
export function toNumber(text: string): number | string {
  const normalised = text.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : text;
}

/** An optional number: null when left empty. */
export function toOptionalNumber(text: string): number | string | null {
  return text.trim() === "" ? null : toNumber(text);
}

/** Optional text: trimmed, or null when left empty. */
export function toOptionalText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** A comma-separated list typed in one box, as its non-empty items. */
export function toList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A number as the text of a form control, with a decimal comma in Dutch. */
export function numberText(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "";
  return language === "en" ? String(value) : String(value).replace(".", ",");
}
