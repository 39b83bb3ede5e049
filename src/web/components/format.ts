function locale(language: string): string {
  return language === "en" ? "en-GB" : "nl-NL";
}

/** A calendar date `YYYY-MM-DD` written out for the reader, without shifting it through a time zone. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A calendar date written out in full, as in running text: `2 december 2026`. */
export function formatLongDate(value: string, language: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** A moment in time as Dutch local time (Europe/Amsterdam), where the municipality works. */
export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Europe/Amsterdam",
  }).format(date);
}

/** The name of an ISO 639 language code in the UI language; the code itself when unknown. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([locale(language)], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** An appointment's moment as people say it: weekday, date and time in Amsterdam, without seconds. */
export function formatAppointmentTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  }).format(date);
}

/** A number of hours in the reader's notation: `12,5` in Dutch. */
export function formatHours(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value);
}

/** A file size as people read it: `12 kB` or `1,4 MB`. */
export function formatFileSize(bytes: number, language: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value);
  return bytes < 1024 * 1024 ? `${number(Math.max(1, Math.round(bytes / 1024)))} kB` : `${number(bytes / 1024 / 1024)} MB`;
}
