import { placementAttributionInput, placementEndInput } from "@shared/schemas/placements.js";
import { describe, expect, it } from "vitest";
import {
  attributionValuesFor,
  emptyAttributionValues,
  emptyEndValues,
  isAttributionPending,
  isDecisionOnClient,
  toAttributionInput,
  toEndInput,
} from "./placementEndingModel.js";

describe("the ending as typed", () => {
  it("gives the reason and what happened, without deciding to whom it is attributable", () => {
    const input = toEndInput({ ...emptyEndValues(), reason: "clientStopped", note: "  Kwam drie weken niet.  " });
    expect(input).toEqual({ reason: "clientStopped", note: "Kwam drie weken niet.", attributableTo: undefined });
    expect(placementEndInput.safeParse(input).success).toBe(true);
  });

  it("sends the optional view when one was chosen", () => {
    const input = toEndInput({ reason: "poorFit", note: "", attributableTo: "organisation" });
    expect(input).toMatchObject({ attributableTo: "organisation", note: undefined });
    expect(placementEndInput.safeParse(input).success).toBe(true);
  });

  it("leaves an unchosen reason out, so the server names the field", () => {
    const parsed = placementEndInput.safeParse(toEndInput(emptyEndValues()));
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["reason"]);
  });
});

describe("the determination as typed", () => {
  const heard = {
    ...emptyAttributionValues("2026-12-02"),
    clientAccount: "De sfeer was niet goed; ik werd weggestuurd.",
    attributableTo: "organisation",
    reasons: "Beide verhalen zeggen dat de organisatie de plaatsing stopte.",
  };

  it("starts with the client heard today in a conversation", () => {
    expect(emptyAttributionValues("2026-12-02")).toMatchObject({ heardOn: "2026-12-02", channel: "inPerson", attributableTo: "" });
  });

  it("carries the client's side, how and when it was heard, and the reasons", () => {
    const input = toAttributionInput({ ...heard, channel: "phone", heardOn: "2026-11-30" });
    expect(input).toEqual({
      attributableTo: "organisation",
      reasons: heard.reasons,
      clientAccount: heard.clientAccount,
      heardOn: "2026-11-30",
      channel: "phone",
    });
    expect(placementAttributionInput.safeParse(input).success).toBe(true);
  });

  it("leaves an empty date to the server, which takes today", () => {
    expect(toAttributionInput({ ...heard, heardOn: "" }).heardOn).toBeUndefined();
  });

  it("sends the unchosen attribution and empty sides as they are, so the server names each field", () => {
    const parsed = placementAttributionInput.safeParse(toAttributionInput(emptyAttributionValues("2026-12-02")));
    expect(parsed.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["attributableTo", "clientAccount", "reasons"]);
  });

  it("knows that only an attribution to the client is a decision with a letter", () => {
    expect(isDecisionOnClient("client")).toBe(true);
    for (const other of ["organisation", "health", "caregiving", "none", ""]) expect(isDecisionOnClient(other)).toBe(false);
  });

  it("knows an ending that still waits for the consultant", () => {
    expect(isAttributionPending({ attributableTo: "undetermined" })).toBe(true);
    expect(isAttributionPending({ attributableTo: "organisation" })).toBe(false);
    expect(isAttributionPending({ attributableTo: null })).toBe(false);
  });
});

describe("the attribution form's start", () => {
  it("starts from the client's own side given in the portal, or blank without one", () => {
    const side = { account: "De reis was te duur.", reason: "travel" as const, givenOn: "2026-11-20" };
    expect(attributionValuesFor("2026-12-02", side)).toMatchObject({
      clientAccount: "De reis was te duur.",
      channel: "portal",
      heardOn: "2026-11-20",
      attributableTo: "",
    });
    expect(attributionValuesFor("2026-12-02", null)).toEqual(emptyAttributionValues("2026-12-02"));
  });
});
