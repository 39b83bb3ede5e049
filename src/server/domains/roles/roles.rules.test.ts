import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertComplaintOpen, assertMayDescribeRoleFor, assertRoleReviewable } from "./roles.rules.js";

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
});
