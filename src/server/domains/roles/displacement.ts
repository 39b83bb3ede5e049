import type { DisplacementCheckInput, RoleSector, RoleStatus } from "@shared/schemas/roles.js";

export const DISPLACEMENT_FINDINGS = [
  "paidInLastThreeYears",
  "wouldOtherwiseBePaid",
  "doneByPaidStaffElsewhere",
  "partOfPaidService",
  "recentStaffCuts",
  "aboveWeeklyNorm",
  "aboveSelfDeclaredMax",
  "atNight",
  "riskSector",
  "additional",
] as const;
export type DisplacementFinding = (typeof DISPLACEMENT_FINDINGS)[number];

/** Sectors where volunteer work most often replaces paid work: a role in them is never approved on its host's word alone. */
export const RISK_SECTORS: readonly RoleSector[] = ["care", "cleaning"];

export interface DisplacementOutcome {
  status: RoleStatus;
  reason: string;
  /** The findings behind the outcome, so a Dutch (or any) UI can say them in its own words. */
  findings: DisplacementFinding[];
}

/** What the role asks, as far as the check looks at it. */
export interface RoleDemands {
  hoursPerWeek: number;
  atNight: boolean;
  sector: RoleSector;
}

/** The ordinance's limits the check applies. */
export interface DisplacementLimits {
  /** The norm asked of any client a week: a role asking more is beyond the ordinance. */
  weeklyNormHours: number;
  /** The most hours a week a role is approved for on its host's own answers alone. */
  selfDeclaredMaxHours: number;
}

/**
 * The hours finding, at most one. Above the weekly norm the role asks more than the ordinance asks of anyone
 * (`aboveWeeklyNorm`); above the lower limit the ordinance sets for approval on the host's own answers, and within
 * the norm, it asks more than a host's word may carry (`aboveSelfDeclaredMax`). Where an ordinance sets the second
 * limit at or above the norm, only the norm applies.
 */
function hoursFinding(hoursPerWeek: number, limits: DisplacementLimits): [DisplacementFinding, string] | null {
  if (hoursPerWeek > limits.weeklyNormHours)
    return ["aboveWeeklyNorm", `it asks more than the ordinance's ${limits.weeklyNormHours} hours a week`];
  if (hoursPerWeek > limits.selfDeclaredMaxHours)
    return ["aboveSelfDeclaredMax", `it asks more than the ${limits.selfDeclaredMaxHours} hours a week approved on the host's own answers`];
  return null;
}

/**
 * The displacement check (Participatiewet art. 9 lid 1 sub c: "niet leiden tot verdringing"). Work that was
 * paid recently or would otherwise be paid is rejected; doubtful cases go to a municipal reviewer: work done by paid
 * staff elsewhere, part of a paid service, after staff cuts, asking many hours, at night, or in care or cleaning.
 */
export function assessDisplacement(answers: DisplacementCheckInput, role: RoleDemands, limits: DisplacementLimits): DisplacementOutcome {
  if (answers.paidInLastThreeYears)
    return { status: "rejected", reason: "This work was paid in the last three years.", findings: ["paidInLastThreeYears"] };
  if (answers.wouldOtherwiseBePaid)
    return { status: "rejected", reason: "This work would be paid work if no volunteer did it.", findings: ["wouldOtherwiseBePaid"] };
  const hours = hoursFinding(role.hoursPerWeek, limits);
  const doubts: [DisplacementFinding, string][] = [
    [answers.doneByPaidStaffElsewhere, "doneByPaidStaffElsewhere", "paid staff do this work elsewhere in the organisation"] as const,
    [answers.partOfPaidService, "partOfPaidService", "it is part of a service the organisation is paid to deliver"] as const,
    [answers.recentStaffCuts, "recentStaffCuts", "staff were cut back recently"] as const,
    [hours !== null, hours?.[0] ?? "aboveWeeklyNorm", hours?.[1] ?? ""] as const,
    [role.atNight, "atNight", "it is done at night"] as const,
    [RISK_SECTORS.includes(role.sector), "riskSector", `it is work in ${role.sector}, where volunteers often replace paid staff`] as const,
  ]
    .filter(([applies]) => applies)
    .map(([, finding, text]) => [finding, text]);
  if (doubts.length > 0) {
    return {
      status: "needsReview",
      reason: `A reviewer decides: ${doubts.map(([, text]) => text).join("; ")}.`,
      findings: doubts.map(([f]) => f),
    };
  }
  return { status: "approved", reason: "The work is additional: no sign of displacement.", findings: ["additional"] };
}
