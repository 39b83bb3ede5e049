import type { CaregivingInput } from "@shared/schemas/caregiving.js";
import { toNumber, toOptionalText } from "@web/components/formValues.js";

/** The caregiving form as typed; the judgement is a yes/no choice, unanswered at first. */
export interface CaregivingValues {
  relation: string;
  description: string;
  hoursPerWeek: string;
  since: string;
  beyondCustomaryCare: "" | "yes" | "no";
  judgementReason: string;
}

export const CAREGIVING_FIELDS = ["relation", "description", "hoursPerWeek", "since", "beyondCustomaryCare", "judgementReason"] as const;

/** The form's controls where the API's names are too common for a page with several forms. */
export const CAREGIVING_CONTROLS = { description: "careDescription", hoursPerWeek: "careHoursPerWeek", since: "careSince" };

/** An empty form. */
export function emptyCaregivingValues(): CaregivingValues {
  return { relation: "", description: "", hoursPerWeek: "", since: "", beyondCustomaryCare: "", judgementReason: "" };
}

/** The body of `POST /clients/{id}/caregiving`; an unanswered judgement is sent as such, so the server names it. */
export function toCaregivingInput(values: CaregivingValues): CaregivingInput {
  return {
    relation: values.relation,
    description: toOptionalText(values.description),
    hoursPerWeek: toNumber(values.hoursPerWeek),
    since: values.since,
    beyondCustomaryCare: values.beyondCustomaryCare === "" ? null : values.beyondCustomaryCare === "yes",
    judgementReason: values.judgementReason,
  } as unknown as CaregivingInput;
}
