import { FUNCTIONAL_LIMITS } from "@shared/capacity.js";
import {
  type ExemptionDecisionInput,
  type ExemptionInput,
  type ExemptionOutput,
  type ExemptionRequestInput,
  lastDayUnderFive,
  type MedicalAdviceInput,
  SINGLE_PARENT_GROUND,
} from "@shared/schemas/exemptions.js";
import { toNumber, toOptionalNumber, toOptionalText } from "@web/components/formValues.js";

/** The terms of an exemption as typed: full or partial, hours, start, end and review date. */
export interface TermsValues {
  scope: string;
  maxHoursPerWeek: string;
  startDate: string;
  endDate: string;
  reviewDate: string;
}

/** The form to record an exemption; `obligations` empty means those of the ground. */
export interface ExemptionValues extends TermsValues {
  type: string;
  reason: string;
  obligations: string[];
  childBirthDate: string;
}

/** The form to decide a request: granted with terms, or refused with a reason (for art. 9a, the unmet condition). */
export interface DecisionValues extends TermsValues {
  outcome: string;
  note: string;
  obligations: string[];
  unmetCondition: string;
}

/** The form to ask for an exemption. */
export interface RequestValues {
  type: string;
  reason: string;
  scope: string;
  childBirthDate: string;
}

/**
 * The form to record medical advice: who, when, the conclusion in words, and what it allows in numbers and plain
 * categories (hours a week and a day, days a week, functional limits; never a diagnosis). Empty numbers: no limit.
 */
export interface MedicalAdviceValues {
  advisorKind: string;
  advisorName: string;
  advisedOn: string;
  conclusion: string;
  hoursPerWeek: string;
  hoursPerDay: string;
  daysPerWeek: string;
  functionalLimits: string[];
}

export const TERMS_FIELDS = ["scope", "maxHoursPerWeek", "startDate", "endDate", "reviewDate"] as const;
export const EXEMPTION_FIELDS = ["type", "obligations", "childBirthDate", ...TERMS_FIELDS, "reason"] as const;
export const DECISION_FIELDS = ["outcome", "obligations", ...TERMS_FIELDS, "unmetCondition", "note"] as const;
export const MEDICAL_ADVICE_FIELDS = [
  "advisorKind",
  "advisorName",
  "advisedOn",
  "hoursPerWeek",
  "hoursPerDay",
  "daysPerWeek",
  "functionalLimits",
  "conclusion",
] as const;

/** Blank terms starting today. */
export function emptyTerms(today: string, scope = ""): TermsValues {
  return { scope, maxHoursPerWeek: "", startDate: today, endDate: "", reviewDate: "" };
}

/** A blank exemption starting today. */
export function emptyExemptionValues(today: string): ExemptionValues {
  return { type: "", reason: "", obligations: [], childBirthDate: "", ...emptyTerms(today) };
}

/**
 * A decision on a request, with the scope and obligations the client asked for; a single parent's exemption
 * runs until the day before the child's fifth birthday.
 */
export function emptyDecisionValues(
  today: string,
  request: Pick<ExemptionOutput, "scope" | "obligations" | "childBirthDate">,
): DecisionValues {
  const terms = emptyTerms(today, request.scope);
  if (request.childBirthDate) terms.endDate = lastDayUnderFive(request.childBirthDate);
  return { outcome: "", note: "", obligations: [...request.obligations], unmetCondition: "", ...terms };
}

/** Blank medical advice. */
export function emptyMedicalAdviceValues(): MedicalAdviceValues {
  return {
    advisorKind: "",
    advisorName: "",
    advisedOn: "",
    conclusion: "",
    hoursPerWeek: "",
    hoursPerDay: "",
    daysPerWeek: "",
    functionalLimits: [],
  };
}

/** The child's birth date belongs only to a single parent's exemption (art. 9a). */
function child(values: { type: string; childBirthDate: string }) {
  return values.type === SINGLE_PARENT_GROUND ? { childBirthDate: values.childBirthDate || null } : {};
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
  const obligations = values.obligations.length > 0 ? { obligations: values.obligations } : {};
  return { type: values.type, reason: values.reason, ...obligations, ...child(values), ...toTerms(values) } as unknown as ExemptionInput;
}

/** The body of `POST /exemptions/{id}/decisions`: the terms only when granted. */
export function toDecisionInput(values: DecisionValues): ExemptionDecisionInput {
  if (values.outcome === "refused")
    return { outcome: "refused", note: values.note, unmetCondition: values.unmetCondition || null } as ExemptionDecisionInput;
  const obligations = values.obligations.length > 0 ? { obligations: values.obligations } : {};
  return {
    outcome: values.outcome,
    note: toOptionalText(values.note),
    ...obligations,
    ...toTerms(values),
  } as unknown as ExemptionDecisionInput;
}

/** The body of `POST /clients/{id}/exemption-requests`: the client's own words, and a single parent's child. */
export function toRequestInput(values: RequestValues): ExemptionRequestInput {
  return { type: values.type, reason: values.reason, scope: values.scope || "full", ...child(values) } as unknown as ExemptionRequestInput;
}

/** The body of `POST /exemptions/{id}/medical-advice`: empty numbers as no limit, the limits in the list's own order. */
export function toMedicalAdviceInput(values: MedicalAdviceValues): MedicalAdviceInput {
  return {
    advisorKind: values.advisorKind,
    advisorName: values.advisorName,
    advisedOn: values.advisedOn,
    conclusion: values.conclusion,
    hoursPerWeek: toOptionalNumber(values.hoursPerWeek),
    hoursPerDay: toOptionalNumber(values.hoursPerDay),
    daysPerWeek: toOptionalNumber(values.daysPerWeek),
    functionalLimits: FUNCTIONAL_LIMITS.filter((limit) => values.functionalLimits.includes(limit)),
  } as unknown as MedicalAdviceInput;
}
