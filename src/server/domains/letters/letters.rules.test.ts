import { AppError } from "@server/http/errors.js";
import { describe, expect, it } from "vitest";
import {
  assertDeliveryDatePlausible,
  assertLetterMayBeWithdrawn,
  assertLetterNotWithdrawn,
  canWithdrawLetter,
  hasLeftTheBuilding,
  isVisibleToClient,
  noticeHeldUntil,
} from "./letters.rules.js";

function refusal(occurredOn: string) {
  try {
    assertDeliveryDatePlausible(occurredOn, "2026-11-20", "2026-12-03");
  } catch (error) {
    return error instanceof AppError ? { status: error.status, invalidParams: error.invalidParams } : error;
  }
  return null;
}

describe("assertDeliveryDatePlausible", () => {
  it("takes a day from the letter's date up to today", () => {
    for (const day of ["2026-11-20", "2026-11-24", "2026-12-03"]) expect(refusal(day), day).toBeNull();
  });

  it("refuses a day after today and a day before the letter's date, naming occurredOn", () => {
    expect(refusal("2026-12-04")).toMatchObject({ status: 400, invalidParams: [{ name: "occurredOn", code: "dateInFuture" }] });
    expect(refusal("2026-11-19")).toMatchObject({ status: 400, invalidParams: [{ name: "occurredOn", code: "beforeLetterDate" }] });
  });
});

const inside = { printedAt: null, openedAt: null, deliveryRecordedAt: null, noticeTaken: false, withdrawnAt: null, createdBy: "maker" };
const maker = { id: "maker", role: "consultant" };
const codeOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : String(error);
  }
  return null;
};

describe("hasLeftTheBuilding", () => {
  it("is false for a letter nobody printed, delivered, announced or opened, and true after any one of those", () => {
    expect(hasLeftTheBuilding(inside)).toBe(false);
    for (const change of [
      { printedAt: "2026-12-03T09:00:00.000Z" },
      { openedAt: "2026-12-03T09:00:00.000Z" },
      { deliveryRecordedAt: "2026-12-03T09:00:00.000Z" },
      { noticeTaken: true },
    ]) {
      expect(hasLeftTheBuilding({ ...inside, ...change }), JSON.stringify(change)).toBe(true);
    }
  });
});

describe("assertLetterMayBeWithdrawn and canWithdrawLetter", () => {
  it("let the maker and a team lead undo while the letter is inside", () => {
    expect(codeOf(() => assertLetterMayBeWithdrawn(inside, maker))).toBeNull();
    expect(codeOf(() => assertLetterMayBeWithdrawn(inside, { id: "lead", role: "teamLead" }))).toBeNull();
    expect(canWithdrawLetter(inside, maker)).toBe(true);
  });

  it("refuse another consultant, a letter that left, and one withdrawn already, each with its code", () => {
    const other = { id: "other", role: "consultant" };
    expect(codeOf(() => assertLetterMayBeWithdrawn(inside, other))).toBe("403 notLetterAuthor");
    expect(codeOf(() => assertLetterMayBeWithdrawn({ ...inside, printedAt: "x" }, maker))).toBe("409 letterLeftBuilding");
    expect(codeOf(() => assertLetterMayBeWithdrawn({ ...inside, withdrawnAt: "x" }, maker))).toBe("409 letterWithdrawn");
    expect(codeOf(() => assertLetterMayBeWithdrawn({ ...inside, createdBy: null }, maker))).toBe("403 notLetterAuthor");
    for (const [facts, actor] of [
      [inside, other],
      [{ ...inside, noticeTaken: true }, maker],
      [{ ...inside, withdrawnAt: "x" }, maker],
    ] as const) {
      expect(canWithdrawLetter(facts, actor)).toBe(false);
    }
  });
});

describe("assertLetterNotWithdrawn", () => {
  it("refuses a withdrawn letter with 409 letterWithdrawn", () => {
    expect(codeOf(() => assertLetterNotWithdrawn({ withdrawnAt: null }))).toBeNull();
    expect(codeOf(() => assertLetterNotWithdrawn({ withdrawnAt: "2026-12-03T09:00:00.000Z" }))).toBe("409 letterWithdrawn");
  });
});

describe("noticeHeldUntil and isVisibleToClient", () => {
  it("holds a notice for the configured minutes, five by default", () => {
    const made = new Date("2026-12-03T09:00:00.000Z");
    expect(noticeHeldUntil(made, undefined)).toBe("2026-12-03T09:05:00.000Z");
    expect(noticeHeldUntil(made, 12)).toBe("2026-12-03T09:12:00.000Z");
    expect(noticeHeldUntil(made, 0)).toBe("2026-12-03T09:00:00.000Z");
  });

  it("shows the client a letter from the end of its hold, never a withdrawn one", () => {
    const letter = { withdrawnAt: null, visibleFrom: "2026-12-03T09:05:00.000Z" };
    expect(isVisibleToClient(letter, "2026-12-03T09:04:59.999Z")).toBe(false);
    expect(isVisibleToClient(letter, "2026-12-03T09:05:00.000Z")).toBe(true);
    expect(isVisibleToClient({ ...letter, withdrawnAt: "2026-12-03T09:01:00.000Z" }, "2026-12-04T00:00:00.000Z")).toBe(false);
  });
});
