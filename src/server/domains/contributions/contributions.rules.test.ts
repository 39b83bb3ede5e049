import { type RefusalCase, refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertContributionUndoable, CONTRIBUTION_AGREEMENT_LETTER, CONTRIBUTION_REFUSALS } from "./contributions.rules.js";

const own = { letterKind: CONTRIBUTION_AGREEMENT_LETTER, askedAbout: false };

const cases: RefusalCase[] = [
  {
    rule: "a contribution that came with a decision is undone with that decision",
    code: "contributionOfDecision",
    refused: () => assertContributionUndoable({ status: "active" }, { ...own, letterKind: "decision" }),
    allowed: () => assertContributionUndoable({ status: "active" }, own),
  },
  {
    rule: "a contribution that ended is not undone",
    code: "activityMovedOn",
    refused: () => assertContributionUndoable({ status: "ended" }, own),
    allowed: () => assertContributionUndoable({ status: "active" }, own),
  },
];

describe("the contributions rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(CONTRIBUTION_REFUSALS));
    expect(refusalCodesIn(new URL("./contributions.rules.ts", import.meta.url))).toEqual([...CONTRIBUTION_REFUSALS].sort());
  });

  it("does not undo a contribution the client was asked to account for", () => {
    expect(refusalOf(() => assertContributionUndoable({ status: "active" }, { ...own, askedAbout: true }))).toBe("activityMovedOn");
  });
});
