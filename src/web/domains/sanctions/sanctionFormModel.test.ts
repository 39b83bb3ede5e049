import { sanctionDecisionInput, sanctionProposalInput } from "@shared/schemas/sanctions.js";
import { describe, expect, it } from "vitest";
import { emptyDecisionValues, emptyProposalValues, toDecisionInput, toProposalInput } from "./sanctionFormModel.js";

const APPOINTMENT = "0b8f3c1e-3a7d-4c52-9f0e-2d1b6a4e8c11";
const PLACEMENT = "6f1d2e3c-4b5a-4978-8a6b-5c4d3e2f1a09";

const missed = {
  ...emptyProposalValues("2026-11-28"),
  ground: "missedAppointments",
  appointmentId: APPOINTMENT,
  placementId: PLACEMENT,
  facts: "Kwam niet naar de intake.",
  culpability: "full",
  circumstances: "Geen bijzondere omstandigheden bekend.",
  urgentReasons: "no",
  urgentReasonsNote: "Typte dit eerst.",
};

describe("the proposal's body", () => {
  it("links only the facts of its ground: the appointment for missed appointments, no placement", () => {
    const input = toProposalInput(missed);
    expect(input).toMatchObject({
      ground: "missedAppointments",
      appointmentId: APPOINTMENT,
      placementId: null,
      letterId: null,
      urgentReasons: false,
    });
    expect(sanctionProposalInput.safeParse(input).success).toBe(true);
  });

  it("links a plan for a refused contribution, and a plan step, a placement and what was not done for insufficient effort", () => {
    const all = { ...missed, planId: APPOINTMENT, planStepId: PLACEMENT, notDone: " Niet gekomen. " };
    expect(toProposalInput({ ...all, ground: "refusedContribution" })).toMatchObject({
      planId: APPOINTMENT,
      planStepId: null,
      notDone: null,
    });
    expect(toProposalInput({ ...all, ground: "insufficientEffort" })).toMatchObject({
      planId: null,
      planStepId: PLACEMENT,
      placementId: PLACEMENT,
      notDone: "Niet gekomen.",
      appointmentId: null,
    });
  });

  it("links the placement for stopping without a reason, and no appointment", () => {
    const input = toProposalInput({ ...missed, ground: "stoppedPlacementWithoutReason" });
    expect(input).toMatchObject({ appointmentId: null, placementId: PLACEMENT });
  });

  it("keeps the urgent reasons note only when there are urgent reasons, and empty optional text as null", () => {
    expect(toProposalInput(missed)).toMatchObject({ urgentReasonsNote: null, childrenInterests: null });
    expect(toProposalInput({ ...missed, urgentReasons: "yes", childrenInterests: " " })).toMatchObject({
      urgentReasons: true,
      urgentReasonsNote: "Typte dit eerst.",
      childrenInterests: null,
    });
  });

  it("sends unchosen answers as they are, so the server names each field", () => {
    const parsed = sanctionProposalInput.safeParse(toProposalInput(emptyProposalValues("2026-11-28")));
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "ground",
      "facts",
      "culpability",
      "circumstances",
      "urgentReasons",
    ]);
  });
});

describe("the team lead's decision", () => {
  it("imposes the ordinance's level without percentage or months, whatever was typed", () => {
    const input = toDecisionInput({ ...emptyDecisionValues(), outcome: "imposed", reasons: "Verwijtbaar.", percentage: "5", months: "1" });
    expect(input).toEqual({ outcome: "imposed", reasons: "Verwijtbaar.", percentage: null, months: null, urgentReasonsLapsed: null });
    expect(sanctionDecisionInput.safeParse(input).success).toBe(true);
  });

  it("imposes a lower sanction with a Dutch decimal comma, an empty box as null", () => {
    expect(
      toDecisionInput({ ...emptyDecisionValues(), outcome: "imposedLower", reasons: "Minder verwijtbaar.", percentage: "7,5", months: "" }),
    ).toEqual({
      outcome: "imposedLower",
      reasons: "Minder verwijtbaar.",
      percentage: 7.5,
      months: null,
      urgentReasonsLapsed: null,
    });
  });

  it("sends the new weighing of urgent reasons only when they no longer apply and a sanction is imposed", () => {
    const lapsed = {
      ...emptyDecisionValues(),
      outcome: "imposed",
      reasons: "r",
      urgentReasonsStand: "no",
      urgentReasonsLapsed: "Betaald.",
    };
    expect(toDecisionInput(lapsed).urgentReasonsLapsed).toEqual({ reasons: "Betaald." });
    expect(toDecisionInput({ ...lapsed, outcome: "refrained" }).urgentReasonsLapsed).toBeNull();
    expect(toDecisionInput({ ...lapsed, urgentReasonsStand: "yes" }).urgentReasonsLapsed).toBeNull();
  });
});
