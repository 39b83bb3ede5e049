import type { StatePensionAge } from "@server/domains/clients/clients.rules.js";
import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertIntakesUntouched, assertInvitable, assertWholeBatchVisible } from "./invitations.rules.js";

const PENSION_AGES: StatePensionAge[] = [{ bornFrom: null, bornUntil: null, years: 67, months: 0 }];
const today = "2026-12-03";

describe("invitations refusals", () => {
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    benefitEnded: {
      refused: () => assertInvitable({ birth_date: "1980-01-01", benefit_end_date: today }, today, PENSION_AGES, "clientIds[0]"),
      allowed: () => assertInvitable({ birth_date: "1980-01-01", benefit_end_date: "2026-12-04" }, today, PENSION_AGES, "clientIds[0]"),
    },
    statePensionAge: {
      refused: () => assertInvitable({ birth_date: "1959-12-03", benefit_end_date: null }, today, PENSION_AGES, "clientIds[0]"),
      allowed: () => assertInvitable({ birth_date: "1959-12-04", benefit_end_date: null }, today, PENSION_AGES, "clientIds[0]"),
    },
    letterLeftBuilding: {
      refused: () => assertIntakesUntouched(1),
      allowed: () => assertIntakesUntouched(0),
    },
  };

  it("has a case for every refusal code in invitations.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./invitations.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });
});

describe("assertWholeBatchVisible", () => {
  it("lets a batch be printed only when the actor sees every one of its letters", () => {
    expect(refusalOf(() => assertWholeBatchVisible(3, 3))).toBeNull();
    expect(refusalOf(() => assertWholeBatchVisible(2, 3))).toBe("notFound");
    expect(refusalOf(() => assertWholeBatchVisible(0, 0))).toBe("notFound");
  });
});
