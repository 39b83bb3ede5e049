import { parseJsonColumn } from "@server/db/json.js";
import type { Database, OrdinanceVersionRow } from "@server/db/schema.js";
import { type Ordinance, type OrdinanceVersionInput, ordinanceVersionOutput, type RetentionSettings } from "@shared/schemas/ordinance.js";
import type { Kysely } from "kysely";

function toOrdinance(row: OrdinanceVersionRow & { created_by_name: string | null }): Ordinance {
  return {
    version: row.version,
    effectiveFrom: row.effective_from,
    weeklyNormHours: row.weekly_norm_hours,
    accountabilityIntervalMonths: row.accountability_interval_months,
    accountabilityReminderDays: row.accountability_reminder_days,
    accountabilityOverdueDays: row.accountability_overdue_days,
    exemptionCoSignMonths: row.exemption_cosign_months,
    exemptionNoticeDays: row.exemption_notice_days,
    guidanceHoursPerLevel: {
      light: row.guidance_hours_light,
      regular: row.guidance_hours_regular,
      intensive: row.guidance_hours_intensive,
    },
    sanctionLevels: parseJsonColumn(ordinanceVersionOutput.shape.sanctionLevels, row.sanction_levels),
    sanctionGroundLevels: parseJsonColumn(ordinanceVersionOutput.shape.sanctionGroundLevels, row.sanction_ground_levels),
    hearingResponseDays: row.hearing_response_days,
    maxFactsAgeDays: row.max_facts_age_days,
    selfDeclaredMaxHours: row.self_declared_max_hours,
    maxDurationMonths: row.max_duration_months,
    retention: {
      auditMonths: row.retention_audit_months,
      checkInNoteMonths: row.retention_check_in_note_months,
      evidenceMonths: row.retention_evidence_months,
      matchProposalMonths: row.retention_match_proposal_months,
    },
    note: row.note,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
  };
}

function versions(db: Kysely<Database>) {
  return db
    .selectFrom("ordinance_versions")
    .leftJoin("users", "users.id", "ordinance_versions.created_by")
    .selectAll("ordinance_versions")
    .select("users.display_name as created_by_name");
}

/**
 * The ordinance in force on a date: of the versions effective by then, the one added last. A later version
 * with an earlier or equal date therefore corrects a planned one, and past dates keep the rules they had.
 */
export async function ordinanceOn(db: Kysely<Database>, date: string): Promise<Ordinance> {
  const row = await versions(db).where("effective_from", "<=", date).orderBy("version", "desc").limit(1).executeTakeFirst();
  if (!row) throw new Error(`No ordinance version is in force on ${date}`);
  return toOrdinance(row);
}

/** One version by number, e.g. the one a decision recorded. */
export async function ordinanceVersion(db: Kysely<Database>, version: number): Promise<Ordinance | undefined> {
  const row = await versions(db).where("version", "=", version).executeTakeFirst();
  return row ? toOrdinance(row) : undefined;
}

/** Every version, newest first. */
export async function listOrdinanceVersions(db: Kysely<Database>): Promise<Ordinance[]> {
  return (await versions(db).orderBy("version", "desc").execute()).map(toOrdinance);
}

/** Adds a version numbered after the last, with the retention periods it is given in full; returns its number. */
export async function insertOrdinanceVersion(
  db: Kysely<Database>,
  input: OrdinanceVersionInput & { retention: RetentionSettings },
  createdBy: string,
  createdAt: string,
): Promise<number> {
  const last = await db
    .selectFrom("ordinance_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirstOrThrow();
  const version = Number(last.version ?? 0) + 1;
  await db
    .insertInto("ordinance_versions")
    .values({
      version,
      effective_from: input.effectiveFrom,
      weekly_norm_hours: input.weeklyNormHours,
      accountability_interval_months: input.accountabilityIntervalMonths,
      accountability_reminder_days: input.accountabilityReminderDays,
      accountability_overdue_days: input.accountabilityOverdueDays,
      exemption_cosign_months: input.exemptionCoSignMonths,
      exemption_notice_days: input.exemptionNoticeDays,
      guidance_hours_light: input.guidanceHoursPerLevel.light,
      guidance_hours_regular: input.guidanceHoursPerLevel.regular,
      guidance_hours_intensive: input.guidanceHoursPerLevel.intensive,
      sanction_levels: JSON.stringify(input.sanctionLevels),
      sanction_ground_levels: JSON.stringify(input.sanctionGroundLevels),
      hearing_response_days: input.hearingResponseDays,
      max_facts_age_days: input.maxFactsAgeDays,
      self_declared_max_hours: input.selfDeclaredMaxHours,
      max_duration_months: input.maxDurationMonths,
      retention_audit_months: input.retention.auditMonths,
      retention_check_in_note_months: input.retention.checkInNoteMonths,
      retention_evidence_months: input.retention.evidenceMonths,
      retention_match_proposal_months: input.retention.matchProposalMonths,
      note: input.note,
      created_by: createdBy,
      created_at: createdAt,
    })
    .execute();
  return version;
}
