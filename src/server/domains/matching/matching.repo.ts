import { jsonStringList, parseJsonColumn } from "@server/db/json.js";
import type { ClientRow, Database } from "@server/db/schema.js";
import { roleEducationOf } from "@shared/capacity.js";
import { addDays } from "@shared/dates.js";
import { postcodeCentroid } from "@shared/geo.js";
import { DUTCH_LEVELS, type GuidanceLevel } from "@shared/schemas/roles.js";
import type { Kysely } from "kysely";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { type CapacitySource, capacitiesOf, committedHoursByClient, functionalLimitsOf } from "../plans/capacity.js";
import { AGREED_PLACEMENT_STATUSES, isOneOf, OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";
import { type ClientProfile, dutchLevelOfScore, type RoleOffer } from "./matching.rules.js";

const parseList = (json: string): string[] => parseJsonColumn(jsonStringList, json);

/**
 * Every role that may take placements today: approved, without an open displacement complaint, started and not
 * ended. Full roles are included (`freePlaces` 0): the shortfall report counts them.
 */
export async function loadRoleOffers(
  db: Kysely<Database>,
  guidanceHoursPerLevel: Record<GuidanceLevel, number>,
  today: string,
): Promise<RoleOffer[]> {
  const roles = await db
    .selectFrom("volunteer_roles")
    .innerJoin("organisations", "organisations.id", "volunteer_roles.organisation_id")
    .select([
      "volunteer_roles.id",
      "volunteer_roles.title",
      "volunteer_roles.description",
      "volunteer_roles.organisation_id",
      "organisations.name as organisation_name",
      "organisations.accepts_limited_dutch",
      "organisations.guidance_hours_per_week",
      "volunteer_roles.postcode",
      "volunteer_roles.min_hours_per_week",
      "volunteer_roles.hours_per_week",
      "volunteer_roles.weekday_parts",
      "volunteer_roles.dutch_level",
      "volunteer_roles.guidance_level",
      "volunteer_roles.places",
      "volunteer_roles.skills",
      "volunteer_roles.longest_day_hours",
      "volunteer_roles.days_per_week",
      "volunteer_roles.demands",
      "volunteer_roles.education_level",
    ])
    .where("volunteer_roles.status", "=", "approved")
    .where("volunteer_roles.start_date", "<=", today)
    .where((eb) => eb.or([eb("volunteer_roles.end_date", "is", null), eb("volunteer_roles.end_date", ">=", today)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("displacement_complaints")
            .select("id")
            .whereRef("displacement_complaints.role_id", "=", "volunteer_roles.id")
            .where("status", "=", "open"),
        ),
      ),
    )
    .execute();
  const taken = await db
    .selectFrom("placements")
    .select(["role_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "in", [...OPEN_PLACEMENT_STATUSES])
    .groupBy("role_id")
    .execute();
  const takenByRole = new Map(taken.map((row) => [row.role_id, Number(row.n)]));
  // Guidance in use: accepted and active placements, at the ordinance's hours for their level.
  const inUse = await db
    .selectFrom("placements")
    .select(["organisation_id", "guidance_level", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "in", [...AGREED_PLACEMENT_STATUSES])
    .groupBy(["organisation_id", "guidance_level"])
    .execute();
  const usedHours = new Map<string, number>();
  for (const row of inUse)
    usedHours.set(
      row.organisation_id,
      (usedHours.get(row.organisation_id) ?? 0) + Number(row.n) * (guidanceHoursPerLevel[row.guidance_level] ?? 0),
    );
  return roles.map((role) => ({
    id: role.id,
    title: role.title,
    description: role.description,
    organisationId: role.organisation_id,
    organisationName: role.organisation_name,
    postcode: role.postcode,
    point: postcodeCentroid(role.postcode),
    minHoursPerWeek: role.min_hours_per_week,
    hoursPerWeek: role.hours_per_week,
    weekdayParts: parseList(role.weekday_parts),
    dutchLevel: Math.max(0, DUTCH_LEVELS.indexOf(role.dutch_level)),
    guidanceLevel: role.guidance_level,
    freePlaces: Math.max(0, role.places - (takenByRole.get(role.id) ?? 0)),
    acceptsLimitedDutch: role.accepts_limited_dutch === 1,
    guidanceHoursLeft: role.guidance_hours_per_week - (usedHours.get(role.organisation_id) ?? 0),
    longestDayHours: role.longest_day_hours ?? role.hours_per_week,
    daysPerWeek: role.days_per_week ?? 1,
    demands: functionalLimitsOf(role.demands ?? "[]"),
    skills: parseList(role.skills),
    educationLevel: role.education_level ?? "none",
  }));
}

type ProfileSource = CapacitySource & Pick<ClientRow, "district" | "postcode" | "guidance_need" | "education_level">;

export interface ProfileLoad {
  profiles: ClientProfile[];
  /** Clients left out for want of an intake. */
  withoutIntake: string[];
  /** Clients whose capacity is not assessed. */
  notAssessed: string[];
}

/** Matching profiles of clients, from their latest intake, capacity left and placement history, in few queries. */
export async function loadClientProfiles(db: Kysely<Database>, clients: readonly ProfileSource[], today: string): Promise<ProfileLoad> {
  const ids = clients.map((c) => c.id);
  const intakes = new Map<
    string,
    {
      held_on: string;
      language: number;
      interests: string;
      availability: string;
      travel_radius_km: number;
      skills: string;
      wishes: string | undefined;
    }
  >();
  const avoid = new Map<string, Set<string>>();
  const open = new Map<string, Set<string>>();
  const yearAgo = addDays(today, -365);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await db
      .selectFrom("intakes")
      .select(["client_id", "held_on", "created_at", "language", "interests", "availability", "travel_radius_km", "skills", "wishes"])
      .where("client_id", "in", chunk)
      .orderBy("held_on")
      .orderBy("created_at")
      .execute();
    for (const row of rows) intakes.set(row.client_id, row); // the latest wins
    const placements = await db
      .selectFrom("placements")
      .select(["client_id", "role_id", "organisation_id", "status", "ended_on", "end_reason", "attributable_to"])
      .where("client_id", "in", chunk)
      .where((eb) => eb.or([eb("status", "in", [...OPEN_PLACEMENT_STATUSES]), eb("ended_on", ">=", yearAgo)]))
      .execute();
    for (const p of placements) {
      if (isOneOf(OPEN_PLACEMENT_STATUSES, p.status)) open.set(p.client_id, (open.get(p.client_id) ?? new Set()).add(p.role_id));
      else if (p.status === "ended" && (p.attributable_to === "organisation" || p.end_reason === "poorFit"))
        avoid.set(p.client_id, (avoid.get(p.client_id) ?? new Set()).add(p.organisation_id));
    }
  }
  const capacities = await capacitiesOf(db, clients, today);
  const committed = await committedHoursByClient(db, ids);
  // What is left is bounded by capacity and then by the ordinance's norm, as a referral is (aboveNorm).
  const { weeklyNormHours } = await ordinanceOn(db, today);
  const result: ProfileLoad = { profiles: [], withoutIntake: [], notAssessed: [] };
  for (const client of clients) {
    const intake = intakes.get(client.id);
    if (!intake) {
      result.withoutIntake.push(client.id);
      continue;
    }
    const inForce = capacities.get(client.id);
    const capacity = inForce?.hoursPerWeek ?? null;
    if (capacity === null) result.notAssessed.push(client.id);
    result.profiles.push({
      id: client.id,
      district: client.district,
      point: postcodeCentroid(client.postcode),
      guidanceNeed: client.guidance_need,
      capacityLeft: capacity === null ? null : Math.max(0, Math.min(capacity, weeklyNormHours) - (committed.get(client.id) ?? 0)),
      travelRadiusKm: intake.travel_radius_km,
      availability: parseList(intake.availability),
      interests: parseList(intake.interests),
      skills: parseList(intake.skills),
      wishes: parseList(intake.wishes ?? "[]"),
      education: roleEducationOf(client.education_level),
      limits: inForce?.limits ?? { hoursPerDay: null, daysPerWeek: null, functionalLimits: [] },
      dutchLevel: dutchLevelOfScore(intake.language),
      avoidOrganisations: avoid.get(client.id) ?? new Set(),
      openRoles: open.get(client.id) ?? new Set(),
    });
  }
  return result;
}
