import { exemptionDecisionInput, exemptionInput } from "@shared/schemas/exemptions.js";
import { describe, expect, it } from "vitest";
import {
  emptyDecisionValues,
  emptyExemptionValues,
  emptyMedicalAdviceValues,
  toDecisionInput,
  toExemptionInput,
  toMedicalAdviceInput,
  toRequestInput,
} from "./exemptionFormModel.js";

const partial = {
  ...emptyExemptionValues("2026-11-28"),
  type: "medical",
  scope: "partial",
  maxHoursPerWeek: "8",
  reviewDate: "2027-02-28",
  reason: "Herstel na operatie",
};

describe("the exemption form's body", () => {
  it("is what the API accepts: hours for a partial exemption, an empty end date as null", () => {
    const input = toExemptionInput(partial);
    expect(input).toEqual({
      type: "medical",
      reason: "Herstel na operatie",
      scope: "partial",
      maxHoursPerWeek: 8,
      startDate: "2026-11-28",
      endDate: null,
      reviewDate: "2027-02-28",
    });
    expect(exemptionInput.safeParse(input).success).toBe(true);
  });

  it("leaves hours typed earlier out of a full exemption, which asks no hours at all", () => {
    expect(toExemptionInput({ ...partial, scope: "full" }).maxHoursPerWeek).toBeNull();
  });

  it("without an end or review date lets the server name both fields", () => {
    const parsed = exemptionInput.safeParse(toExemptionInput({ ...partial, reviewDate: "" }));
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["endDate", "reviewDate"]);
  });
});

describe("the decision on a request", () => {
  it("grants with terms, the scope the client asked for filled in already", () => {
    const values = {
      ...emptyDecisionValues("2026-11-28", { scope: "full", obligations: ["tegenprestatie"], childBirthDate: null }),
      outcome: "granted",
      endDate: "2027-01-31",
      note: " ",
    };
    const input = toDecisionInput(values);
    expect(input).toEqual({
      outcome: "granted",
      note: null,
      obligations: ["tegenprestatie"],
      scope: "full",
      maxHoursPerWeek: null,
      startDate: "2026-11-28",
      endDate: "2027-01-31",
      reviewDate: null,
    });
    expect(exemptionDecisionInput.safeParse(input).success).toBe(true);
  });

  it("refuses with the note only, whatever terms were typed before", () => {
    const values = {
      ...emptyDecisionValues("2026-11-28", { scope: "partial", obligations: ["tegenprestatie"], childBirthDate: null }),
      outcome: "refused",
      maxHoursPerWeek: "4",
      note: "Geen medische grond",
    };
    expect(toDecisionInput(values)).toEqual({ outcome: "refused", note: "Geen medische grond", unmetCondition: null });
  });

  it("fills in a single parent's end date, the day before the child's fifth birthday, and names the unmet condition", () => {
    const request = { scope: "full" as const, obligations: ["workObligations" as const], childBirthDate: "2024-05-10" };
    const granted = { ...emptyDecisionValues("2026-11-28", request), outcome: "granted" };
    expect(granted.endDate).toBe("2029-05-09");
    expect(toDecisionInput(granted)).toMatchObject({ obligations: ["workObligations"], endDate: "2029-05-09" });
    const refused = { ...emptyDecisionValues("2026-11-28", request), outcome: "refused", note: "n", unmetCondition: "noFullCare" };
    const input = toDecisionInput(refused);
    expect(input).toEqual({ outcome: "refused", note: "n", unmetCondition: "noFullCare" });
    expect(exemptionDecisionInput.safeParse(input).success).toBe(true);
  });
});

describe("the single parent's ground", () => {
  it("sends the child's birth date with that ground only, and the obligations only when chosen", () => {
    const single = { ...partial, type: "singleParentYoungChildren", scope: "full", reviewDate: "", childBirthDate: "2025-01-15" };
    const input = toExemptionInput(single);
    expect(input).toMatchObject({ type: "singleParentYoungChildren", childBirthDate: "2025-01-15" });
    expect(input).not.toHaveProperty("obligations");
    expect(exemptionInput.safeParse(input).success).toBe(true);
    expect(toExemptionInput({ ...partial, childBirthDate: "2025-01-15", obligations: ["tegenprestatie"] })).toMatchObject({
      obligations: ["tegenprestatie"],
    });
    expect(toExemptionInput({ ...partial, childBirthDate: "2025-01-15" })).not.toHaveProperty("childBirthDate");
    const request = { type: "singleParentYoungChildren", reason: "Alleen met mijn kind", scope: "", childBirthDate: "" };
    expect(toRequestInput(request)).toEqual({
      type: "singleParentYoungChildren",
      reason: "Alleen met mijn kind",
      scope: "full",
      childBirthDate: null,
    });
  });

  it("sends medical advice with its hours and days as numbers, empty ones as no limit, and its limits in the list's order", () => {
    const values = {
      ...emptyMedicalAdviceValues(),
      advisorKind: "independentDoctor",
      advisorName: "Dr. Bakker",
      advisedOn: "2026-11-20",
      conclusion: "Kan 4 uur per dag.",
      hoursPerDay: "4,5",
      daysPerWeek: "3",
      functionalLimits: ["nightWork", "heavyLifting"],
    };
    expect(toMedicalAdviceInput(values)).toEqual({
      advisorKind: "independentDoctor",
      advisorName: "Dr. Bakker",
      advisedOn: "2026-11-20",
      conclusion: "Kan 4 uur per dag.",
      hoursPerWeek: null,
      hoursPerDay: 4.5,
      daysPerWeek: 3,
      functionalLimits: ["heavyLifting", "nightWork"],
    });
    // Text that is not a number goes as typed: the server names the field.
    expect(toMedicalAdviceInput({ ...values, hoursPerDay: "zes" })).toMatchObject({ hoursPerDay: "zes" });
  });
});
