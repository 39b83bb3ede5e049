import type { Actor } from "@server/auth/actor.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { ME_ACTIONS } from "@shared/schemas/users.js";
import { agencyPolicy } from "../agencies/agencies.policy.js";
import { appointmentPolicy } from "../appointments/appointments.policy.js";
import { auditPolicy } from "../audit/audit.policy.js";
import { checkInPolicy } from "../check-ins/check-ins.policy.js";
import { clientPolicy } from "../clients/clients.policy.js";
import { decisionPolicy } from "../decisions/decisions.policy.js";
import { exemptionPolicy } from "../exemptions/exemptions.policy.js";
import { expensePolicy } from "../expenses/expenses.policy.js";
import { intakePolicy } from "../intakes/intakes.policy.js";
import { invitationPolicy } from "../invitations/invitations.policy.js";
import { matchingPolicy } from "../matching/matching.policy.js";
import { notificationPolicy } from "../notifications/notifications.policy.js";
import { ordinancePolicy } from "../ordinance/ordinance.policy.js";
import { organisationPolicy } from "../organisations/organisations.policy.js";
import { overviewPolicy } from "../overview/overview.policy.js";
import { placementPolicy } from "../placements/placements.policy.js";
import { registryPolicy } from "../registry/registry.policy.js";
import { reportPolicy } from "../reports/reports.policy.js";
import { researchExportPolicy } from "../research-export/research-export.policy.js";
import { rolePolicy } from "../roles/roles.policy.js";
import { sanctionPolicy } from "../sanctions/sanctions.policy.js";
import { schedulerPolicy } from "../scheduler/scheduler.policy.js";
import { effectsPolicy } from "../statistics/effects.policy.js";
import { statisticsPolicy } from "../statistics/statistics.policy.js";
import { userPolicy } from "../users/users.policy.js";
import { workQueuePolicy } from "../work-queue/work-queue.policy.js";

/**
 * What the caller may open, for the menu and the start page: each ability is the policy of the route the part
 * of the application calls first, so the menu never offers what the server refuses.
 */
export function meAbilities(actor: Actor): Abilities<typeof ME_ACTIONS> {
  return {
    viewWorkQueue: workQueuePolicy.read.allows(actor),
    viewMyDay: appointmentPolicy.listOwn.allows(actor),
    viewTeam: workQueuePolicy.team.allows(actor),
    viewCaseload: clientPolicy.list.allows(actor),
    registerClients: clientPolicy.create.allows(actor),
    inviteClients: invitationPolicy.create.allows(actor),
    manageAvailability: appointmentPolicy.manageOwnAvailability.allows(actor),
    recordIntakes: intakePolicy.create.allows(actor),
    recordCheckIns: checkInPolicy.create.allows(actor),
    // A host organisation answers the referrals to its own roles.
    answerReferrals: placementPolicy.act.allows(actor) && actor.organisationId !== null,
    viewPlacements: placementPolicy.list.allows(actor),
    viewRoles: rolePolicy.list.allows(actor),
    createRoles: rolePolicy.create.allows(actor),
    viewOrganisations: organisationPolicy.list.allows(actor),
    registerOrganisations: organisationPolicy.create.allows(actor),
    viewMatchPlans: matchingPolicy.review.allows(actor),
    runMatchPlans: matchingPolicy.plan.allows(actor),
    coSignExemptions: exemptionPolicy.awaiting.allows(actor),
    viewProposedSanctions: sanctionPolicy.queue.allows(actor),
    viewStatistics: statisticsPolicy.overview.allows(actor),
    viewEffects: effectsPolicy.read.allows(actor),
    downloadAnnualReport: reportPolicy.annual.allows(actor),
    makeResearchExports: researchExportPolicy.export.allows(actor),
    manageUsers: userPolicy.list.allows(actor),
    viewAuditLog: auditPolicy.list.allows(actor),
    manageOrdinance: ordinancePolicy.create.allows(actor),
    setAllowanceLimits: expensePolicy.setLimits.allows(actor),
    manageRegistry: registryPolicy.importClients.allows(actor),
    viewScheduler: schedulerPolicy.admin.allows(actor),
    viewNotifications: notificationPolicy.list.allows(actor),
    viewAgencies: agencyPolicy.list.allows(actor),
    registerAgencies: agencyPolicy.create.allows(actor),
    // A client account bound to a client record reaches its own pages.
    viewOwnPlan: overviewPolicy.plan.allows(actor) && actor.clientId !== null,
    viewOwnDecisions: decisionPolicy.read.allows(actor) && actor.role === "client" && actor.clientId !== null,
  };
}
