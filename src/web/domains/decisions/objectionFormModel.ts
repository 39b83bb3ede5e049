import type { DecisionOutput, ObjectionInput, ObjectionOutcomeInput } from "@shared/schemas/decisions.js";
import { toOptionalNumber, toOptionalText } from "@web/components/formValues.js";
import type { ConsentExtensionInput, HearingWaiverInput, LatenessInput, ObjectionHearingInput } from "./api.js";

// Unchosen or mistyped values go to the server as they are: its field errors are what the user reads.

/** An objection as typed: by staff with the dates it came in, or by the client (received today). */
export interface ObjectionValues {
  receivedOn: string;
  postedOn: string;
  grounds: string;
  representative: string;
  /** Staff only: an advisory committee hears it, so the decision term is twelve weeks instead of six. */
  advisoryCommittee: boolean;
}

export const OBJECTION_FIELDS = ["receivedOn", "postedOn", "grounds", "representative", "advisoryCommittee"] as const;

export function emptyObjectionValues(today: string): ObjectionValues {
  return { receivedOn: today, postedOn: "", grounds: "", representative: "", advisoryCommittee: false };
}

/**
 * The body of `POST /decisions/{id}/objections`. Through the portal the objection is received today and has no
 * postmark; the server sets the date again, so the client cannot choose it.
 */
export function toObjectionInput(values: ObjectionValues, asClient: boolean, today: string): ObjectionInput {
  return {
    receivedOn: asClient ? today : values.receivedOn,
    postedOn: asClient ? null : toOptionalText(values.postedOn),
    grounds: values.grounds,
    representative: toOptionalText(values.representative),
    advisoryCommittee: asClient ? null : values.advisoryCommittee,
  };
}

/** A sanction's decision on objection may leave part of it: percentage and months. */
export function isSanctionDecision(decision: Pick<DecisionOutput, "type">): boolean {
  return decision.type === "sanctionImposed" || decision.type === "sanctionImposedLower";
}

/** The decision on objection as typed. */
export interface OutcomeValues {
  outcome: string;
  reasons: string;
  percentage: string;
  months: string;
}

export const OUTCOME_FIELDS = ["outcome", "reasons", "percentage", "months"] as const;

export function emptyOutcomeValues(): OutcomeValues {
  return { outcome: "", reasons: "", percentage: "", months: "" };
}

/** The body of `POST /objections/{id}/outcome`: what remains of a sanction only when the objection is partly well-founded. */
export function toOutcomeInput(values: OutcomeValues, onSanction: boolean): ObjectionOutcomeInput {
  const remains = onSanction && values.outcome === "partlyWellFounded";
  return {
    outcome: values.outcome,
    reasons: values.reasons,
    percentage: remains ? toOptionalNumber(values.percentage) : null,
    months: remains ? toOptionalNumber(values.months) : null,
  } as unknown as ObjectionOutcomeInput;
}

/** A hearing record as typed; a correction names the version it corrects. */
export interface HearingValues {
  heldOn: string;
  record: string;
  correctionOf: string;
}

export const HEARING_FIELDS = ["heldOn", "record", "correctionOf"] as const;

/** The body of `POST /objections/{id}/hearings`: a first record, or a new version that corrects one. */
export function toHearingInput(values: HearingValues): ObjectionHearingInput {
  return {
    heldOn: values.heldOn,
    record: values.record,
    correctionOf: values.correctionOf === "" ? null : toOptionalNumber(values.correctionOf),
  } as unknown as ObjectionHearingInput;
}

/** The further postponement agreed with the client, as typed. */
export interface ConsentValues {
  consentGivenOn: string;
  decideBy: string;
  note: string;
}

export const CONSENT_FIELDS = ["consentGivenOn", "decideBy", "note"] as const;

export function toConsentExtensionInput(values: ConsentValues): ConsentExtensionInput {
  return { consentGivenOn: values.consentGivenOn, decideBy: values.decideBy, note: values.note };
}

/** Whether a late objection's lateness is excused: "yes", "no" or "" while not chosen. */
export function toExcusable(answer: string): boolean | string {
  return answer === "yes" ? true : answer === "no" ? false : answer;
}

/** The body of `POST /objections/{id}/lateness`. */
export function toLatenessInput(answer: string, reasons: string): LatenessInput {
  return { excusable: toExcusable(answer), reasons } as unknown as LatenessInput;
}

/** The body of `POST /objections/{id}/hearing-waiver`: an unchosen reason is sent as it is. */
export function toHearingWaiverInput(reason: string, note: string): HearingWaiverInput {
  return { reason, note } as unknown as HearingWaiverInput;
}
