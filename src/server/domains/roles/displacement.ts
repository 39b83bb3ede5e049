import { ORDINANCE_DEFAULTS } from "@shared/ordinance.js";
import type { DisplacementCheckInput, RoleStatus } from "@shared/schemas/roles.js";

export interface DisplacementOutcome {
  status: RoleStatus;
  reason: string;
}

/**
 * The displacement check (Participatiewet art. 9 lid 1 sub c: "niet leiden tot verdringing"). Work that was
 * paid recently or would otherwise be paid is rejected; doubtful cases go to a municipal reviewer.
 */
export function assessDisplacement(answers: DisplacementCheckInput, hoursPerWeek: number): DisplacementOutcome {
  if (answers.paidInLastThreeYears) return { status: "rejected", reason: "This work was paid in the last three years." };
  if (answers.wouldOtherwiseBePaid) return { status: "rejected", reason: "This work would be paid work if no volunteer did it." };
  const doubts = [
    answers.doneByPaidStaffElsewhere && "paid staff do this work elsewhere in the organisation",
    answers.partOfPaidService && "it is part of a service the organisation is paid to deliver",
    answers.recentStaffCuts && "staff were cut back recently",
    hoursPerWeek > ORDINANCE_DEFAULTS.weeklyNormHours && `it asks more than the ordinance's ${ORDINANCE_DEFAULTS.weeklyNormHours} hours a week`,
  ].filter(Boolean);
  if (doubts.length > 0) return { status: "needsReview", reason: `A reviewer decides: ${doubts.join("; ")}.` };
  return { status: "approved", reason: "The work is additional: no sign of displacement." };
}
