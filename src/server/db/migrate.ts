import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./connection.js";
import * as foundation from "./migrations/20261128_0001_foundation.js";
import * as consultantWorkflow from "./migrations/20261128_0002_consultant_workflow.js";
import * as placements from "./migrations/20261128_0003_placements.js";
import * as contributions from "./migrations/20261128_0004_contributions.js";
import * as exemptionsOrdinance from "./migrations/20261128_0005_exemptions_ordinance.js";
import * as sanctions from "./migrations/20261128_0006_sanctions.js";
import * as matching from "./migrations/20261128_0007_matching.js";
import * as onePerFact from "./migrations/20261202_0008_one_per_fact.js";
import * as decisions from "./migrations/20261202_0009_decisions.js";
import * as exemptionObligations from "./migrations/20261202_0010_exemption_obligations.js";
import * as agreementSignatures from "./migrations/20261202_0011_agreement_signatures.js";
import * as ordinanceLimits from "./migrations/20261202_0012_ordinance_limits.js";
import * as placementAttribution from "./migrations/20261202_0013_placement_attribution.js";
import * as sanctionEvidence from "./migrations/20261202_0014_sanction_evidence.js";
import * as roleDemands from "./migrations/20261202_0015_role_demands.js";
import * as sharedState from "./migrations/20261202_0016_shared_state.js";
import * as retention from "./migrations/20261202_0017_retention.js";
import * as oidcLogin from "./migrations/20261203_0019_oidc_login.js";
import * as notifications from "./migrations/20261203_0020_notifications.js";
import * as clientStart from "./migrations/20261203_0022_client_start.js";
import * as clientVoice from "./migrations/20261203_0023_client_voice.js";
import * as activityProposals from "./migrations/20261203_0024_activity_proposals.js";
import * as caseworkChanges from "./migrations/20261203_0025_casework_changes.js";
import * as statisticsIndexes from "./migrations/20261203_0027_statistics_indexes.js";
import * as researchExports from "./migrations/20261203_0029_research_exports.js";
import * as clientRegistry from "./migrations/20261203_0031_client_registry.js";
import * as capacityLimits from "./migrations/20261203_0032_capacity_limits.js";
import * as agencies from "./migrations/20261203_0035_agencies.js";
import * as buddies from "./migrations/20261203_0036_buddies.js";
import * as hostPartnership from "./migrations/20261203_0037_host_partnership.js";
import * as workQueueDispositions from "./migrations/20261203_0038_work_queue_dispositions.js";
import * as deliveryDates from "./migrations/20261203_0039_delivery_dates.js";
import * as proposalRejectReasons from "./migrations/20261203_0040_proposal_reject_reasons.js";
import * as invitationBatches from "./migrations/20261203_0041_invitation_batches.js";
import * as agencyAssignmentEndings from "./migrations/20261203_0042_agency_assignment_endings.js";
import * as buddyAgreementEnd from "./migrations/20261203_0043_buddy_agreement_end.js";
import * as safeActions from "./migrations/20261203_0044_safe_actions.js";
import * as allowanceLimits2025 from "./migrations/20261203_0046_allowance_limits_2025.js";
import * as placementUndo from "./migrations/20261203_0048_placement_undo.js";
import * as referralHold from "./migrations/20261203_0049_referral_hold.js";
import * as exemptionUndo from "./migrations/20261203_0050_exemption_undo.js";
import * as objectionUndo from "./migrations/20261203_0052_objection_undo.js";
import * as benefitEndStops from "./migrations/20261203_0053_benefit_end_stops.js";

// Forward-only: migrations are listed here in order and never edited once released.
const migrations: Record<string, Migration> = {
  "20261128_0001_foundation": foundation,
  "20261128_0002_consultant_workflow": consultantWorkflow,
  "20261128_0003_placements": placements,
  "20261128_0004_contributions": contributions,
  "20261128_0005_exemptions_ordinance": exemptionsOrdinance,
  "20261128_0006_sanctions": sanctions,
  "20261128_0007_matching": matching,
  "20261202_0008_one_per_fact": onePerFact,
  "20261202_0009_decisions": decisions,
  "20261202_0010_exemption_obligations": exemptionObligations,
  "20261202_0011_agreement_signatures": agreementSignatures,
  "20261202_0012_ordinance_limits": ordinanceLimits,
  "20261202_0013_placement_attribution": placementAttribution,
  "20261202_0014_sanction_evidence": sanctionEvidence,
  "20261202_0015_role_demands": roleDemands,
  "20261202_0016_shared_state": sharedState,
  "20261202_0017_retention": retention,
  "20261203_0019_oidc_login": oidcLogin,
  "20261203_0020_notifications": notifications,
  "20261203_0022_client_start": clientStart,
  "20261203_0023_client_voice": clientVoice,
  "20261203_0024_activity_proposals": activityProposals,
  "20261203_0025_casework_changes": caseworkChanges,
  "20261203_0027_statistics_indexes": statisticsIndexes,
  "20261203_0029_research_exports": researchExports,
  "20261203_0031_client_registry": clientRegistry,
  "20261203_0032_capacity_limits": capacityLimits,
  "20261203_0035_agencies": agencies,
  "20261203_0036_buddies": buddies,
  "20261203_0037_host_partnership": hostPartnership,
  "20261203_0038_work_queue_dispositions": workQueueDispositions,
  "20261203_0039_delivery_dates": deliveryDates,
  "20261203_0040_proposal_reject_reasons": proposalRejectReasons,
  "20261203_0041_invitation_batches": invitationBatches,
  "20261203_0042_agency_assignment_endings": agencyAssignmentEndings,
  "20261203_0043_buddy_agreement_end": buddyAgreementEnd,
  "20261203_0044_safe_actions": safeActions,
  "20261203_0046_allowance_limits_2025": allowanceLimits2025,
  "20261203_0048_placement_undo": placementUndo,
  "20261203_0049_referral_hold": referralHold,
  "20261203_0050_exemption_undo": exemptionUndo,
  "20261203_0052_objection_undo": objectionUndo,
  "20261203_0053_benefit_end_stops": benefitEndStops,
};

/** The names of every migration this version knows, oldest first (a backup is checked against them). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema; throws when a migration fails. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Name the schema explicitly: Kysely otherwise finds another schema's migration table on the same server.
  const migrator = new Migrator({ db: db.kysely, provider, ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}

/** Brings the database to a named migration (for tests of a migration that moves data). */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider, ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  const { error, results } = await migrator.migrateTo(name);
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
}

/** Names of the registered migrations the database has not run yet (empty when it is at the latest version). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider, ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
