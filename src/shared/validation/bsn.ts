/** True when `value` is nine digits that pass the BSN eleven-test (weights 9..2 and -1). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0 && value !== "000000000";
}

/**
 * Completes an eight-digit prefix into a valid BSN, or returns null when no check digit fits.
 * Used by the synthetic population, never to "repair" user input.
 */
export function completeBsn(prefix: string): string | null {
  if (!/^\d{8}$/.test(prefix)) throw new Error("BSN prefix must be 8 digits");
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(prefix[i]) * (9 - i);
  const check = sum % 11;
  return check <= 9 ? prefix + String(check) : null;
}

/**
 * Whether a search text may hold a BSN: eight or more digits in a row, spaces, dots and dashes between digits not
 * counted (`123.456.782`). Such text is never sent in a URL, which servers, proxies and browsers write to logs.
 */
export function mayHoldBsn(text: string): boolean {
  return /\d{8,}/.test(text.replace(/(?<=\d)[\s.-]+(?=\d)/g, ""));
}
