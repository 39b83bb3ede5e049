import type { StatisticsTableId } from "@shared/schemas/statistics.js";

/**
 * The words of the annual report to the council, in plain Dutch (B1): the council and citizens read it. Figures are
 * filled in by `annual-report.pdf.ts`; everything said the same every year stands here.
 */

export const INTRODUCTION = {
  title: "Waar gaat dit verslag over?",
  paragraphs: [
    "Mensen met een bijstandsuitkering doen iets nuttigs voor de stad. Dat heet de tegenprestatie. Het staat in de Participatiewet. Het is werk zonder loon, bijvoorbeeld vrijwilligerswerk. Ook een taalles, bewegen of zorg voor iemand kan meetellen.",
    "Iedereen doet dit naar vermogen. Dat betekent: niet meer dan iemand kan. Wie ziek is of voor een ander zorgt, kan een ontheffing krijgen. Vrijwilligerswerk mag geen betaald werk wegnemen. Dat heet verdringing.",
    "Doet iemand niet mee, zonder goede reden? Dan kan de gemeente de uitkering een tijd verlagen. Dat heet een maatregel. Tegen elk besluit kan iemand bezwaar maken.",
    "De verordening vraagt de gemeente om elk jaar aan de gemeenteraad te laten zien hoe het gaat. Dat doen we met dit verslag.",
  ],
};

export const ABOUT_THE_FIGURES = {
  title: "Over de cijfers",
  source:
    "De cijfers komen uit Naar Vermogen. Daarin doen de consulenten van de gemeente hun werk. We tellen mensen en gebeurtenissen. Er staan geen namen in dit verslag.",
  tables: "Bij elke grafiek staat een tabel met dezelfde cijfers. Een streepje (–) betekent: hier is geen getal.",
  suppressed: (threshold: number) =>
    `Een klein aantal kan iemand herkenbaar maken. Daarom laten we een aantal onder de ${threshold} niet zien. Dan staat er "minder dan ${threshold}". Soms verbergen we ook een groter aantal. Anders kun je het kleine aantal uitrekenen met de totalen.`,
  hiddenCount: (count: number) => `In dit verslag zijn ${count} getallen verborgen.`,
};

/** The groups of tables, each a chapter with one short introduction. Every table of the overview is in one group. */
export const SECTIONS: { title: string; intro: string; tables: StatisticsTableId[] }[] = [
  {
    title: "Meedoen: van uitnodiging tot activiteit",
    intro:
      "Hier ziet u hoeveel mensen we uitnodigden, en wat daarna gebeurde. En hoeveel mensen al iets deden dat we als tegenprestatie vastlegden.",
    tables: ["funnel", "activeSteps", "contributions", "timeToFirstActivity"],
  },
  {
    title: "Hoe gaat het met de deelnemers?",
    intro:
      "Consulenten kijken bij elk gesprek op welke trede van de participatieladder iemand staat. Ook vult de deelnemer de WHO-5 in: vijf vragen over hoe iemand zich voelt.",
    tables: ["ladderDistribution", "ladderTransitions", "wellbeing"],
  },
  {
    title: "Stoppen en betaald werk",
    intro:
      "Soms stopt een plaatsing eerder dan afgesproken. We schrijven altijd op waarom, en aan wie het lag. Een deelnemer krijgt geen maatregel als het stoppen niet aan hem of haar lag.",
    tables: ["endings", "outflow"],
  },
  {
    title: "Ontheffingen, mantelzorg en verantwoording",
    intro:
      "Niet iedereen kan meedoen. Wie ziek is, voor een ander zorgt of in een crisis zit, krijgt een tijd een ontheffing. Mantelzorg kan ook als tegenprestatie tellen.",
    tables: ["exemptions", "caregiving", "accountability"],
  },
  {
    title: "Maatregelen en bezwaren",
    intro:
      "Een maatregel komt pas na een zorgvuldige procedure: eerst een voorstel, dan een gesprek met de deelnemer, dan een besluit door een tweede persoon. Het systeem houdt een voorstel tegen als een regel dat zegt, bijvoorbeeld bij een ontheffing of als de brief niet is aangekomen.",
    tables: ["sanctions", "objections"],
  },
  {
    title: "Verdringing",
    intro:
      "Elke vrijwilligersplek wordt eerst gecontroleerd. Neemt het werk betaald werk weg? Dan wijzen we de vrijwilligersplek af. Iedereen kan daarover een klacht indienen.",
    tables: ["displacement"],
  },
  {
    title: "Begeleiding: vraag en aanbod",
    intro:
      "Deelnemers hebben begeleiding nodig bij hun vrijwilligerswerk. Organisaties hebben daar maar een beperkt aantal uren voor. Is er minder begeleiding dan nodig? Dan kunnen we minder mensen plaatsen.",
    tables: ["guidance"],
  },
];

export const NO_ROWS = "Hierover zijn in deze periode geen cijfers.";

export const EFFECTS = {
  title: "Wat levert het op?",
  question:
    "We willen weten of meedoen mensen helpt. Gaan mensen een trede omhoog op de participatieladder als ze vrijwilligerswerk of een andere activiteit beginnen? En voelen ze zich beter?",
  notATrial:
    "Let op: dit is geen experiment. We hebben mensen niet door loting in groepen verdeeld. We vergelijken wat er al gebeurde. Daarom zijn dit schattingen, geen bewijs.",
  methodTitle: "Hoe rekenen we?",
  method:
    "We vergelijken mensen die met een activiteit begonnen met mensen die later begonnen en op dat moment nog wachtten. We kijken hoeveel beide groepen in dezelfde maanden veranderden. Het verschil tussen die twee veranderingen is de schatting. Zo tellen veranderingen die voor iedereen gelden niet mee, zoals het seizoen. Onderzoekers noemen dit een verschil-in-verschillen-ontwerp met gespreide starts.",
  margin: (level: number, resamples: number, seed: number) =>
    `Bij elke schatting staat een marge: het ${level}%-betrouwbaarheidsinterval. We herhaalden de berekening ${resamples} keer, steeds met een andere trekking uit de gegevens (bootstrap, startgetal ${seed}). Met hetzelfde startgetal komen dezelfde cijfers uit. Het echte effect ligt waarschijnlijk binnen de marge. Gaat de marge door nul? Dan weten we niet zeker of er een effect is.`,
  chartCaption: "De stip is de schatting, de lijn de marge. Rechts van de stippellijn: hoger dan bij de vergelijkingsgroep.",
  window: (from: string | null, to: string | null) =>
    from && to
      ? `De schattingen gebruiken de gegevens van ${from} tot en met ${to}.`
      : to
        ? `De schattingen gebruiken alle gegevens tot en met ${to}.`
        : "De schattingen gebruiken alle gegevens tot nu toe.",
  whatWeSee: "Wat zien we?",
  none: "Er zijn nog te weinig gegevens voor een schatting.",
  tooFew: "te weinig deelnemers voor een schatting",
  noMargin: "geen marge te berekenen, dus geen schatting",
  countsHidden: (threshold: number) =>
    `Staan er minder dan ${threshold} deelnemers achter een schatting? Dan noemen we het aantal niet, zodat niemand te herkennen is. Er staat dan 'minder dan ${threshold}'.`,
  caveatsTitle: "Kanttekeningen",
  caveats: [
    "Dit is geen experiment. Mensen die beginnen kunnen op andere punten verschillen van mensen die nog wachten, op manieren die we niet meten.",
    "Consulenten bepalen de trede op de ladder in een gesprek. Mensen met een activiteit hebben vaker een gesprek, dus we meten hen vaker.",
    "Wie stopt of verhuist, zien we daarna niet meer in de cijfers.",
    "Kleine groepen geven een brede marge. Bij te weinig deelnemers geven we geen schatting.",
    "De cijfers van een jaar kunnen later nog iets veranderen, bijvoorbeeld als een bezwaar nog loopt.",
  ],
};

export const GUIDANCE = {
  shortfall: (districts: string, hours: string) =>
    `Te weinig begeleiding in: ${districts}. Samen ontbrak ${hours} uur begeleiding per week.`,
  enough: "In geen enkele wijk was er minder begeleiding dan nodig.",
};
