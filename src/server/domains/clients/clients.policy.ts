import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { type Policy, roles } from "@server/auth/policy.js";
import type { ClientRow } from "@server/db/schema.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { CLIENT_ACTIONS } from "@shared/schemas/clients.js";
import { appointmentPolicy } from "../appointments/appointments.policy.js";
import { auditPolicy } from "../audit/audit.policy.js";
import { checkInPolicy } from "../check-ins/check-ins.policy.js";
import { contributionPolicy } from "../contributions/contributions.policy.js";
import { decisionPolicy } from "../decisions/decisions.policy.js";
import { exemptionPolicy } from "../exemptions/exemptions.policy.js";
import { intakePolicy } from "../intakes/intakes.policy.js";
import { letterPolicy } from "../letters/letters.policy.js";
import { matchingPolicy } from "../matching/matching.policy.js";
import { placementPolicy } from "../placements/placements.policy.js";
import { planPolicy } from "../plans/plans.policy.js";
import { privacyPolicy } from "../privacy/privacy.policy.js";
import { registryPolicy } from "../registry/registry.policy.js";
import { sanctionPolicy } from "../sanctions/sanctions.policy.js";
import { workQueuePolicy } from "../work-queue/work-queue.policy.js";
import { assertBenefitRunning } from "./clients.rules.js";

/**
 * Who may touch client records at all. Which records is decided by `visibleClients` in the repo:
 * a record outside the caller's scope answers 404. Hosts get their need-to-know view through placements;
 * researchers never see client records.
 */
export const clientPolicy = {
  list: roles("clients.list", "admin", "consultant", "teamLead", "agencyWorker"),
  /** The head of the record: staff only, never a host or the client. */
  statusSummary: roles("clients.statusSummary", "admin", "consultant", "teamLead"),
  read: roles("clients.read", "admin", "consultant", "teamLead", "client", "host", "agencyWorker"),
  create: roles("clients.create", "admin", "consultant", "teamLead"),
  update: roles("clients.update", "admin", "consultant", "teamLead"),
};

/**
 * What the actor may do with a client's record they can see: each ability is the policy of the route that
 * reads or changes that part of the record, so the web app opens only what the server will answer.
 */
export function clientAbilities(
  actor: Actor,
  client: Pick<ClientRow, "benefit_end_date">,
  benefitEndUndoable: boolean,
): Abilities<typeof CLIENT_ACTIONS> {
  const may = (policy: Policy) => policy.allows(actor);
  return {
    edit: may(clientPolicy.update),
    reassign: may(workQueuePolicy.reassign),
    viewAuditTrail: may(auditPolicy.list),
    viewAppointments: may(appointmentPolicy.list),
    recordAppointment: may(appointmentPolicy.update),
    viewLetters: may(letterPolicy.list),
    recordLetterDelivery: may(letterPolicy.recordDelivery),
    viewIntake: may(intakePolicy.list),
    recordIntake: may(intakePolicy.create),
    viewPlan: may(planPolicy.list),
    addPlanStep: may(planPolicy.change),
    viewPlacements: may(placementPolicy.list),
    proposePlacement: may(placementPolicy.propose),
    viewSuggestions: may(matchingPolicy.suggest),
    viewCheckIns: may(checkInPolicy.list),
    recordCheckIn: may(checkInPolicy.create),
    viewLadder: may(intakePolicy.ladder),
    viewExemptions: may(exemptionPolicy.read),
    proposeExemption: may(exemptionPolicy.create),
    requestExemption: may(exemptionPolicy.request) && actor.clientId !== null,
    viewSanctions: may(sanctionPolicy.read),
    proposeSanction: may(sanctionPolicy.propose),
    viewDecisions: may(decisionPolicy.read),
    viewContributions: may(contributionPolicy.list),
    formaliseContribution: may(contributionPolicy.create),
    viewAccessLog: may(privacyPolicy.accessLog),
    viewStatusSummary: may(clientPolicy.statusSummary),
    exportData: may(privacyPolicy.dataExport),
    endBenefit: may(registryPolicy.endBenefit) && passes(() => assertBenefitRunning(client)),
    undoBenefitEnd: may(registryPolicy.endBenefit) && benefitEndUndoable,
  };
}
