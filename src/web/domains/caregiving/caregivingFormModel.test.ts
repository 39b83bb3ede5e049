import { caregivingInput } from "@shared/schemas/caregiving.js";
import { describe, expect, it } from "vitest";
import { emptyCaregivingValues, toCaregivingInput } from "./caregivingFormModel.js";

const filled = {
  ...emptyCaregivingValues(),
  relation: "child",
  hoursPerWeek: "20,5",
  since: "2026-05-01",
  beyondCustomaryCare: "yes" as const,
  judgementReason: "Intensieve zorg op advies van de jeugdarts.",
};

describe("the caregiving form's body", () => {
  it("is what the API accepts: the judgement as a boolean, decimal comma read, empty description as null", () => {
    const input = toCaregivingInput(filled);
    expect(input).toMatchObject({ beyondCustomaryCare: true, hoursPerWeek: 20.5, description: null });
    expect(caregivingInput.safeParse(input).success).toBe(true);
    expect(toCaregivingInput({ ...filled, beyondCustomaryCare: "no" }).beyondCustomaryCare).toBe(false);
  });

  it("sends an unanswered judgement as unanswered, so the server names that field", () => {
    const parsed = caregivingInput.safeParse(toCaregivingInput({ ...filled, beyondCustomaryCare: "" }));
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["beyondCustomaryCare"]);
  });
});
