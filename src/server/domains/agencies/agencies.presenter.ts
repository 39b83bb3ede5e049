import type { Actor } from "@server/auth/actor.js";
import type { AgencyRow } from "@server/db/schema.js";
import type { AgencyOutput, AssignmentOutput } from "@shared/schemas/agencies.js";
import { agencyAbilities, assignmentAbilities } from "./agencies.policy.js";
import type { AssignmentWithNames } from "./agencies.repo.js";
import { assignmentStatus } from "./agencies.rules.js";

/** An agency with the caller's abilities. */
export function presentAgency(actor: Actor, row: AgencyRow): AgencyOutput {
  return {
    id: row.id,
    name: row.name,
    kvkNumber: row.kvk_number,
    district: row.district,
    createdAt: row.created_at,
    abilities: agencyAbilities(actor),
  };
}

/** An assignment: who, to which agency, for which period, under which contract, who gave it and how it ended. */
export function presentAssignment(actor: Actor, row: AssignmentWithNames, today: string): AssignmentOutput {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    clientId: row.client_id,
    clientName: `${row.given_name} ${row.family_name}`,
    startDate: row.start_date,
    endDate: row.end_date,
    plannedEndDate: row.planned_end_date ?? row.end_date,
    contract: {
      intakeWithinDays: row.intake_within_days,
      placementWithinDays: row.placement_within_days,
      placementMinWeeks: row.placement_min_weeks,
    },
    current: row.start_date <= today && today <= row.end_date,
    status: assignmentStatus(row, today),
    assignedByName: row.assigned_by_name,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    // The words may judge the agency or tell of the client's life: municipal staff read them, the agency does not.
    endNote: actor.role === "agencyWorker" ? null : row.end_note,
    endedByName: row.ended_by_name,
    createdAt: row.created_at,
    abilities: assignmentAbilities(actor, row, today),
  };
}
