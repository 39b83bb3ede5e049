import { HOUSEHOLD_SITUATIONS } from "@shared/enums.js";
import { END_REASONS } from "@shared/schemas/placements.js";
import { PLAN_STEP_TYPES } from "@shared/schemas/plans.js";
import {
  K_ANONYMITY,
  MAX_SUPPRESSED_SHARE,
  QUASI_IDENTIFIERS,
  type ResearchExportColumn,
  type ResearchExportDictionary,
} from "@shared/schemas/research-export.js";
import { AGE_BANDS, ANY, BENEFIT_BANDS, GENERALISATION_LADDERS, HOUSEHOLD_GROUPS } from "./research-export.rules.js";

const bands = (starts: readonly number[]) =>
  starts.map((s, i) => (starts[i + 1] === undefined ? `${s}+` : `${s}-${(starts[i + 1] as number) - 1}`)).join(", ");
const groups = [...new Set(Object.values(HOUSEHOLD_GROUPS))].join(", ");

/** The values at each level of each quasi-identifier's ladder, in the ladder's order. */
const LEVEL_VALUES: Record<string, string> = {
  "ageBand.fiveYears": bands(AGE_BANDS.fiveYears),
  "ageBand.tenYears": bands(AGE_BANDS.tenYears),
  "ageBand.twentyYears": bands(AGE_BANDS.twentyYears),
  "district.district": "the district's name; unknown when the address has none",
  "district.cityArea": "the city area of the district (Rotterdam-Noord, Rotterdam-Zuid, Buitengebied); unknown as above",
  "district.city": ANY,
  "benefitBand.fine": bands(BENEFIT_BANDS.fine),
  "benefitBand.coarse": bands(BENEFIT_BANDS.coarse),
  "benefitBand.longTerm": bands(BENEFIT_BANDS.longTerm),
  "household.situation": HOUSEHOLD_SITUATIONS.join(", "),
  "household.group": groups,
};

const column = (name: ResearchExportColumn, nl: string, en: string, values: string): ResearchExportDictionary["columns"][number] => {
  const quasi = (QUASI_IDENTIFIERS as readonly string[]).includes(name);
  const ladder = quasi ? GENERALISATION_LADDERS[name as (typeof QUASI_IDENTIFIERS)[number]] : [];
  return {
    name,
    meaning: { nl, en },
    values,
    quasiIdentifier: quasi,
    generalisation: ladder.map(({ level }) => ({ level, values: LEVEL_VALUES[`${name}.${level}`] ?? ANY })),
  };
};

/** The data dictionary of the research export: every column, the pseudonyms, and how k-anonymity is reached. */
export const RESEARCH_EXPORT_DICTIONARY: ResearchExportDictionary = {
  format: "CSV (RFC 4180), UTF-8, comma-separated, CRLF line ends, one header row with the column names below",
  rowsAre: {
    nl: "Eén regel per cliënt per kalendermaand waarin de cliënt bijstand had (vanaf de maand van de startdatum van de uitkering).",
    en: "One row per client per calendar month in which the client received benefit (from the month the benefit started).",
  },
  k: K_ANONYMITY,
  quasiIdentifiers: [...QUASI_IDENTIFIERS],
  pseudonyms: {
    nl: "Het pseudoniem is een sleutel-hash (HMAC-SHA-256) van het dossiernummer met een geheime sleutel die alleen de gemeente heeft. Met dezelfde sleutel krijgt dezelfde cliënt in elk bestand hetzelfde pseudoniem, zodat bestanden te koppelen zijn. Zonder de sleutel is het pseudoniem niet terug te rekenen naar een persoon. Het BSN wordt nooit gebruikt.",
    en: "The pseudonym is a keyed hash (HMAC-SHA-256) of the record number under a secret key only the municipality holds. With the same key the same client has the same pseudonym in every file, so files can be linked. Without the key the pseudonym cannot be traced back to a person. The BSN is never used.",
  },
  anonymisation: {
    nl: `Voor het bestand wordt vrijgegeven, deelt in elke maand elke combinatie van leeftijdsgroep, wijk, duur van de uitkering en huishouden minstens ${K_ANONYMITY} cliënten (k-anonimiteit). Lukt dat niet, dan worden de groepen stap voor stap grover (bredere leeftijds- en duurklassen, wijk wordt stadsdeel of de hele stad, huishouden wordt een grove groep) tot hoogstens ${MAX_SUPPRESSED_SHARE * 100}% van de regels in een te kleine groep valt; die regels worden weggelaten. Welke stap is genomen, staat bij het bestand.`,
    en: `Before the file is released, in every month each combination of age band, district, time on benefit and household is shared by at least ${K_ANONYMITY} clients (k-anonymity). Where that fails, the groups are made coarser step by step (wider age and duration bands, district to city area or the whole city, household to a coarse group) until at most ${MAX_SUPPRESSED_SHARE * 100}% of the rows fall in a group that is too small; those rows are left out. The step taken is given with the file.`,
  },
  limitations: [
    {
      nl: "k-anonimiteit geldt per maand. Wie de regels van één pseudoniem over meerdere maanden volgt, ziet een verloop dat zeldzamer kan zijn dan één maand.",
      en: "k-anonymity holds per month. Following one pseudonym across months shows a course that may be rarer than any one month.",
    },
    {
      nl: "Activiteit en uren komen uit plaatsingen en de stappen van het plan dat nu geldt; eerdere versies van een plan tellen niet mee.",
      en: "Activity and hours come from placements and the steps of the plan now in force; earlier versions of a plan are not counted.",
    },
  ],
  columns: [
    column(
      "pseudonym",
      "Pseudoniem van de cliënt (32 hexadecimale tekens).",
      "The client's pseudonym (32 hexadecimal digits).",
      "HMAC-SHA-256 of the record number under RESEARCH_PSEUDONYM_KEY, first 32 hex digits",
    ),
    column("month", "Kalendermaand van de regel.", "Calendar month of the row.", "YYYY-MM"),
    column(
      "ageBand",
      "Leeftijd op de eerste dag van de maand, in jaren.",
      "Age on the first day of the month, in years.",
      "a band, see generalisation",
    ),
    column("district", "Wijk (gebied) van het woonadres.", "District of the home address.", "see generalisation"),
    column(
      "benefitBand",
      "Hoe lang de cliënt bijstand heeft op de eerste dag van de maand, in maanden.",
      "How long the client has been on benefit on the first day of the month, in months.",
      "a band in months, see generalisation",
    ),
    column("household", "Huishouden.", "Household situation.", "see generalisation"),
    column(
      "ladderRung",
      "Trede op de participatieladder volgens de laatste meting tot het eind van de maand.",
      "Participation ladder rung by the last assessment up to the end of the month.",
      "1-6; empty when never assessed",
    ),
    column(
      "activityType",
      "Belangrijkste activiteit in de maand: een plaatsing gaat voor, anders de planstap met de meeste uren.",
      "Main activity in the month: a placement first, otherwise the plan step with the most hours.",
      `volunteerPlacement, ${PLAN_STEP_TYPES.filter((t) => t !== "volunteerPlacement").join(", ")}, none`,
    ),
    column(
      "hoursPerWeek",
      "Uren per week van alle plaatsingen en planstappen die in de maand liepen, opgeteld.",
      "Hours per week of every placement and plan step that ran in the month, added up.",
      "a number with one decimal; 0 when nothing ran",
    ),
    column(
      "who5Band",
      "Welzijn (WHO-5, als percentage) bij de laatste check-in in de maand.",
      "Wellbeing (WHO-5, as a percentage) at the last check-in in the month.",
      "0-28 (suggests depression), 29-50 (poor wellbeing), 51-100; empty without a check-in that month",
    ),
    column(
      "endingReason",
      "Reden van een plaatsing die in de maand eindigde.",
      "Reason of a placement that ended in the month.",
      `${END_REASONS.join(", ")}; empty when none ended`,
    ),
    column(
      "exempt",
      "Had de cliënt in de maand een ontheffing van de tegenprestatie?",
      "Was the client exempted from the tegenprestatie in the month?",
      "1 yes, 0 no",
    ),
    column(
      "sanctioned",
      "Is in de maand een maatregel opgelegd (niet herroepen)?",
      "Was a sanction imposed in the month (not revoked)?",
      "1 yes, 0 no",
    ),
  ],
};
