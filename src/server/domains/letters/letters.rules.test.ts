import { AppError } from "@server/http/errors.js";
import { describe, expect, it } from "vitest";
import { assertDeliveryDatePlausible } from "./letters.rules.js";

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
