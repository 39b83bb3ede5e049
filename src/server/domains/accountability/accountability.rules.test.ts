import type { Actor } from "@server/auth/actor.js";
import type { AccountabilityRequestRow } from "@server/db/schema.js";
import { type RefusalCase, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  ACCOUNTABILITY_REFUSALS,
  accountabilityAbilities,
  assertOpen,
  isOverdue,
  isReminderDue,
  isRequestDue,
  overdueOn,
} from "./accountability.rules.js";

const request = (overrides: Partial<AccountabilityRequestRow> = {}): AccountabilityRequestRow => ({
  id: "a1",
  client_id: "c1",
  subject_type: "caregiving",
  subject_id: "g1",
  requested_on: "2026-03-01",
  ordinance_version: 2,
  letter_id: "l1",
  reminded_on: null,
  reminder_letter_id: null,
  status: "open",
  responded_on: null,
  response: null,
  responded_by: null,
  created_at: "2026-03-01T06:00:00Z",
  ...overrides,
});
const versions = new Map([
  [1, { accountabilityOverdueDays: 10, accountabilityReminderDays: 5 }],
  [2, { accountabilityOverdueDays: 28, accountabilityReminderDays: 14 }],
]);
const actor = (role: Actor["role"]): Actor => ({
  id: "u1",
  email: "u1@example.test",
  displayName: "u1",
  role,
  districts: [],
  organisationId: null,
  clientId: null,
  scopeDate: "2026-03-10",
});

const cases: RefusalCase[] = [
  {
    rule: "a request is answered once",
    code: "alreadyAnswered",
    refused: () => assertOpen(request({ status: "confirmed" })),
    allowed: () => assertOpen(request()),
  },
];

describe("the accountability rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(ACCOUNTABILITY_REFUSALS));
  });

  it("asks again once the interval has passed since the activity was formalised or last asked about", () => {
    expect(isRequestDue("2026-01-15", 6, "2026-07-14")).toBe(false);
    expect(isRequestDue("2026-01-15", 6, "2026-07-15")).toBe(true);
  });

  it("keeps the terms of the version a request was made under", () => {
    expect(overdueOn(request(), versions)).toBe("2026-03-29");
    expect(overdueOn(request({ ordinance_version: 1 }), versions)).toBe("2026-03-11");
    expect(isOverdue(request(), versions, "2026-03-29")).toBe(false);
    expect(isOverdue(request(), versions, "2026-03-30")).toBe(true);
    expect(isOverdue(request({ status: "stopped" }), versions, "2026-04-30")).toBe(false);
    expect(isReminderDue(request(), versions, "2026-03-14")).toBe(false);
    expect(isReminderDue(request(), versions, "2026-03-15")).toBe(true);
    expect(isReminderDue(request({ reminded_on: "2026-03-15" }), versions, "2026-03-20")).toBe(false);
  });

  it("lets the client and caseworkers answer an open request and add proof; an admin only reads", () => {
    expect(accountabilityAbilities(actor("client"), request())).toEqual({ respond: true, addProof: true });
    expect(accountabilityAbilities(actor("consultant"), request({ status: "confirmed" }))).toEqual({ respond: false, addProof: true });
    expect(accountabilityAbilities(actor("admin"), request())).toEqual({ respond: false, addProof: false });
  });
});
