/** A CSV field (RFC 4180): between quotes, with quotes doubled, when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: "," | ";"): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Text a spreadsheet would run as a formula (a field starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so a name typed as `=HYPERLINK(…)` is shown, never run, when the file is opened.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
