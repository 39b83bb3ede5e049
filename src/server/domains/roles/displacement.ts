import type { DisplacementCheckInput, RoleStatus } from "@shared/schemas/roles.js";

export const DISPLACEMENT_FINDINGS = [
  "paidInLastThreeYears",
  "wouldOtherwiseBePaid",
  "doneByPaidStaffElsewhere",
  "partOfPaidService",
  "recentStaffCuts",
  "aboveWeeklyNorm",
  "additional",
] as const;
export type DisplacementFinding = (typeof DISPLACEMENT_FINDINGS)[number];

export interface DisplacementOutcome {
  status: RoleStatus;
  reason: string;
  /** The findings behind the outcome, so a Dutch (or any) UI can say them in its own words. */
  findings: DisplacementFinding[];
}

/**
 * The displacement check (Participatiewet art. 9 lid 1 sub c: "niet leiden tot verdringing"). Work that was
 * paid recently or would otherwise be paid is rejected; doubtful cases go to a municipal reviewer.
 */
export function assessDisplacement(answers: DisplacementCheckInput, hoursPerWeek: number, weeklyNormHours: number): DisplacementOutcome {
  if (answers.paidInLastThreeYears)
    return { status: "rejected", reason: "This work was paid in the last three years.", findings: ["paidInLastThreeYears"] };
  if (answers.wouldOtherwiseBePaid)
    return { status: "rejected", reason: "This work would be paid work if no volunteer did it.", findings: ["wouldOtherwiseBePaid"] };
  const doubts: [DisplacementFinding, string][] = [
    [answers.doneByPaidStaffElsewhere, "doneByPaidStaffElsewhere", "paid staff do this work elsewhere in the organisation"] as const,
    [answers.partOfPaidService, "partOfPaidService", "it is part of a service the organisation is paid to deliver"] as const,
    [answers.recentStaffCuts, "recentStaffCuts", "staff were cut back recently"] as const,
    [hoursPerWeek > weeklyNormHours, "aboveWeeklyNorm", `it asks more than the ordinance's ${weeklyNormHours} hours a week`] as const,
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
