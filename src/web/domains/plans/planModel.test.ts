import { planStepInput } from "@shared/schemas/plans.js";
import { describe, expect, it } from "vitest";
import { emptyStepValues, toStepInput } from "./planModel.js";

const step = { ...emptyStepValues("2026-12-03"), type: "volunteerPlacement", title: "Magazijn", hoursPerWeek: "12" };

describe("the add-step form's body", () => {
  it("sends the longest day and the days as numbers, and the demands in the list's own order", () => {
    const body = toStepInput({ ...step, hoursPerDay: "6,5", daysPerWeek: "2", demands: ["standingLong", "heavyLifting"] });
    expect(body).toMatchObject({ hoursPerWeek: 12, hoursPerDay: 6.5, daysPerWeek: 2, demands: ["heavyLifting", "standingLong"] });
    expect(planStepInput.safeParse(body).success).toBe(true);
  });

  it("leaves an empty day and days as no limit", () => {
    expect(toStepInput(step)).toMatchObject({ hoursPerDay: null, daysPerWeek: null, demands: [] });
  });

  it("sends no day, days or demands for help with the client's own situation, which asks no hours", () => {
    const care = { ...step, type: "careReferral", hoursPerDay: "6", daysPerWeek: "3", demands: ["heavyLifting"] };
    expect(toStepInput(care)).toMatchObject({ hoursPerWeek: 0, hoursPerDay: null, daysPerWeek: null, demands: [] });
  });
});
