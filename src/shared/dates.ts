const AMSTERDAM_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in Europe/Amsterdam (`YYYY-MM-DD`): the date that carries legal meaning. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return AMSTERDAM_DATE.format(now);
}

/** Whole years from `from` to `to` (both `YYYY-MM-DD`), as a birthday would count them. */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return Math.max(0, years);
}

/** The date `years` whole years before `date` (`YYYY-MM-DD`); 29 February falls back to the 28th. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date `months` calendar months after `date`; a day the month lacks becomes its last (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

const OFFSET_FORMAT = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Amsterdam", timeZoneName: "longOffset" });

function amsterdamOffset(at: Date): string {
  const name = OFFSET_FORMAT.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT+01:00";
  return name === "GMT" ? "+00:00" : name.slice(3);
}

/** A wall-clock time in Amsterdam as an ISO date-time with its offset: `2026-12-08T10:30:00+01:00`. */
export function amsterdamDateTime(date: string, time: string): string {
  const naive = new Date(`${date}T${time}:00Z`);
  // The offset at the instant itself; one correction handles the days the clocks change.
  let offset = amsterdamOffset(new Date(naive.getTime() - 60 * 60_000));
  const candidate = new Date(`${date}T${time}:00${offset}`);
  offset = amsterdamOffset(candidate);
  return `${date}T${time}:00${offset}`;
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const DUTCH_WEEKDAY_DATE = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});
const DUTCH_TIME = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });

/** `dinsdag 8 december 2026` for an instant, in Amsterdam. */
export function dutchWeekdayDate(instant: string): string {
  return DUTCH_WEEKDAY_DATE.format(new Date(instant));
}

/** `10:30` for an instant, in Amsterdam. */
export function dutchTime(instant: string): string {
  return DUTCH_TIME.format(new Date(instant));
}

/** YYYY-MM-DD → DD-MM-JJJJ, the Dutch way of writing a date in a table or a file. */
export function numericDutchDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}
