import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertComplaintOpen,
  assertMayDescribeRoleFor,
  assertRejectionUndoable,
  assertRoleReviewable,
  assertUpheldComplaintUndoable,
  type RejectionUndoFacts,
  type UpheldComplaintUndoFacts,
} from "./roles.rules.js";

/** A rejection on a review that ended one placement, which is still ended as it left it. */
const rejection: RejectionUndoFacts = {
  role: { status: "rejected" },
  check: { kind: "review", outcome: "rejected", role_status_before: "approved" },
  endedCount: 1,
  placements: [{ status: "ended", end_reason: "roleRejected", attributable_to: "organisation", client_side_account: null }],
};

/** A complaint upheld by a reviewer at a moment, whose rejection ended one placement still ended as it left it. */
const upheldCheck = {
  kind: "complaint",
  outcome: "rejected",
  role_status_before: "approved",
  decided_by: "u1",
  created_at: "2026-03-02T10:00:00.000Z",
};
const endedPlacement = { status: "ended", end_reason: "roleRejected", attributable_to: "organisation", client_side_account: null };
const upheld: UpheldComplaintUndoFacts = {
  ...rejection,
  complaint: { status: "upheld", decided_by: "u1", decided_at: "2026-03-02T10:00:00.000Z" },
  check: upheldCheck,
};

describe("role refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    otherOrganisation: {
      refused: () => assertMayDescribeRoleFor({ role: "host", organisationId: "o1" }, "o2"),
      allowed: () => assertMayDescribeRoleFor({ role: "host", organisationId: "o1" }, "o1"),
    },
    roleNotUnderReview: {
      refused: () => assertRoleReviewable({ status: "approved" }, "approved"),
      allowed: () => assertRoleReviewable({ status: "needsReview" }, "approved"),
    },
    complaintDecided: {
      refused: () => assertComplaintOpen({ status: "dismissed" }),
      allowed: () => assertComplaintOpen({ status: "open" }),
    },
    nothingToUndo: {
      refused: () => assertRejectionUndoable({ ...rejection, check: undefined }),
      allowed: () => assertRejectionUndoable(rejection),
    },
    roleMovedOn: {
      refused: () => assertRejectionUndoable({ ...rejection, role: { status: "approved" } }),
      allowed: () => assertRejectionUndoable(rejection),
    },
  };

  it("has a case for every refusal code in roles.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./roles.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("lets staff describe roles of any organisation and refuses a decided review again", () => {
    expect(refusalOf(() => assertMayDescribeRoleFor({ role: "consultant", organisationId: null }, "o2"))).toBeNull();
    expect(refusalOf(() => assertRoleReviewable({ status: "rejected" }, "rejected"))).toBe("roleNotUnderReview");
    expect(refusalOf(() => assertRoleReviewable({ status: "rejected" }, "approved"))).toBe("roleNotUnderReview");
    expect(refusalOf(() => assertComplaintOpen({ status: "upheld" }))).toBe("complaintDecided");
  });

  it("lets a later review reject an approved role, and nothing else", () => {
    expect(refusalOf(() => assertRoleReviewable({ status: "approved" }, "rejected"))).toBeNull();
    expect(refusalOf(() => assertRoleReviewable({ status: "needsReview" }, "rejected"))).toBeNull();
  });

  it("undoes a rejection only as the role's latest decision, with every placement it ended as it left it", () => {
    const undo = (facts: Partial<RejectionUndoFacts>) => refusalOf(() => assertRejectionUndoable({ ...rejection, ...facts }));
    const ended = { status: "ended", end_reason: "roleRejected", attributable_to: "organisation", client_side_account: null };
    expect(undo({ check: { kind: "complaint", outcome: "rejected", role_status_before: "approved" } })).toBe("nothingToUndo");
    expect(undo({ check: { kind: "review", outcome: "approved", role_status_before: "needsReview" } })).toBe("nothingToUndo");
    // Rejected before undo existed, or without placements (no letters): nothing kept to put back.
    expect(undo({ check: { kind: "review", outcome: "rejected", role_status_before: null } })).toBe("nothingToUndo");
    expect(undo({ endedCount: 0, placements: [] })).toBe("nothingToUndo");
    expect(undo({ placements: [{ ...ended, client_side_account: "Ik vond het jammer." }] })).toBe("roleMovedOn");
    expect(undo({ placements: [{ ...ended, attributable_to: "client" }] })).toBe("roleMovedOn");
    expect(undo({ endedCount: 2 })).toBe("roleMovedOn");
  });

  it("undoes an upheld complaint only as the role's latest decision, made by it, with every placement as it left it", () => {
    const undo = (facts: Partial<UpheldComplaintUndoFacts>) => refusalOf(() => assertUpheldComplaintUndoable({ ...upheld, ...facts }));
    expect(undo({})).toBeNull();
    expect(undo({ complaint: { ...upheld.complaint, status: "open" } })).toBe("nothingToUndo");
    // A later complaint or review decided the role since: this complaint's check is not the latest.
    expect(
      undo({
        check: { ...rejection.check, kind: "review", outcome: "rejected", decided_by: "u1", created_at: "2026-03-02T10:00:00.000Z" },
      }),
    ).toBe("nothingToUndo");
    expect(undo({ check: { ...upheldCheck, created_at: "2026-03-02T11:00:00.000Z" } })).toBe("nothingToUndo");
    // Upheld before undo existed, or without placements (no letters): nothing kept to put back.
    expect(undo({ check: { ...upheldCheck, role_status_before: null } })).toBe("nothingToUndo");
    expect(undo({ endedCount: 0, placements: [] })).toBe("nothingToUndo");
    expect(undo({ role: { status: "approved" } })).toBe("roleMovedOn");
    expect(undo({ placements: [{ ...endedPlacement, attributable_to: "client" }] })).toBe("roleMovedOn");
  });
});
