import type { ExemptionDecisionInput, ExemptionInput, ExemptionOutput, ExemptionRequestInput } from "@shared/schemas/exemptions.js";
import { toNumber, toOptionalText } from "@web/components/formValues.js";

/** The terms of an exemption as typed: full or partial, hours, start, end and review date. */
export interface TermsValues {
  scope: string;
  maxHoursPerWeek: string;
  startDate: string;
  endDate: string;
  reviewDate: string;
}

/** The form to record an exemption. */
export interface ExemptionValues extends TermsValues {
  type: string;
  reason: string;
}

/** The form to decide a request: granted with terms, or refused with a reason. */
export interface DecisionValues extends TermsValues {
  outcome: string;
  note: string;
}

export const TERMS_FIELDS = ["scope", "maxHoursPerWeek", "startDate", "endDate", "reviewDate"] as const;
export const EXEMPTION_FIELDS = ["type", ...TERMS_FIELDS, "reason"] as const;
export const DECISION_FIELDS = ["outcome", ...TERMS_FIELDS, "note"] as const;

/** Blank terms starting today. */
export function emptyTerms(today: string, scope = ""): TermsValues {
  return { scope, maxHoursPerWeek: "", startDate: today, endDate: "", reviewDate: "" };
}

/** A blank exemption starting today. */
export function emptyExemptionValues(today: string): ExemptionValues {
  return { type: "", reason: "", ...emptyTerms(today) };
}

/** A decision on a request, with the scope the client asked for. */
export function emptyDecisionValues(today: string, request: Pick<ExemptionOutput, "scope">): DecisionValues {
  return { outcome: "", note: "", ...emptyTerms(today, request.scope) };
}

/** The terms for the API: hours only for a partial exemption, empty dates as null. */
function toTerms(values: TermsValues) {
  return {
    // Sent as chosen: an unchosen scope is named by the server.
    scope: values.scope,
    maxHoursPerWeek: values.scope === "partial" && values.maxHoursPerWeek.trim() !== "" ? toNumber(values.maxHoursPerWeek) : null,
    startDate: values.startDate,
    endDate: values.endDate || null,
    reviewDate: values.reviewDate || null,
  };
}

/** The body of `POST /clients/{id}/exemptions`. */
export function toExemptionInput(values: ExemptionValues): ExemptionInput {
  return { type: values.type, reason: values.reason, ...toTerms(values) } as unknown as ExemptionInput;
}

/** The body of `POST /exemptions/{id}/decisions`: the terms only when granted. */
export function toDecisionInput(values: DecisionValues): ExemptionDecisionInput {
  if (values.outcome === "refused") return { outcome: "refused", note: values.note };
  return { outcome: values.outcome, note: toOptionalText(values.note), ...toTerms(values) } as unknown as ExemptionDecisionInput;
}

/** The body of `POST /clients/{id}/exemption-requests`: the client's own words. */
export function toRequestInput(values: { type: string; reason: string; scope: string }): ExemptionRequestInput {
  return { type: values.type, reason: values.reason, scope: values.scope || "full" } as unknown as ExemptionRequestInput;
}
