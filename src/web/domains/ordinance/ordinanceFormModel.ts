import { type Ordinance, type OrdinanceVersionInput, SANCTION_GROUNDS } from "@shared/schemas/ordinance.js";
import { numberText, toNumber } from "@web/components/formValues.js";

/** One sanction level as typed; its number is its place in the list. */
export interface SanctionLevelValues {
  percentage: string;
  months: string;
}

/** The new-version form as typed: text for every box. */
export interface OrdinanceValues {
  weeklyNormHours: string;
  accountabilityIntervalMonths: string;
  accountabilityReminderDays: string;
  accountabilityOverdueDays: string;
  exemptionCoSignMonths: string;
  exemptionNoticeDays: string;
  guidanceLight: string;
  guidanceRegular: string;
  guidanceIntensive: string;
  hearingResponseDays: string;
  maxFactsAgeDays: string;
  selfDeclaredMaxHours: string;
  maxDurationMonths: string;
  sanctionLevels: SanctionLevelValues[];
  /** The level each ground starts at, by ground. */
  groundLevels: Record<(typeof SANCTION_GROUNDS)[number], string>;
  effectiveFrom: string;
  note: string;
}

export const GUIDANCE_LEVELS = ["light", "regular", "intensive"] as const;
const guidanceControl = { light: "guidanceLight", regular: "guidanceRegular", intensive: "guidanceIntensive" } as const;

export const SETTING_FIELDS = [
  "weeklyNormHours",
  "accountabilityIntervalMonths",
  "accountabilityReminderDays",
  "accountabilityOverdueDays",
  "exemptionCoSignMonths",
  "exemptionNoticeDays",
  "hearingResponseDays",
  "maxFactsAgeDays",
  "selfDeclaredMaxHours",
  "maxDurationMonths",
] as const;

/** The control of a ground's starting level; the API's own name, so its errors land there. */
export const groundControl = (ground: (typeof SANCTION_GROUNDS)[number]) => `sanctionGroundLevels.${ground}`;

/** Form controls the server's field errors can point at; each sanction level has its own two. */
export function ordinanceFields(levelCount: number): string[] {
  const levels = Array.from({ length: levelCount }, (_, index) => [
    `sanctionLevels.${index}.percentage`,
    `sanctionLevels.${index}.months`,
  ]).flat();
  return [
    ...SETTING_FIELDS,
    ...GUIDANCE_LEVELS.map((level) => `guidanceHoursPerLevel.${level}`),
    ...SANCTION_GROUNDS.map(groundControl),
    "sanctionLevels",
    ...levels,
    "effectiveFrom",
    "note",
  ];
}

/** Where the API's nested names differ from the form's controls. */
export const ORDINANCE_CONTROLS: Record<string, string> = {
  ...Object.fromEntries(GUIDANCE_LEVELS.map((level) => [`guidanceHoursPerLevel.${level}`, guidanceControl[level]])),
  note: "versionNote",
};

/** A new version starts as a copy of the given one, from the given date. */
export function valuesFromOrdinance(ordinance: Ordinance, effectiveFrom: string, language: string): OrdinanceValues {
  const text = (value: number) => numberText(value, language);
  return {
    weeklyNormHours: text(ordinance.weeklyNormHours),
    accountabilityIntervalMonths: text(ordinance.accountabilityIntervalMonths),
    accountabilityReminderDays: text(ordinance.accountabilityReminderDays),
    accountabilityOverdueDays: text(ordinance.accountabilityOverdueDays),
    exemptionCoSignMonths: text(ordinance.exemptionCoSignMonths),
    exemptionNoticeDays: text(ordinance.exemptionNoticeDays),
    hearingResponseDays: text(ordinance.hearingResponseDays),
    maxFactsAgeDays: text(ordinance.maxFactsAgeDays),
    selfDeclaredMaxHours: text(ordinance.selfDeclaredMaxHours),
    maxDurationMonths: text(ordinance.maxDurationMonths),
    groundLevels: Object.fromEntries(
      SANCTION_GROUNDS.map((ground) => [ground, text(ordinance.sanctionGroundLevels[ground])]),
    ) as OrdinanceValues["groundLevels"],
    guidanceLight: text(ordinance.guidanceHoursPerLevel.light),
    guidanceRegular: text(ordinance.guidanceHoursPerLevel.regular),
    guidanceIntensive: text(ordinance.guidanceHoursPerLevel.intensive),
    sanctionLevels: ordinance.sanctionLevels.map((level) => ({ percentage: text(level.percentage), months: text(level.months) })),
    effectiveFrom,
    note: "",
  };
}

/** The body of `POST /ordinance/versions`: numbers read with a decimal comma, levels numbered 1, 2, 3 in order. */
export function toOrdinanceInput(values: OrdinanceValues): OrdinanceVersionInput {
  return {
    weeklyNormHours: toNumber(values.weeklyNormHours),
    accountabilityIntervalMonths: toNumber(values.accountabilityIntervalMonths),
    accountabilityReminderDays: toNumber(values.accountabilityReminderDays),
    accountabilityOverdueDays: toNumber(values.accountabilityOverdueDays),
    exemptionCoSignMonths: toNumber(values.exemptionCoSignMonths),
    exemptionNoticeDays: toNumber(values.exemptionNoticeDays),
    hearingResponseDays: toNumber(values.hearingResponseDays),
    maxFactsAgeDays: toNumber(values.maxFactsAgeDays),
    selfDeclaredMaxHours: toNumber(values.selfDeclaredMaxHours),
    maxDurationMonths: toNumber(values.maxDurationMonths),
    sanctionGroundLevels: Object.fromEntries(SANCTION_GROUNDS.map((ground) => [ground, toNumber(values.groundLevels[ground])])),
    guidanceHoursPerLevel: {
      light: toNumber(values.guidanceLight),
      regular: toNumber(values.guidanceRegular),
      intensive: toNumber(values.guidanceIntensive),
    },
    sanctionLevels: values.sanctionLevels.map((level, index) => ({
      level: index + 1,
      percentage: toNumber(level.percentage),
      months: toNumber(level.months),
    })),
    effectiveFrom: values.effectiveFrom,
    note: values.note,
  } as unknown as OrdinanceVersionInput;
}
