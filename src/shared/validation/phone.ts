/** Separators people write in a phone number: spaces, dashes, dots, brackets. */
const SEPARATORS = /[\s\-.()]/g;
/** A Dutch number: 0, +31 or 0031, then nine digits that do not start with 0. */
const DUTCH = /^(?:0|\+31|0031)([1-9]\d{8})$/;

/** Normalises a Dutch phone number to its ten national digits (`0612345678`), or returns null when it is not one. */
export function normaliseDutchPhone(value: string): string | null {
  const match = DUTCH.exec(value.replace(SEPARATORS, ""));
  return match ? `0${match[1]}` : null;
}

/** True for a Dutch mobile number (06…), the only kind a text message reaches. */
export function isDutchMobile(value: string): boolean {
  return normaliseDutchPhone(value)?.startsWith("06") ?? false;
}
