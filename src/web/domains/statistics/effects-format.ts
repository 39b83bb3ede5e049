/** A difference with its sign, as the reader says it: "+0,45", "−1,20", "0,00". */
export function formatDifference(value: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "nl-NL", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  }).format(value);
}
