import { FUNCTIONAL_LIMITS } from "@shared/capacity.js";
import { ACTIVE_STEP_STATUSES, isOwnSituationStep, type PlanOutput, type PlanStepInput } from "@shared/schemas/plans.js";
import { ApiError } from "@web/api/client.js";
import { toNumber, toOptionalNumber, toOptionalText } from "@web/components/formValues.js";
import type { FormErrors } from "@web/components/problems.js";
import type { TFunction } from "i18next";

export type PlanStep = PlanOutput["steps"][number];

export const STEP_FIELDS = [
  "type",
  "title",
  "goal",
  "hoursPerWeek",
  "hoursPerDay",
  "daysPerWeek",
  "demands",
  "startDate",
  "endDate",
  "provider",
] as const;

/** The add-step form's boxes that hold text. */
export type StepTextField = Exclude<(typeof STEP_FIELDS)[number], "demands">;

/** What the add-step form holds: text for every box, and what the step asks of body and mind. */
export type StepValues = Record<StepTextField, string> & { demands: string[] };

/** A blank step starting today. */
export function emptyStepValues(today: string): StepValues {
  return {
    type: "",
    title: "",
    goal: "",
    hoursPerWeek: "",
    hoursPerDay: "",
    daysPerWeek: "",
    demands: [],
    startDate: today,
    endDate: "",
    provider: "",
  };
}

/**
 * The body of `POST /clients/{id}/plan-steps`. Care and debt help ask no hours, so they send 0 and no day, days or
 * demands (the form asks none); an empty day or days is left out, the demands in the list's own order.
 */
export function toStepInput(values: StepValues): PlanStepInput {
  const ownSituation = isOwnSituationStep(values.type);
  return {
    type: values.type || undefined,
    title: values.title.trim(),
    goal: toOptionalText(values.goal),
    hoursPerWeek: ownSituation ? 0 : values.hoursPerWeek.trim() === "" ? undefined : toNumber(values.hoursPerWeek),
    hoursPerDay: ownSituation ? null : toOptionalNumber(values.hoursPerDay),
    daysPerWeek: ownSituation ? null : toOptionalNumber(values.daysPerWeek),
    demands: ownSituation ? [] : FUNCTIONAL_LIMITS.filter((demand) => values.demands.includes(demand)),
    startDate: values.startDate,
    endDate: values.endDate || null,
    provider: toOptionalText(values.provider),
  } as unknown as PlanStepInput;
}

/** True when a step's hours count against the client's capacity. */
export function countsAgainstCapacity(step: Pick<PlanStep, "status">): boolean {
  return (ACTIVE_STEP_STATUSES as readonly string[]).includes(step.status);
}

/** The version being worked on: the draft if there is one, else the plan in force. */
export function currentVersion(plans: PlanOutput[]): PlanOutput | undefined {
  return plans.find((plan) => plan.status === "draft") ?? plans.find((plan) => plan.status === "confirmed");
}

/**
 * Puts a clear sentence beside the hours when the server refused for capacity: how many hours the plan would
 * ask and how many the client can do. The server's rule decides; this only explains it.
 */
export function explainCapacity(
  errors: FormErrors,
  error: unknown,
  t: TFunction,
  hours: { total: number; capacity: number | null; format: (hours: number) => string },
): FormErrors {
  if (!(error instanceof ApiError) || error.problem.code !== "capacityExceeded" || hours.capacity === null) return errors;
  const message = t("plan.capacityExceeded", { total: hours.format(hours.total), capacity: hours.format(hours.capacity) });
  return {
    byField: { ...errors.byField, hoursPerWeek: message },
    list: [{ name: "hoursPerWeek", message }],
    other: null,
  };
}
