import type { SanctionDecisionInput, SanctionProposalInput } from "@shared/schemas/sanctions.js";
import { toOptionalNumber, toOptionalText } from "@web/components/formValues.js";

/** The proposal as typed: the ground with its facts, and the weighing. */
export interface ProposalValues {
  ground: string;
  factsDate: string;
  facts: string;
  appointmentId: string;
  placementId: string;
  letterId: string;
  planId: string;
  planStepId: string;
  notDone: string;
  culpability: string;
  circumstances: string;
  childrenInterests: string;
  /** "yes", "no" or "" while not chosen. */
  urgentReasons: string;
  urgentReasonsNote: string;
}

export const PROPOSAL_FIELDS = [
  "ground",
  "factsDate",
  "facts",
  "appointmentId",
  "placementId",
  "letterId",
  "planId",
  "planStepId",
  "notDone",
  "culpability",
  "circumstances",
  "childrenInterests",
  "urgentReasons",
  "urgentReasonsNote",
] as const;

/** A blank proposal about something that happened today. */
export function emptyProposalValues(today: string): ProposalValues {
  return {
    ground: "",
    factsDate: today,
    facts: "",
    appointmentId: "",
    placementId: "",
    letterId: "",
    planId: "",
    planStepId: "",
    notDone: "",
    culpability: "",
    circumstances: "",
    childrenInterests: "",
    urgentReasons: "",
    urgentReasonsNote: "",
  };
}

/** The placement a ground names: the ended one for stopping, the one concerned for insufficient effort. */
const PLACEMENT_GROUNDS = ["stoppedPlacementWithoutReason", "insufficientEffort"];

/**
 * The body of `POST /clients/{id}/sanctions`. Only the facts that belong to the ground are linked (an appointment
 * for missed appointments, a placement for stopping or insufficient effort, a plan for a refused contribution, a
 * plan step and what was not done for insufficient effort); an urgent reasons note only when there are urgent
 * reasons. Unchosen answers are sent as they are, so the server names them.
 */
export function toProposalInput(values: ProposalValues): SanctionProposalInput {
  const urgent = values.urgentReasons === "yes" ? true : values.urgentReasons === "no" ? false : values.urgentReasons;
  return {
    ground: values.ground,
    factsDate: values.factsDate,
    facts: values.facts,
    appointmentId: values.ground === "missedAppointments" ? values.appointmentId || null : null,
    placementId: PLACEMENT_GROUNDS.includes(values.ground) ? values.placementId || null : null,
    letterId: values.letterId || null,
    planId: values.ground === "refusedContribution" ? values.planId || null : null,
    planStepId: values.ground === "insufficientEffort" ? values.planStepId || null : null,
    notDone: values.ground === "insufficientEffort" ? toOptionalText(values.notDone) : null,
    culpability: values.culpability,
    circumstances: values.circumstances,
    childrenInterests: toOptionalText(values.childrenInterests),
    urgentReasons: urgent,
    urgentReasonsNote: urgent === true ? toOptionalText(values.urgentReasonsNote) : null,
  } as unknown as SanctionProposalInput;
}

/** A lower sanction: percentage and months as typed. */
export interface LowerTermsValues {
  percentage: string;
  months: string;
}

/** The team lead's decision as typed. */
export interface DecisionValues extends LowerTermsValues {
  outcome: string;
  reasons: string;
  /** When urgent reasons were recorded: "yes" they still apply, "no" they no longer do, "" not answered. */
  urgentReasonsStand: string;
  /** Why the urgent reasons no longer apply: the new weighing. */
  urgentReasonsLapsed: string;
}

export const DECISION_FIELDS = ["outcome", "reasons", "percentage", "months", "urgentReasonsLapsed.reasons"] as const;

/** A blank decision. */
export function emptyDecisionValues(): DecisionValues {
  return { outcome: "", reasons: "", percentage: "", months: "", urgentReasonsStand: "", urgentReasonsLapsed: "" };
}

/**
 * The body of `POST /sanctions/{id}/decision`: percentage and months only for a lower sanction; the new weighing of
 * urgent reasons only when the decider says they no longer apply and imposes.
 */
export function toDecisionInput(values: DecisionValues): SanctionDecisionInput {
  const lower = values.outcome === "imposedLower";
  const lapsed = values.urgentReasonsStand === "no" && values.outcome !== "refrained";
  return {
    outcome: values.outcome,
    reasons: values.reasons,
    percentage: lower ? toOptionalNumber(values.percentage) : null,
    months: lower ? toOptionalNumber(values.months) : null,
    urgentReasonsLapsed: lapsed ? { reasons: values.urgentReasonsLapsed } : null,
  } as unknown as SanctionDecisionInput;
}
