import type { Actor } from "@server/auth/actor.js";
import { jsonStringList, parseJsonColumn } from "@server/db/json.js";
import type { DisplacementComplaintsTable } from "@server/db/schema.js";
import type { displacementComplaintOutput, RoleOutput } from "@shared/schemas/roles.js";
import type { z } from "zod";
import { roleTakesPlacements } from "../placements/placements.rules.js";
import { functionalLimitsOf } from "../plans/capacity.js";
import { complaintAbilities, roleAbilities } from "./roles.policy.js";
import type { RoleWithCounts } from "./roles.repo.js";

/** Every outgoing field of a role, with whether it may take placements now (and whether the caller can undo its rejection). */
export function presentRole(actor: Actor, row: RoleWithCounts, reviewUndoable = false): RoleOutput {
  const placesTaken = Number(row.places_taken ?? 0);
  const suspended = Number(row.open_complaints ?? 0) > 0;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    title: row.title,
    description: row.description,
    minHoursPerWeek: row.min_hours_per_week,
    hoursPerWeek: row.hours_per_week,
    weekdayParts: parseJsonColumn(jsonStringList, row.weekday_parts),
    postcode: row.postcode,
    skills: parseJsonColumn(jsonStringList, row.skills),
    dutchLevel: row.dutch_level,
    physicalDemands: row.physical_demands,
    guidanceLevel: row.guidance_level,
    places: row.places,
    sector: row.sector,
    atNight: row.at_night === 1,
    longestDayHours: row.longest_day_hours ?? row.hours_per_week,
    daysPerWeek: row.days_per_week ?? 1,
    demands: functionalLimitsOf(row.demands ?? "[]"),
    educationLevel: row.education_level ?? "none",
    placesTaken,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    statusReason: row.status_reason,
    statusReasonCodes: parseJsonColumn(jsonStringList, row.status_reason_codes),
    suspended,
    placementsEndedByRejection: Number(row.placements_ended_by_rejection ?? 0),
    mayTakePlacements: roleTakesPlacements(row),
    createdAt: row.created_at,
    abilities: roleAbilities(actor, row, reviewUndoable),
  };
}

type ComplaintOutput = z.infer<typeof displacementComplaintOutput>;

/** A displacement complaint without who filed it: complainants are protected (and whether the caller can undo its upholding). */
export function presentComplaint(actor: Actor | null, row: DisplacementComplaintsTable, undoable = false): ComplaintOutput {
  return {
    id: row.id,
    roleId: row.role_id,
    filerKind: row.filer_kind,
    description: row.description,
    status: row.status,
    decisionReason: row.decision_reason,
    createdAt: row.created_at,
    abilities: complaintAbilities(actor, row, undoable),
  };
}
