import type { ClientOverview } from "@shared/schemas/overview.js";
import type { TFunction } from "i18next";

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
