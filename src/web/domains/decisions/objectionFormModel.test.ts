import { consentExtensionInput, objectionHearingInput, objectionInput, objectionOutcomeInput } from "@shared/schemas/decisions.js";
import { describe, expect, it } from "vitest";
import {
  emptyObjectionValues,
  emptyOutcomeValues,
  isSanctionDecision,
  toConsentExtensionInput,
  toExcusable,
  toHearingInput,
  toObjectionInput,
  toOutcomeInput,
} from "./objectionFormModel.js";

describe("an objection as typed", () => {
  it("by staff: the dates as typed, an empty postmark and representative as null", () => {
    const values = { ...emptyObjectionValues("2026-03-02"), receivedOn: "2026-02-27", grounds: "Ik was ziek." };
    const input = toObjectionInput(values, false, "2026-03-02");
    expect(input).toEqual({
      receivedOn: "2026-02-27",
      postedOn: null,
      grounds: "Ik was ziek.",
      representative: null,
      advisoryCommittee: false,
    });
    expect(objectionInput.safeParse(input).success).toBe(true);
  });

  it("by post: the postmark date and the representative go along", () => {
    const values = {
      receivedOn: "2026-02-27",
      postedOn: "2026-02-25",
      grounds: "Niet eens.",
      representative: "  J. de Vries ",
      advisoryCommittee: true,
    };
    expect(toObjectionInput(values, false, "2026-03-02")).toMatchObject({
      postedOn: "2026-02-25",
      representative: "J. de Vries",
      advisoryCommittee: true,
    });
  });

  it("by the client: received today whatever the form held, never with a postmark or a committee", () => {
    const values = {
      receivedOn: "2020-01-01",
      postedOn: "2019-12-30",
      grounds: "Ik was ziek.",
      representative: "",
      advisoryCommittee: true,
    };
    expect(toObjectionInput(values, true, "2026-03-02")).toMatchObject({
      receivedOn: "2026-03-02",
      postedOn: null,
      advisoryCommittee: null,
    });
  });
});

describe("the decision on objection as typed", () => {
  it("keeps percentage and months only for a sanction partly well-founded", () => {
    const values = { outcome: "partlyWellFounded", reasons: "Deels terecht.", percentage: "10", months: "1" };
    const input = toOutcomeInput(values, true);
    expect(input).toMatchObject({ percentage: 10, months: 1 });
    expect(objectionOutcomeInput.safeParse(input).success).toBe(true);
    expect(toOutcomeInput(values, false)).toMatchObject({ percentage: null, months: null });
    expect(toOutcomeInput({ ...values, outcome: "unfounded" }, true)).toMatchObject({ percentage: null, months: null });
  });

  it("sends an unchosen outcome as it is, so the server names the field", () => {
    const input = toOutcomeInput({ ...emptyOutcomeValues(), reasons: "x" }, true);
    const parsed = objectionOutcomeInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["outcome"]);
  });

  it("knows which decisions are sanctions", () => {
    expect(isSanctionDecision({ type: "sanctionImposed" })).toBe(true);
    expect(isSanctionDecision({ type: "sanctionImposedLower" })).toBe(true);
    expect(isSanctionDecision({ type: "exemptionRefused" })).toBe(false);
  });
});

describe("the other steps as typed", () => {
  it("a hearing record is a first version or corrects a chosen one", () => {
    const first = toHearingInput({ heldOn: "2026-03-10", record: "De cliënt lichtte toe.", correctionOf: "" });
    expect(first.correctionOf).toBeNull();
    expect(objectionHearingInput.safeParse(first).success).toBe(true);
    expect(toHearingInput({ heldOn: "2026-03-10", record: "Verbeterd.", correctionOf: "1" }).correctionOf).toBe(1);
  });

  it("a consent extension carries the agreed date", () => {
    const input = toConsentExtensionInput({ consentGivenOn: "2026-04-01", decideBy: "2026-05-01", note: "Telefonisch afgesproken." });
    expect(consentExtensionInput.safeParse(input).success).toBe(true);
  });

  it("an excuse is yes, no, or sent unchosen", () => {
    expect([toExcusable("yes"), toExcusable("no"), toExcusable("")]).toEqual([true, false, ""]);
  });
});
