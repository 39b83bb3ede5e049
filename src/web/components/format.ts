import { numericDutchDate, todayInAmsterdam } from "@shared/dates.js";

/*
 * Dates and times as the reader sees them. Two forms of a date, chosen by where it stands:
 * - in a table cell, the numeric Dutch form `02-12-2026` in both languages: the columns line up and it is the
 *   notation the municipality's own lists and files use;
 * - in running text and fact lists, the written-out form `2 december 2026` (`2 December 2026` in English).
 * Times are always on a 24-hour clock (`14:05`). Everything is shown in Europe/Amsterdam, where the
 * municipality works, whatever time zone the browser is in.
 */

function locale(language: string): string {
  return language === "en" ? "en-GB" : "nl-NL";
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Amsterdam calendar date (`YYYY-MM-DD`) of a value: a calendar date stays as it is, an instant is placed
 * on the day it falls on in Amsterdam. Null for what is neither.
 */
export function amsterdamDateOf(value: string): string | null {
  if (CALENDAR_DATE.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : todayInAmsterdam(instant);
}

function calendarInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** A date in a table cell: `02-12-2026`, in both languages. Takes a calendar date or an instant. */
export function formatDate(value: string | null | undefined, _language?: string): string {
  if (!value) return "";
  const date = amsterdamDateOf(value);
  return date ? numericDutchDate(date) : value;
}

/** A date in running text or a fact list: `2 december 2026` (`2 December 2026`). Takes a calendar date or an instant. */
export function formatLongDate(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const date = amsterdamDateOf(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale(language), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    calendarInstant(date),
  );
}

/** A day as a heading or in a sentence, with its weekday: `woensdag 2 december 2026`. Takes a calendar date or an instant. */
export function formatWeekdayDate(value: string, language: string): string {
  const date = amsterdamDateOf(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(calendarInstant(date));
}

/** The time of day of an instant in Amsterdam, on a 24-hour clock: `14:05`, in both languages. */
export function formatTime(value: string, _language?: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Amsterdam" }).format(
    instant,
  );
}

/** A moment in a table or a log line: `02-12-2026 14:05`, Amsterdam time, in both languages. */
export function formatDateTime(value: string, language?: string): string {
  const date = amsterdamDateOf(value);
  if (!date || CALENDAR_DATE.test(value)) return formatDate(value, language);
  return `${numericDutchDate(date)} ${formatTime(value)}`;
}

/** A moment in running text: `2 december 2026 om 14:05` (`2 December 2026 at 14:05`), Amsterdam time. */
export function formatLongDateTime(value: string, language: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Europe/Amsterdam",
  }).format(instant);
}

/** From and until on a 24-hour clock in Amsterdam: `09:30–10:15`. */
export function formatTimeRange(startsAt: string, endsAt: string, language?: string): string {
  return `${formatTime(startsAt, language)}–${formatTime(endsAt, language)}`;
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
    hourCycle: "h23",
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
