import type { Database, PlacementsTable } from "@server/db/schema.js";
import { addDays } from "@shared/dates.js";
import type { Attribution } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { attributePlacement } from "../domains/placements/placements.attribution.js";
import { contextOn, type Staff } from "./acting.js";
import type { SeededRandom } from "./population.js";

/** What clients said when their consultant asked how the placement ended, by the host's view. */
const CLIENT_ACCOUNTS: Record<Attribution, string[]> = {
  client: [
    "Ik had er geen zin meer in. Ik heb niet afgebeld, dat had ik wel moeten doen.",
    "Ik vond het werk saai en ben gewoon weggebleven.",
  ],
  organisation: [
    "Ik werd er niet goed ontvangen. Niemand legde uit wat ik moest doen en ik hoorde er niet bij.",
    "Ze hadden geen tijd voor mij. Na twee weken zei de coördinator dat het niet meer hoefde.",
  ],
  health: ["Mijn rug werd erger van het tillen. De huisarts zei dat ik moest stoppen."],
  caregiving: ["Mijn moeder kreeg een beroerte. Ik zorg nu elke dag voor haar."],
  none: ["Het paste gewoon niet. Niemand deed iets fout.", "Ik ben verhuisd; daar kon niemand iets aan doen."],
};

/** Reasons a consultant gives after hearing both sides, by the attribution they come to. */
const REASONS: Record<Attribution, string> = {
  client: "De cliënt bleef weg zonder bericht en geeft zelf aan dat er geen reden was die buiten hem lag.",
  organisation: "De organisatie gaf de begeleiding niet die was afgesproken; het einde ligt niet bij de cliënt.",
  health: "Het einde komt door de gezondheid van de cliënt, zoals de huisarts bevestigt.",
  caregiving: "Het einde komt door de zorg die de cliënt geeft; die gaat voor.",
  none: "Het einde ligt bij niemand: het paste niet, of de omstandigheden veranderden.",
};

/**
 * The consultant hears the client a week after an early ending and determines to whom it is attributable, through
 * the same service as the API, on that day: mostly as the host saw it, but a host's "the client stopped" is sometimes
 * found to lie with the organisation once the client has told their side. Attributed to the client it is a decision
 * with its letter. Endings of the last two weeks still wait, undetermined, on the consultant's work queue. Returns how
 * many decision letters were sent.
 */
export async function seedAttributions(
  db: Kysely<Database>,
  random: SeededRandom,
  placements: PlacementsTable[],
  consultantOf: (clientId: string) => Staff | undefined,
  today: string,
): Promise<number> {
  let letters = 0;
  for (const placement of placements) {
    if (placement.attributable_to !== "undetermined" || !placement.ended_on) continue;
    const heardOn = addDays(placement.ended_on, 7);
    const consultant = consultantOf(placement.client_id);
    if (heardOn > addDays(today, -7) || !consultant) continue;
    const view = (placement.host_view_attribution ?? "none") as Attribution;
    const attributableTo: Attribution = view === "client" && random.chance(0.4) ? "organisation" : view;
    await attributePlacement(db, contextOn(consultant, "consultant", heardOn), placement.id, {
      attributableTo,
      reasons: REASONS[attributableTo],
      clientAccount: random.pick(CLIENT_ACCOUNTS[attributableTo]),
      heardOn,
      channel: random.pick(["inPerson", "phone"] as const),
    });
    if (attributableTo === "client") letters += 1;
  }
  return letters;
}
