import { conflict } from "@server/http/errors.js";
import type { FunctionalLimit, WorkDemands, WorkLimits } from "@shared/capacity.js";

/** The fields of a request that carry a piece of work's day, days and demands, for the refusal to name. */
export interface WorkFields {
  longestDay: string;
  days: string;
  demands: string;
}

/** A day never asks more hours than the client can work on one day (from the intake or a physician's advice). */
export function assertWithinDailyLimit(limits: Pick<WorkLimits, "hoursPerDay">, longestDayHours: number, field = "hoursPerDay"): void {
  if (limits.hoursPerDay !== null && longestDayHours > limits.hoursPerDay + 1e-9) {
    const reason = `The client can work at most ${limits.hoursPerDay} hours a day`;
    throw conflict(
      "aboveDailyLimit",
      `This asks ${longestDayHours} hours on one day; ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`,
      [{ name: field, code: "aboveDailyLimit", reason }],
    );
  }
}

/** Work never asks more days a week than the client can work. */
export function assertWithinDaysLimit(limits: Pick<WorkLimits, "daysPerWeek">, daysPerWeek: number, field = "daysPerWeek"): void {
  if (limits.daysPerWeek !== null && daysPerWeek > limits.daysPerWeek) {
    const reason = `The client can work at most ${limits.daysPerWeek} days a week`;
    throw conflict("aboveDaysLimit", `This asks ${daysPerWeek} days a week; ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`, [
      { name: field, code: "aboveDaysLimit", reason },
    ]);
  }
}

/** Work never asks what a client's functional limit rules out (no heavy lifting, no night work, …); never says why. */
export function assertNoFunctionalLimit(
  limits: Pick<WorkLimits, "functionalLimits">,
  demands: readonly FunctionalLimit[],
  field = "demands",
): void {
  const broken = limits.functionalLimits.filter((limit) => demands.includes(limit));
  if (broken.length > 0) {
    const reason = `The work asks what the client's limits rule out: ${broken.join(", ")}`;
    throw conflict("functionalLimit", `${reason}.`, [{ name: field, code: "functionalLimit", reason }]);
  }
}

/** Work fits a client's limits beyond hours a week: its longest day, its days and its demands, in that order. */
export function assertWorkFitsLimits(limits: WorkLimits, work: WorkDemands, fields: WorkFields): void {
  assertWithinDailyLimit(limits, work.longestDayHours, fields.longestDay);
  assertWithinDaysLimit(limits, work.daysPerWeek, fields.days);
  assertNoFunctionalLimit(limits, work.demands, fields.demands);
}
