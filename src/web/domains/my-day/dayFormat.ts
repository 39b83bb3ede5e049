const AMSTERDAM_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

function locale(language: string): string {
  return language === "en" ? "en-GB" : "nl-NL";
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Amsterdam, where the appointments take place. */
export function amsterdamDayOf(instant: string): string {
  return AMSTERDAM_DAY.format(new Date(instant));
}

/** A day as a heading: `donderdag 3 december 2026`. */
export function formatDayHeading(day: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

/** From and until on a 24-hour clock in Amsterdam: `09:30–10:15`. */
export function formatTimeRange(startsAt: string, endsAt: string, language: string): string {
  const time = new Intl.DateTimeFormat(locale(language), {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Europe/Amsterdam",
  });
  return `${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}
