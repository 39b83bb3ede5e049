import { exemptionDecisionInput, exemptionInput } from "@shared/schemas/exemptions.js";
import { describe, expect, it } from "vitest";
import { emptyDecisionValues, emptyExemptionValues, toDecisionInput, toExemptionInput } from "./exemptionFormModel.js";

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
    const values = { ...emptyDecisionValues("2026-11-28", { scope: "full" }), outcome: "granted", endDate: "2027-01-31", note: " " };
    const input = toDecisionInput(values);
    expect(input).toEqual({
      outcome: "granted",
      note: null,
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
      ...emptyDecisionValues("2026-11-28", { scope: "partial" }),
      outcome: "refused",
      maxHoursPerWeek: "4",
      note: "Geen medische grond",
    };
    expect(toDecisionInput(values)).toEqual({ outcome: "refused", note: "Geen medische grond" });
  });
});
