import { SANCTION_BLOCKS } from "./schemas/sanctions.js";
import type { EFFECT_OUTCOMES, EFFECT_TREATMENTS, StatisticsTableId } from "./schemas/statistics.js";

/**
 * The words for the figures of the tegenprestatie — table titles, dimensions, measures and the values in a row's
 * keys, the activities and outcomes of the effect estimates — in Dutch (B1) and English. The one source: the dashboard
 * and the effects page (in either language) and the annual report to the council call a figure by the same name; the
 * web's translation files hold none of these words.
 */
export const STATISTICS_LANGUAGES = ["nl", "en"] as const;
export type StatisticsLanguage = (typeof STATISTICS_LANGUAGES)[number];

interface TableWords {
  title: string;
  /** One or two plain sentences: what the table counts. */
  intro: string;
}

interface StatisticsWords {
  tables: Record<StatisticsTableId, TableWords>;
  dimensions: Record<string, string>;
  measures: Record<string, string>;
  /** Codes that appear in a row's keys (reasons, step types, outcomes …). */
  values: Record<string, string>;
  treatments: Record<(typeof EFFECT_TREATMENTS)[number], string>;
  outcomes: Record<(typeof EFFECT_OUTCOMES)[number], string>;
  units: Record<"clients" | "events" | "days" | "hours" | "score" | "percent", string>;
  /** A row of clients without a district. */
  noDistrict: string;
  quarter: (year: string, quarter: string) => string;
  rung: (rung: string) => string;
  months: string[];
}

const BLOCKS_NL: Record<(typeof SANCTION_BLOCKS)[number], string> = {
  activeExemption: "Heeft een ontheffing",
  attributionPending: "Nog niet bepaald aan wie het stoppen lag",
  dropoutNotAttributable: "Stoppen lag niet aan de deelnemer",
  letterNotDelivered: "Brief niet afgeleverd",
  letterRequired: "Geen brief gestuurd",
  secondInvitationFirst: "Eerst een tweede uitnodiging",
  noObligation: "Geen plicht",
  duplicateFact: "Al eerder een maatregel hiervoor",
  factsTooOld: "Te lang geleden",
  notCulpable: "Niet verwijtbaar",
  buddyPairingNoGround: "Ging over een maatje (nooit een reden)",
};

const nl: StatisticsWords = {
  tables: {
    funnel: {
      title: "Van uitnodiging tot activiteit",
      intro: "Hoeveel mensen we uitnodigden, en hoeveel daarna een gesprek, een plan en een activiteit hadden.",
    },
    activeSteps: { title: "Lopende activiteiten", intro: "Hoeveel mensen een activiteit deden, per soort activiteit." },
    contributions: {
      title: "Afspraken over wat mensen al doen",
      intro: "Mensen die al vrijwilligerswerk doen, iets zelf bedacht hebben of voor iemand zorgen. Dat legden we vast.",
    },
    endings: { title: "Gestopt met een plaatsing", intro: "Waarom een plaatsing stopte, en aan wie dat lag." },
    timeToFirstActivity: {
      title: "Wachten op de eerste activiteit",
      intro: "Hoeveel dagen het duurde van de uitnodiging tot de eerste activiteit.",
    },
    ladderDistribution: {
      title: "Participatieladder",
      intro: "Op welke trede van de participatieladder mensen stonden. Trede 1 is: veel alleen. Trede 6 is: betaald werk.",
    },
    ladderTransitions: {
      title: "Van trede naar trede",
      intro: "Van welke trede mensen aan het begin van het jaar naar welke trede aan het eind gingen.",
    },
    wellbeing: {
      title: "Hoe mensen zich voelen (WHO-5)",
      intro: "De WHO-5 is een korte vragenlijst over hoe iemand zich voelt. Een hogere score is beter.",
    },
    exemptions: {
      title: "Ontheffingen",
      intro: "Wie de tegenprestatie een tijd niet hoeft te doen, bijvoorbeeld door ziekte of zorg voor een ander.",
    },
    caregiving: {
      title: "Mantelzorg",
      intro: "Zorg voor een ander kan als tegenprestatie tellen. Gewone zorg binnen het gezin telt niet mee.",
    },
    accountability: {
      title: "Laten zien dat het doorgaat",
      intro: "Mensen laten af en toe zien dat hun vrijwilligerswerk of zorg doorgaat. Hoe vaak dat op tijd lukte.",
    },
    sanctions: {
      title: "Maatregelen",
      intro: "Een maatregel is een korting op de uitkering. Hoeveel we voorstelden, hoeveel een regel tegenhield, en hoe het afliep.",
    },
    objections: { title: "Bezwaren", intro: "Hoeveel mensen bezwaar maakten tegen een besluit, en hoe dat afliep." },
    displacement: {
      title: "Verdringing",
      intro:
        "Vrijwilligerswerk mag geen betaald werk wegnemen. Hoeveel vrijwilligersplekken we daarop controleerden en afwezen, en hoeveel klachten er waren.",
    },
    guidance: {
      title: "Begeleiding: vraag en aanbod",
      intro: "Hoeveel uur begeleiding deelnemers nodig hadden, en hoeveel uur organisaties konden geven, per wijk.",
    },
    outflow: { title: "Naar betaald werk", intro: "Hoeveel mensen betaald werk vonden." },
  },
  dimensions: {
    period: "Periode",
    district: "Wijk",
    stepType: "Soort activiteit",
    kind: "Soort afspraak",
    reason: "Reden",
    attribution: "Lag aan",
    rung: "Trede",
    fromRung: "Trede eerst",
    toRung: "Trede daarna",
    moment: "Moment",
    ground: "Reden",
    length: "Duur",
    decisionType: "Soort besluit",
    outcome: "Uitkomst",
    route: "Hoe",
  },
  measures: {
    cohort: "Mensen met bijstand",
    invited: "Uitgenodigd",
    lettersDelivered: "Brief afgeleverd",
    lettersReturned: "Brief teruggekomen",
    intakesHeld: "Gesprek gehad",
    plansConfirmed: "Plan afgesproken",
    placementsStarted: "Plaatsing begonnen",
    clientsActive: "Mensen bezig",
    stepsStarted: "Activiteiten begonnen",
    formalised: "Afspraken vastgelegd",
    ended: "Gestopt",
    clients: "Mensen",
    medianDays: "Mediaan (dagen)",
    checkIns: "Gesprekken",
    meanScore: "Gemiddelde score",
    granted: "Gegeven",
    accepted: "Geaccepteerd als tegenprestatie",
    customaryCare: "Gewone zorg in het gezin",
    answeredOnTime: "Op tijd",
    answeredLate: "Te laat",
    unanswered: "Geen antwoord",
    proposed: "Voorgesteld",
    ...Object.fromEntries(SANCTION_BLOCKS.map((code) => [`refusedBy.${code}`, `Tegengehouden: ${BLOCKS_NL[code].toLowerCase()}`])),
    imposed: "Opgelegd",
    refrained: "Afgezien",
    objected: "Bezwaar gemaakt",
    revokedOnObjection: "Herroepen na bezwaar",
    received: "Bezwaren",
    rolesReviewed: "Vrijwilligersplekken gecontroleerd",
    rolesRejected: "Vrijwilligersplekken afgewezen",
    complaintsFiled: "Klachten ingediend",
    complaintsUpheld: "Klachten terecht",
    placements: "Plaatsingen",
    demandHours: "Nodig (uur per week)",
    supplyHours: "Aanbod (uur per week)",
  },
  values: {
    languageCourse: "Taalles",
    exercise: "Bewegen",
    careReferral: "Hulpverlening",
    debtHelp: "Schuldhulp",
    caregiving: "Mantelzorg",
    volunteerPlacement: "Vrijwilligerswerk (plaatsing)",
    ownInitiative: "Eigen initiatief",
    training: "Training",
    ownSituation: "Werken aan eigen situatie",
    existingVolunteerWork: "Vrijwilligerswerk dat iemand al deed",
    course: "Cursus",
    peerBuddy: "Maatje voor een ander",
    peerSupport: "Een maatje",
    completed: "Afgerond",
    movedToPaidWork: "Betaald werk gevonden",
    clientStopped: "Deelnemer stopte",
    organisationStopped: "Organisatie stopte",
    poorFit: "Paste niet",
    health: "Gezondheid",
    moved: "Verhuisd",
    roleRejected: "Vrijwilligersplek afgekeurd (verdringing)",
    other: "Anders",
    client: "De deelnemer",
    organisation: "De organisatie",
    none: "Niemand",
    undetermined: "Nog niet bepaald",
    baseline: "Eerste meting",
    followUp: "Latere meting",
    medical: "Medisch",
    singleParentYoungChildren: "Alleenstaande ouder met jonge kinderen",
    crisis: "Crisis",
    education: "Opleiding",
    otherUrgentReasons: "Andere dringende redenen",
    openEnded: "Zonder einddatum",
    upToThreeMonths: "Tot 3 maanden",
    upToTwelveMonths: "3 tot 12 maanden",
    overTwelveMonths: "Langer dan 12 maanden",
    ...BLOCKS_NL,
    assignment: "Opdracht tegenprestatie",
    placementAgreement: "Afspraak plaatsing",
    placementAttribution: "Stoppen lag aan deelnemer",
    exemptionGranted: "Ontheffing gegeven",
    exemptionRefused: "Ontheffing geweigerd",
    exemptionEnded: "Ontheffing beëindigd",
    exemptionNotExtended: "Ontheffing niet verlengd",
    activityProposalAccepted: "Eigen voorstel goedgekeurd",
    activityProposalDeclined: "Voorstel van de cliënt afgewezen",
    buddyAgreement: "Afspraak maatje",
    sanctionImposed: "Maatregel opgelegd",
    sanctionImposedLower: "Maatregel lager opgelegd",
    sanctionRefrained: "Afgezien van maatregel",
    reconsideration: "Heroverweging maatregel",
    objectionDecision: "Beslissing op bezwaar",
    wellFounded: "Gegrond",
    partlyWellFounded: "Deels gegrond",
    unfounded: "Ongegrond",
    inadmissible: "Niet-ontvankelijk",
    pending: "Nog niet beslist",
    placementEnded: "Na een plaatsing",
    ladderPaidWork: "Volgens de participatieladder",
  },
  treatments: {
    placementStarted: "Begin van vrijwilligerswerk (plaatsing)",
    languageCourse: "Taalles",
    exercise: "Bewegen",
    careReferral: "Hulpverlening",
    debtHelp: "Schuldhulp",
    training: "Training",
  },
  outcomes: { ladderRung: "Trede op de participatieladder", who5: "Hoe iemand zich voelt (WHO-5-score)" },
  units: { clients: "mensen", events: "keer", days: "dagen", hours: "uur", score: "punten", percent: "%" },
  noDistrict: "Geen wijk",
  quarter: (year, quarter) => `${quarter}e kwartaal ${year}`,
  rung: (rung) => `Trede ${rung}`,
  months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
};

const en: StatisticsWords = {
  tables: {
    funnel: {
      title: "From invitation to activity",
      intro: "How many people were invited, and how many then had an intake, a plan and an activity.",
    },
    activeSteps: { title: "Activities under way", intro: "How many people took part in an activity, by kind of activity." },
    contributions: {
      title: "Agreements on what people already do",
      intro: "People who already volunteer, organised something themselves or care for someone, recorded in an agreement.",
    },
    endings: { title: "Placements that ended", intro: "Why a placement ended, and to whom that was attributable." },
    timeToFirstActivity: { title: "Waiting for the first activity", intro: "Days from the invitation to the first activity." },
    ladderDistribution: { title: "Participation ladder", intro: "The rung people stood on. Rung 1 is isolated; rung 6 is paid work." },
    ladderTransitions: { title: "From rung to rung", intro: "From which rung at the start of the year to which rung at its end." },
    wellbeing: { title: "Wellbeing (WHO-5)", intro: "The WHO-5 is a short questionnaire on wellbeing. Higher is better." },
    exemptions: { title: "Exemptions", intro: "Who is released from the duty for a while, for instance for illness or caring." },
    caregiving: { title: "Caregiving", intro: "Care for someone close, accepted as the contribution." },
    accountability: { title: "Showing it continues", intro: "How often proof that an agreed contribution continues came in on time." },
    sanctions: { title: "Sanctions", intro: "Proposed, refused by a rule, imposed, refrained from, objected to and revoked." },
    objections: { title: "Objections", intro: "Objections against decisions, and their outcomes." },
    displacement: {
      title: "Displacement",
      intro: "Roles reviewed and rejected because they would replace paid work; complaints filed and upheld.",
    },
    guidance: {
      title: "Guidance: demand and supply",
      intro: "Hours of guidance volunteers needed against the hours host organisations offered, per district.",
    },
    outflow: { title: "Into paid work", intro: "How many people found paid work." },
  },
  dimensions: {
    period: "Period",
    district: "District",
    stepType: "Kind of activity",
    kind: "Kind of agreement",
    reason: "Reason",
    attribution: "Attributable to",
    rung: "Rung",
    fromRung: "From rung",
    toRung: "To rung",
    moment: "Moment",
    ground: "Ground",
    length: "Length",
    decisionType: "Kind of decision",
    outcome: "Outcome",
    route: "Route",
  },
  measures: {
    cohort: "People on benefit",
    invited: "Invited",
    lettersDelivered: "Letter delivered",
    lettersReturned: "Letter returned",
    intakesHeld: "Intake held",
    plansConfirmed: "Plan confirmed",
    placementsStarted: "Placement started",
    clientsActive: "People active",
    stepsStarted: "Activities started",
    formalised: "Agreements recorded",
    ended: "Ended",
    clients: "People",
    medianDays: "Median (days)",
    checkIns: "Check-ins",
    meanScore: "Mean score",
    granted: "Granted",
    accepted: "Accepted as contribution",
    customaryCare: "Customary care",
    answeredOnTime: "On time",
    answeredLate: "Late",
    unanswered: "Unanswered",
    proposed: "Proposed",
    ...Object.fromEntries(SANCTION_BLOCKS.map((code) => [`refusedBy.${code}`, `Refused: ${spelledOut(code).toLowerCase()}`])),
    imposed: "Imposed",
    refrained: "Refrained",
    objected: "Objected",
    revokedOnObjection: "Revoked on objection",
    received: "Objections",
    rolesReviewed: "Roles reviewed",
    rolesRejected: "Roles rejected",
    complaintsFiled: "Complaints filed",
    complaintsUpheld: "Complaints upheld",
    placements: "Placements",
    demandHours: "Needed (hours per week)",
    supplyHours: "Offered (hours per week)",
  },
  values: {
    languageCourse: "Language course",
    exercise: "Exercise and sport",
    careReferral: "Care and support",
    debtHelp: "Debt help",
    caregiving: "Informal care",
    volunteerPlacement: "Volunteer work (placement)",
    ownInitiative: "Own initiative",
    training: "Course or training",
    ownSituation: "Working on own situation",
    existingVolunteerWork: "Volunteer work someone already did",
    course: "Course",
    peerBuddy: "Buddy for someone else",
    peerSupport: "A buddy",
    completed: "Completed",
    movedToPaidWork: "Found paid work",
    clientStopped: "Participant stopped",
    organisationStopped: "Organisation stopped",
    poorFit: "Did not fit well",
    health: "Health",
    moved: "Moved house",
    roleRejected: "Role rejected (displacement)",
    other: "Something else",
    client: "The participant",
    organisation: "The organisation",
    none: "Nobody",
    undetermined: "Not determined yet",
    medical: "Medical",
    singleParentYoungChildren: "Single parent with young children",
    crisis: "Crisis",
    education: "Education",
    otherUrgentReasons: "Other urgent reasons",
    assignment: "Community contribution assignment",
    placementAgreement: "Placement agreement",
    placementAttribution: "Ending attributed to participant",
    exemptionGranted: "Exemption granted",
    exemptionRefused: "Exemption refused",
    exemptionEnded: "Exemption ended",
    exemptionNotExtended: "Exemption not extended",
    activityProposalAccepted: "Own proposal accepted",
    activityProposalDeclined: "Client's proposal declined",
    buddyAgreement: "Buddy agreement",
    sanctionImposed: "Sanction imposed",
    sanctionImposedLower: "Lower sanction imposed",
    sanctionRefrained: "Sanction refrained from",
    reconsideration: "Sanction reconsidered",
    objectionDecision: "Decision on objection",
    wellFounded: "Well-founded",
    partlyWellFounded: "Partly well-founded",
    unfounded: "Unfounded",
    inadmissible: "Inadmissible",
    ...Object.fromEntries(SANCTION_BLOCKS.map((code) => [code, spelledOut(code)])),
    baseline: "First measurement",
    followUp: "Later measurement",
    openEnded: "No end date",
    upToThreeMonths: "Up to 3 months",
    upToTwelveMonths: "3 to 12 months",
    overTwelveMonths: "Over 12 months",
    placementEnded: "After a placement",
    ladderPaidWork: "By the participation ladder",
    pending: "Not yet decided",
  },
  treatments: {
    placementStarted: "Starting a placement",
    languageCourse: "Language course",
    exercise: "Exercise",
    careReferral: "Care referral",
    debtHelp: "Debt help",
    training: "Training",
  },
  outcomes: { ladderRung: "Participation ladder rung", who5: "Wellbeing (WHO-5 score)" },
  units: { clients: "people", events: "times", days: "days", hours: "hours", score: "points", percent: "%" },
  noDistrict: "No district",
  quarter: (year, quarter) => `Q${quarter} ${year}`,
  rung: (rung) => `Rung ${rung}`,
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export const STATISTICS_WORDS: Record<StatisticsLanguage, StatisticsWords> = { nl, en };

/** A camelCase code in plain words, for a code no label names yet: `lettersDelivered` → `letters delivered`. */
function spelledOut(code: string): string {
  const words = code.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The title of a table. */
export const tableTitle = (language: StatisticsLanguage, id: StatisticsTableId) => STATISTICS_WORDS[language].tables[id].title;

/** A dimension's name, e.g. `district` → `Wijk`. */
export const dimensionLabel = (language: StatisticsLanguage, key: string) => STATISTICS_WORDS[language].dimensions[key] ?? spelledOut(key);

/** A measure's name, e.g. `invited` → `Uitgenodigd`. */
export const measureLabel = (language: StatisticsLanguage, key: string) => STATISTICS_WORDS[language].measures[key] ?? spelledOut(key);

/** True when the language has its own word for the dimension or measure (the dashboard and the report check every key). */
export const hasLabel = (language: StatisticsLanguage, kind: "dimensions" | "measures", key: string) =>
  key in STATISTICS_WORDS[language][kind];

const PERIOD_DIMENSIONS = new Set(["period"]);

/**
 * A key in a row, read through its dimension: a period (`2026-03`, `2026-Q1`, `2026`) as words, a rung as
 * "Trede 3", a code by its label; a district's name and anything unknown as it is.
 */
export function keyLabel(language: StatisticsLanguage, dimension: string, value: string): string {
  const words = STATISTICS_WORDS[language];
  if (PERIOD_DIMENSIONS.has(dimension)) {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
    if (quarter) return words.quarter(quarter[1] as string, quarter[2] as string);
    const month = /^(\d{4})-(\d{2})$/.exec(value);
    if (month) return `${words.months[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
    return value;
  }
  if (dimension === "district" && value === "") return words.noDistrict;
  if (/rung/i.test(dimension) && /^[1-6]$/.test(value)) return words.rung(value);
  return words.values[value] ?? (/^[a-z]+[A-Z]/.test(value) ? spelledOut(value) : value);
}
