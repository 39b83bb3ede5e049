import type { ClientOverview } from "@shared/schemas/overview.js";
import type { TFunction } from "i18next";

const locale = (language: string) => (language === "en" ? "en-GB" : "nl-NL");

/** An appointment's day as people say it, in Amsterdam: `dinsdag 8 december 2026`. */
export function longDay(instant: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(instant));
}

/** An appointment's time of day in Amsterdam: `10:30`. */
export function clockTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }).format(
    new Date(instant),
  );
}

/** A calendar date written out in full, without shifting it through a time zone: `8 december 2026`. */
export function longDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The parts of the week a role asks, in words: `dinsdagochtend, donderdagmiddag`. */
export function weekParts(t: TFunction, parts: readonly string[]): string {
  return parts
    .map((part) => {
      const [day = "", time = ""] = part.split("-");
      return t("start.asked.weekPart", { day: t(`dayNames.${day}`), part: t(`dayParts.${time}`) });
    })
    .join(", ");
}

/** The address of a placement as the client reads it. */
export function placeAddress(t: TFunction, place: Pick<ClientOverview["placements"][number], "postcode" | "houseNumber">): string {
  return t("start.asked.address", { postcode: place.postcode, number: place.houseNumber });
}
