import { type RefusalCase, refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertBenefitEndUndoable, BENEFIT_END_REFUSALS, type StoppedNow } from "./benefit-end.rules.js";

const at = "2026-06-15T09:00:00.000Z";
const stopped = (now: StoppedNow["now"]): StoppedNow => ({ stoppedAs: "ended", stoppedAt: at, now });
const asLeft = stopped({ status: "ended", updated_at: at });

const cases: RefusalCase[] = [
  {
    rule: "the end of a benefit is undone only while what it stopped is unchanged",
    code: "benefitEndMovedOn",
    refused: () =>
      assertBenefitEndUndoable({ benefitEndDate: "2026-06-15", stops: [asLeft, stopped({ status: "ended", updated_at: "later" })] }),
    allowed: () => assertBenefitEndUndoable({ benefitEndDate: "2026-06-15", stops: [asLeft] }),
  },
];

describe("the rules of a benefit's end", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give, and lists each", () => {
    expect(cases.map((c) => c.code).sort()).toEqual([...BENEFIT_END_REFUSALS].sort());
    expect(refusalCodesIn(new URL("./benefit-end.rules.ts", import.meta.url))).toEqual([...BENEFIT_END_REFUSALS].sort());
  });

  it("refuses when a stopped item changed status or is gone, or the benefit runs again", () => {
    const refusal = (stops: StoppedNow[], benefitEndDate: string | null = "2026-06-15") =>
      refusalOf(() => assertBenefitEndUndoable({ benefitEndDate, stops }));
    expect(refusal([stopped({ status: "active", updated_at: at })])).toBe("benefitEndMovedOn");
    expect(refusal([stopped(undefined)])).toBe("benefitEndMovedOn");
    expect(refusal([asLeft], null)).toBe("benefitEndMovedOn");
    expect(refusal([])).toBeNull();
  });
});
