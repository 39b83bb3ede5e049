import { refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertHeldNotInFuture,
  assertHostCheckInNotRecorded,
  assertIntroductionNotRecorded,
  assertPlacementBegun,
  assertPlacementStatusAllows,
  hasPlacementBegun,
  hostCheckInDueOn,
  isHostCheckInDue,
} from "./placements.rules.js";

describe("a placement runs from its start date", () => {
  it("has not begun while its start date lies ahead, even when active", () => {
    expect(hasPlacementBegun({ status: "active", started_on: "2026-07-01" }, "2026-06-15")).toBe(false);
    expect(hasPlacementBegun({ status: "active", started_on: "2026-06-15" }, "2026-06-15")).toBe(true);
    expect(hasPlacementBegun({ status: "accepted", started_on: null }, "2026-06-15")).toBe(false);
    expect(hasPlacementBegun({ status: "ended", started_on: "2026-01-01" }, "2026-06-15")).toBe(true);
  });

  it("refuses what needs a running placement before its start", () => {
    expect(refusalOf(() => assertPlacementBegun({ status: "active", started_on: "2026-07-01" }, "2026-06-15"))).toBe("placementNotBegun");
    expect(() => assertPlacementBegun({ status: "active", started_on: "2026-06-01" }, "2026-06-15")).not.toThrow();
  });
});

describe("the introduction meeting", () => {
  it("is recorded before the start, once, once it was held", () => {
    expect(() => assertPlacementStatusAllows({ status: "accepted" }, "recordIntroduction")).not.toThrow();
    expect(() => assertPlacementStatusAllows({ status: "proposed" }, "recordIntroduction")).not.toThrow();
    expect(refusalOf(() => assertPlacementStatusAllows({ status: "active" }, "recordIntroduction"))).toBe("placementState");
    expect(refusalOf(() => assertIntroductionNotRecorded({ introduction_held_on: "2026-06-01" }))).toBe("introductionRecorded");
    expect(() => assertIntroductionNotRecorded({ introduction_held_on: null })).not.toThrow();
    expect(refusalOf(() => assertHeldNotInFuture("2026-06-16", "2026-06-15"))).toBe("heldOn:dateInFuture");
  });
});

describe("the check-in with the host", () => {
  it("is due four weeks after the start, while the placement runs and until it is held", () => {
    expect(hostCheckInDueOn("2026-06-01")).toBe("2026-06-29");
    const running = { status: "active", started_on: "2026-06-01", host_check_in_held_on: null };
    expect(isHostCheckInDue(running, "2026-06-28")).toBe(false);
    expect(isHostCheckInDue(running, "2026-06-29")).toBe(true);
    expect(isHostCheckInDue({ ...running, host_check_in_held_on: "2026-06-29" }, "2026-07-10")).toBe(false);
    expect(isHostCheckInDue({ ...running, status: "ended" }, "2026-07-10")).toBe(false);
    expect(refusalOf(() => assertHostCheckInNotRecorded({ host_check_in_held_on: "2026-06-29" }))).toBe("hostCheckInRecorded");
  });
});
