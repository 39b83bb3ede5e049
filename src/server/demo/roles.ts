import { createHash } from "node:crypto";
import type { DisplacementChecksTable, PlacementsTable, VolunteerRolesTable } from "@server/db/schema.js";
import { FUNCTIONAL_LIMITS, type FunctionalLimit, type RoleEducationLevel } from "@shared/capacity.js";
import { addDays } from "@shared/dates.js";
import { WEEKDAY_PARTS } from "@shared/schemas/intakes.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { type Attribution, DISPLACEMENT_ENDING, END_REASONS, REGULAR_ENDINGS } from "@shared/schemas/placements.js";
import { GUIDANCE_LEVELS, type GuidanceLevel, type RoleSector } from "@shared/schemas/roles.js";
import { NOT_ENDED } from "../domains/placements/placements.service.js";
import { assessDisplacement, type DisplacementFinding } from "../domains/roles/displacement.js";
import type { DemoOrganisation, SeededRandom } from "./population.js";
import { present } from "./present.js";

/** Titles, tasks and the kind of work of the demo's roles. */
const ROLE_TITLES: readonly (readonly [string, string, RoleSector])[] = [
  ["Gastvrouw of gastheer", "Mensen welkom heten, koffie en thee schenken, een praatje maken.", "hospitality"],
  ["Hulp in de keuken", "Groente snijden, afwassen, helpen bij de buurtmaaltijd.", "hospitality"],
  ["Klusjes in en om het gebouw", "Kleine reparaties, opruimen, stoelen en tafels klaarzetten.", "other"],
  ["Tuinieren", "Onkruid wieden, planten water geven, oogsten.", "greenery"],
  ["Voorlezen en spelletjes", "Voorlezen aan kinderen of ouderen, spelletjes begeleiden.", "culture"],
  ["Wandelmaatje", "Samen wandelen met een bewoner die niet alleen naar buiten kan.", "socialSupport"],
  ["Sorteren en inpakken", "Spullen sorteren, pakketten inpakken, uitdelen.", "logistics"],
  ["Dieren verzorgen", "Hokken schoonmaken, dieren voeren, bezoekers helpen.", "other"],
  ["Balie en telefoon", "Telefoon opnemen, bezoekers de weg wijzen, afspraken noteren.", "administration"],
  ["Sportbegeleiding", "Helpen bij trainingen, materiaal klaarzetten, kantinedienst.", "sport"],
  ["Gezelschap in het verpleeghuis", "Koffie rondbrengen, een praatje maken, samen een spelletje doen met bewoners.", "care"],
  ["Opruimen na de activiteiten", "Tafels afnemen, vegen en de keuken opruimen na de buurtactiviteiten.", "cleaning"],
];

/**
 * Findings a reviewer weighs with the organisation rather than on its answers: many hours, night work, care or
 * cleaning. The demo's reviewers approved such roles after a conversation; other doubts still wait.
 */
const WEIGHED_WITH_THE_HOST: readonly DisplacementFinding[] = ["aboveSelfDeclaredMax", "atNight", "riskSector"];
const REVIEW_REASON =
  "Besproken met de organisatie: het werk komt bovenop het werk van de betaalde medewerkers, en de begeleiding is geregeld.";

export interface DemoRoleRows {
  roles: VolunteerRolesTable[];
  checks: DisplacementChecksTable[];
}

/**
 * About five roles per organisation; most pass the displacement check, some need review, a few fail it. A role that
 * needed review only for its hours, night work or sector was reviewed by the district's team lead and approved, ten
 * days after it was described, as `reviewRole` records it.
 */
export function generateRoles(
  random: SeededRandom,
  organisations: DemoOrganisation[],
  demoHostId: string,
  createdBy: string,
  reviewerOf: (district: string) => string,
  today: string,
  ordinance: Ordinance,
  now: string,
): DemoRoleRows {
  const rows: DemoRoleRows = { roles: [], checks: [] };
  for (const org of organisations) {
    const count = org.id === demoHostId ? 4 : random.int(2, 8);
    for (let i = 0; i < count; i++) {
      const [title, description, sector] = random.pick(ROLE_TITLES);
      const isDemoHost = org.id === demoHostId;
      const answers = {
        paidInLastThreeYears: !isDemoHost && random.chance(0.05),
        doneByPaidStaffElsewhere: !isDemoHost && random.chance(0.07),
        wouldOtherwiseBePaid: !isDemoHost && random.chance(0.03),
        partOfPaidService: !isDemoHost && random.chance(0.05),
        recentStaffCuts: !isDemoHost && random.chance(0.03),
      };
      const hours = random.pick([2, 3, 4, 4, 6, 8, 8, 12, 16]);
      const assessed = assessDisplacement(answers, { hoursPerWeek: hours, atNight: false, sector }, ordinance);
      const id = random.uuid();
      const createdOn = addDays(today, -random.int(30, 900));
      const weighed = assessed.status === "needsReview" && assessed.findings.every((f) => WEIGHED_WITH_THE_HOST.includes(f));
      const outcome = weighed ? { status: "approved" as const, reason: REVIEW_REASON, findings: [] } : assessed;
      // Drawn in the order the row once drew them, so the demo stays the same for the same seed.
      const weekdayParts = random.faker.helpers.arrayElements(
        WEEKDAY_PARTS.filter((p) => !p.startsWith("sun")),
        { min: 1, max: 4 },
      );
      const dutchLevel = random.pick(["none", "A1", "A2", "A2", "B1"] as const);
      const physicalDemands = random.pick(["light", "light", "moderate", "heavy"] as const);
      rows.roles.push({
        id,
        organisation_id: org.id,
        title,
        description,
        min_hours_per_week: Math.min(2, hours),
        hours_per_week: hours,
        weekday_parts: JSON.stringify(weekdayParts),
        postcode: org.postcode,
        skills: JSON.stringify([]),
        dutch_level: dutchLevel,
        physical_demands: physicalDemands,
        ...demandsOf(title, hours, physicalDemands === "heavy" && !isDemoHost),
        guidance_level: isDemoHost
          ? "intensive"
          : random.weighted([
              ["light", 25],
              ["regular", 50],
              ["intensive", 25],
            ] as const),
        places: isDemoHost ? 6 : random.int(1, 5),
        at_night: 0,
        sector,
        start_date: createdOn,
        end_date: null,
        status: outcome.status,
        status_reason: outcome.reason,
        status_reason_codes: JSON.stringify(outcome.findings),
        created_by: createdBy,
        created_at: `${createdOn}T10:00:00.000Z`,
        updated_at: now,
      });
      rows.checks.push({
        id: random.uuid(),
        role_id: id,
        kind: "questionnaire",
        answers: JSON.stringify(answers),
        outcome: assessed.status,
        reason: assessed.reason,
        decided_by: createdBy,
        created_at: `${createdOn}T10:00:00.000Z`,
      });
      if (weighed) {
        rows.checks.push({
          id: random.uuid(),
          role_id: id,
          kind: "review",
          answers: null,
          outcome: "approved",
          reason: REVIEW_REASON,
          decided_by: reviewerOf(org.district),
          created_at: `${addDays(createdOn, 10)}T11:00:00.000Z`,
        });
      }
    }
  }
  const host = organisations.find((org) => org.id === demoHostId);
  if (host) addWarehouseRole(rows, host, createdBy, reviewerOf(host.district), today, now);
  return rows;
}

/** What the demo's roles ask beyond their hours: by their tasks, days of at most 8 hours, heavy work as heavy lifting. */
const DEMANDS_OF_TITLE: Record<string, { demands: FunctionalLimit[]; education?: RoleEducationLevel }> = {
  "Hulp in de keuken": { demands: ["standingLong"] },
  "Klusjes in en om het gebouw": { demands: ["heightsOrMachines"] },
  "Sorteren en inpakken": { demands: ["standingLong"] },
  "Balie en telefoon": { demands: ["concentration"], education: "secondary" },
  "Voorlezen en spelletjes": { demands: [], education: "basic" },
};

/** A demo role's longest day, days, demands and education, from its tasks and hours; no randomness of its own. */
function demandsOf(title: string, hours: number, heavy: boolean) {
  const known = DEMANDS_OF_TITLE[title] ?? { demands: [] };
  const longest = Math.min(hours, 8);
  const demands = heavy ? ["heavyLifting" as const, ...known.demands] : known.demands;
  return {
    longest_day_hours: longest,
    days_per_week: Math.ceil(hours / longest),
    demands: JSON.stringify(FUNCTIONAL_LIMITS.filter((d) => demands.includes(d))),
    education_level: known.education ?? ("none" as const),
  };
}

/** A fixed id for a demo record that is added apart from the seeded draws, so adding it changes no other record. */
function fixedId(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The warehouse role of the demo host in Charlois: days of 10 hours with heavy lifting and long standing, so that a
 * client with a limit of 6 hours a day or no heavy lifting sees it left out of the suggestions, with why. Its hours
 * are above the self-declared maximum, so the team lead reviewed and approved it.
 */
function addWarehouseRole(rows: DemoRoleRows, host: DemoOrganisation, createdBy: string, reviewer: string, today: string, now: string) {
  const id = fixedId(`warehouse-role:${host.id}`);
  const createdOn = addDays(today, -60);
  const answers = {
    paidInLastThreeYears: false,
    doneByPaidStaffElsewhere: false,
    wouldOtherwiseBePaid: false,
    partOfPaidService: false,
    recentStaffCuts: false,
  };
  rows.roles.push({
    id,
    organisation_id: host.id,
    title: "Magazijnmedewerker voedselbank",
    description: "Kratten tillen en sjouwen, pallets stapelen en de bus uitladen, op lange dagen.",
    min_hours_per_week: 10,
    hours_per_week: 10,
    weekday_parts: JSON.stringify([]),
    postcode: host.postcode,
    skills: JSON.stringify(["magazijnwerk"]),
    dutch_level: "none",
    physical_demands: "heavy",
    guidance_level: "intensive",
    places: 4,
    at_night: 0,
    sector: "logistics",
    longest_day_hours: 10,
    days_per_week: 1,
    demands: JSON.stringify(["heavyLifting", "standingLong"]),
    education_level: "none",
    start_date: createdOn,
    end_date: null,
    status: "approved",
    status_reason: REVIEW_REASON,
    status_reason_codes: JSON.stringify([]),
    created_by: createdBy,
    created_at: `${createdOn}T10:00:00.000Z`,
    updated_at: now,
  });
  rows.checks.push(
    {
      id: fixedId(`warehouse-check:${host.id}`),
      role_id: id,
      kind: "questionnaire",
      answers: JSON.stringify(answers),
      outcome: "needsReview",
      reason: "More hours a week than a host may declare on its own.",
      decided_by: createdBy,
      created_at: `${createdOn}T10:00:00.000Z`,
    },
    {
      id: fixedId(`warehouse-review:${host.id}`),
      role_id: id,
      kind: "review",
      answers: null,
      outcome: "approved",
      reason: REVIEW_REASON,
      decided_by: reviewer,
      created_at: `${addDays(createdOn, 10)}T11:00:00.000Z`,
    },
  );
}

export interface PlacementCandidate {
  clientId: string;
  district: string;
  guidanceNeed: GuidanceLevel;
  spareHours: number;
  planConfirmedOn: string;
  consultantId: string;
}

const ATTRIBUTION_OF: Record<string, Attribution> = {
  clientStopped: "client",
  organisationStopped: "organisation",
  poorFit: "none",
  health: "health",
  caregiving: "caregiving",
  moved: "none",
  other: "none",
};

/** What a host says happened when a placement ends early, by end reason. */
const HOST_ACCOUNTS: Partial<Record<string, string[]>> = {
  clientStopped: [
    "Kwam de laatste drie weken niet meer en belde niet af.",
    "Zei na een gesprek met de coördinator dat het werk niet bij haar past en kwam daarna niet meer.",
  ],
  organisationStopped: ["Wij moesten het project stoppen: de subsidie liep af.", "Het team kon de begeleiding niet meer geven."],
  poorFit: ["Het werk bleek te zwaar; samen besloten te stoppen.", "Er was te weinig te doen op de dagen dat hij kon."],
  health: ["Meldde zich ziek en kon niet terugkomen."],
  caregiving: ["Moest voor haar moeder zorgen en kon de uren niet meer maken."],
  moved: ["Is verhuisd naar een andere stad."],
  other: ["Gestopt om een reden die wij niet kennen."],
};

/**
 * Placements for clients whose plan is in force: at an approved role in their district with a free place,
 * enough guidance hours and hours within capacity — the same rules the API enforces.
 */
export function generatePlacements(
  random: SeededRandom,
  candidates: PlacementCandidate[],
  roles: VolunteerRolesTable[],
  organisations: DemoOrganisation[],
  today: string,
  ordinance: Ordinance,
): PlacementsTable[] {
  const placements: PlacementsTable[] = [];
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const taken = new Map<string, number>();
  const guidanceUsed = new Map<string, number>();
  const byDistrict = new Map<string, VolunteerRolesTable[]>();
  for (const role of roles.filter((r) => r.status === "approved")) {
    const district = present(orgById.get(role.organisation_id), `organisation ${role.organisation_id}`).district;
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), role]);
  }
  for (const candidate of candidates) {
    if (!random.chance(0.45)) continue;
    const guidanceHours = ordinance.guidanceHoursPerLevel[candidate.guidanceNeed];
    const options = (byDistrict.get(candidate.district) ?? []).filter((role) => {
      const org = present(orgById.get(role.organisation_id), `organisation ${role.organisation_id}`);
      return (
        role.hours_per_week <= candidate.spareHours &&
        GUIDANCE_LEVELS.indexOf(role.guidance_level) >= GUIDANCE_LEVELS.indexOf(candidate.guidanceNeed) &&
        (taken.get(role.id) ?? 0) < role.places - (org.name.includes("Wielewaal") ? 2 : 0) &&
        (guidanceUsed.get(org.id) ?? 0) + guidanceHours <= org.guidanceHoursPerWeek - (org.name.includes("Wielewaal") ? 12 : 0)
      );
    });
    if (options.length === 0) continue;
    const role = random.pick(options);
    // Starts are staggered: one to eleven months after the plan, so check-ins see most clients before and after.
    const started = addDays(candidate.planConfirmedOn, random.int(30, 330));
    if (started >= today) continue;
    const ended = random.chance(0.35);
    const endedOn = ended ? addDays(started, random.int(20, 300)) : null;
    const isEnded = endedOn !== null && endedOn < today;
    const endReason = isEnded
      ? random.weighted(
          // A role rejected for displacement ends its placements all at once, never one by chance.
          END_REASONS.filter((r) => r !== DISPLACEMENT_ENDING).map(
            (r) => [r, r === "completed" ? 30 : r === "movedToPaidWork" ? 6 : 8] as const,
          ),
        )
      : null;
    if (!isEnded) {
      taken.set(role.id, (taken.get(role.id) ?? 0) + 1);
      guidanceUsed.set(role.organisation_id, (guidanceUsed.get(role.organisation_id) ?? 0) + guidanceHours);
    }
    const at = `${started}T09:00:00.000Z`;
    // The host's view; an early ending waits, undetermined, until the consultant has heard the client (seedAttributions).
    const view = endReason
      ? REGULAR_ENDINGS.includes(endReason)
        ? "none"
        : present(ATTRIBUTION_OF[endReason], `attribution of ${endReason}`)
      : null;
    const early = endReason !== null && !REGULAR_ENDINGS.includes(endReason);
    placements.push({
      id: random.uuid(),
      client_id: candidate.clientId,
      role_id: role.id,
      organisation_id: role.organisation_id,
      status: isEnded ? "ended" : "active",
      hours_per_week: role.hours_per_week,
      guidance_level: candidate.guidanceNeed,
      guidance_override_reason: null,
      proposed_by: candidate.consultantId,
      decision_reason: null,
      decided_by: null,
      started_on: started,
      ended_on: isEnded ? endedOn : null,
      end_reason: endReason,
      end_note: early ? random.pick(HOST_ACCOUNTS[endReason ?? "other"] ?? HOST_ACCOUNTS.other ?? []) : null,
      attributable_to: early ? "undetermined" : view,
      ordinance_version: ordinance.version,
      ...NOT_ENDED,
      host_view_attribution: view,
      created_at: at,
      updated_at: isEnded ? `${endedOn}T16:00:00.000Z` : at,
    });
  }
  return placements;
}
