import type { CHECK_IN_CHANNELS, CheckInInput } from "@shared/schemas/check-ins.js";
import { toOptionalText } from "@web/components/formValues.js";

export const WHO5_ITEMS = [0, 1, 2, 3, 4] as const;
/** The WHO-5 answers, from "all of the time" (5) down to "at no time" (0), as the questionnaire prints them. */
export const WHO5_ANSWERS = ["5", "4", "3", "2", "1", "0"] as const;
/** A raw WHO-5 score below this asks for attention (the server decides the same, check-ins.rules.ts). */
export const WHO5_ATTENTION_BELOW = 13;
/** An answer this low (0 or 1) asks for attention whatever the total (the server decides the same). */
export const WHO5_ITEM_ATTENTION_AT_MOST = 1;

export const CHECK_IN_FIELDS = [
  "heldOn",
  "channel",
  "howItGoes",
  ...WHO5_ITEMS.map((i) => `who5.${i}`),
  "readyForNextStep",
  "ladderRung",
  "growthRung",
] as const;

/** What the check-in form holds. */
export interface CheckInValues {
  heldOn: string;
  channel: (typeof CHECK_IN_CHANNELS)[number];
  howItGoes: string;
  who5: string[];
  readyForNextStep: "" | "yes" | "no";
  ladderRung: string;
  growthRung: string;
}

/** A blank check-in held today. */
export function emptyCheckInValues(today: string): CheckInValues {
  return {
    heldOn: today,
    channel: "inPerson",
    howItGoes: "",
    who5: ["", "", "", "", ""],
    readyForNextStep: "",
    ladderRung: "",
    growthRung: "",
  };
}

/** The raw WHO-5 score (0–25) once all five are answered, else null. */
export function who5Raw(answers: string[]): number | null {
  if (answers.some((answer) => answer === "")) return null;
  return answers.reduce((sum, answer) => sum + Number(answer), 0);
}

/** The body of `POST /clients/{id}/check-ins`; unanswered items go as null, so the server names each one. */
export function toCheckInInput(values: CheckInValues): CheckInInput {
  return {
    heldOn: values.heldOn,
    channel: values.channel,
    howItGoes: toOptionalText(values.howItGoes),
    who5: values.who5.map((answer) => (answer === "" ? null : Number(answer))),
    readyForNextStep: values.readyForNextStep === "" ? undefined : values.readyForNextStep === "yes",
    ladderRung: values.ladderRung ? Number(values.ladderRung) : null,
    growthRung: values.growthRung ? Number(values.growthRung) : null,
  } as unknown as CheckInInput;
}
