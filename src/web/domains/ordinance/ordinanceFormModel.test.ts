import { type Ordinance, ordinanceVersionInput } from "@shared/schemas/ordinance.js";
import { describe, expect, it } from "vitest";
import { ORDINANCE_CONTROLS, ordinanceFields, toOrdinanceInput, valuesFromOrdinance } from "./ordinanceFormModel.js";

const current: Ordinance = {
  version: 1,
  effectiveFrom: "2026-01-01",
  weeklyNormHours: 12.5,
  accountabilityIntervalMonths: 6,
  accountabilityReminderDays: 14,
  accountabilityOverdueDays: 28,
  exemptionCoSignMonths: 6,
  exemptionNoticeDays: 30,
  guidanceHoursPerLevel: { light: 0.5, regular: 1, intensive: 2 },
  sanctionLevels: [
    { level: 1, percentage: 5, months: 1 },
    { level: 2, percentage: 10, months: 2 },
  ],
  sanctionGroundLevels: { refusedContribution: 2, missedAppointments: 1, stoppedPlacementWithoutReason: 2, insufficientEffort: 1 },
  hearingResponseDays: 14,
  maxFactsAgeDays: 60,
  selfDeclaredMaxHours: 6,
  maxDurationMonths: 9,
  retention: { auditMonths: 60, checkInNoteMonths: 24, evidenceMonths: 12, matchProposalMonths: 6 },
  note: "Verordening 2026",
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("the new ordinance version form", () => {
  it("starts as a copy of the version in force, in Dutch notation, from the given date and without a note", () => {
    const values = valuesFromOrdinance(current, "2026-11-29", "nl");
    expect(values).toMatchObject({ weeklyNormHours: "12,5", guidanceLight: "0,5", effectiveFrom: "2026-11-29", note: "" });
    expect(values.sanctionLevels).toEqual([
      { percentage: "5", months: "1" },
      { percentage: "10", months: "2" },
    ]);
  });

  it("sends what the API accepts, with the levels numbered by their place after one was removed", () => {
    const values = valuesFromOrdinance(current, "2026-11-29", "nl");
    const input = toOrdinanceInput({
      ...values,
      note: "Raadsbesluit 12 november",
      sanctionLevels: [...values.sanctionLevels.slice(1), { percentage: "20", months: "3" }],
    });
    expect(input).toMatchObject({ weeklyNormHours: 12.5, guidanceHoursPerLevel: { light: 0.5, regular: 1, intensive: 2 } });
    // The limits of the version in force carry over, so a new version never falls back to their defaults unseen.
    expect(input).toMatchObject({ maxFactsAgeDays: 60, selfDeclaredMaxHours: 6, maxDurationMonths: 9 });
    expect(input.sanctionLevels).toEqual([
      { level: 1, percentage: 10, months: 2 },
      { level: 2, percentage: 20, months: 3 },
    ]);
    expect(ordinanceVersionInput.safeParse(input).success).toBe(true);
  });

  it("sends text that is not a number as typed, so the server's error lands on the box that holds it", () => {
    const values = valuesFromOrdinance(current, "2026-11-29", "nl");
    const input = toOrdinanceInput({ ...values, note: "x", guidanceRegular: "veel", sanctionLevels: [{ percentage: "5", months: "4" }] });
    const parsed = ordinanceVersionInput.safeParse(input);
    const paths = parsed.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toEqual(["guidanceHoursPerLevel.regular", "sanctionLevels.0.months"]);
    expect(ordinanceFields(1)).toEqual(expect.arrayContaining(paths));
    expect(ORDINANCE_CONTROLS["guidanceHoursPerLevel.regular"]).toBe("guidanceRegular");
  });
});
