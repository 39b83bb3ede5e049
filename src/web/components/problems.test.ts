import { ApiError } from "@web/api/client.js";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { formErrorsOf } from "./problems.js";

const t = i18next.createInstance();
await t.init({
  lng: "nl",
  resources: {
    nl: {
      translation: {
        fieldErrors: { reason: { too_small: "Vul een reden in." }, endReason: { too_small: "Schrijf op waarom het eerder stopt." } },
      },
    },
  },
});

const failure = new ApiError({
  status: 400,
  title: "Invalid input",
  detail: "",
  code: "invalidInput",
  invalidParams: [
    { name: "reason", code: "too_small", reason: "Too small" },
    { name: "endedOn", code: "invalid_format", reason: "Invalid date" },
  ],
});

describe("field errors of a form whose controls are named apart from the API's fields", () => {
  it("land on the named control, in its own words where it has them and in the field's words otherwise", () => {
    const errors = formErrorsOf(failure, t.t, ["reason", "endedOn"], { reason: "endReason", endedOn: "exemptionEndedOn" });
    expect(errors.byField).toEqual({ endReason: "Schrijf op waarom het eerder stopt.", exemptionEndedOn: "Invalid date" });
    expect(errors.list.map((error) => error.name)).toEqual(["endReason", "exemptionEndedOn"]);
  });

  it("stay on the API's names without controls", () => {
    expect(formErrorsOf(failure, t.t, ["reason", "endedOn"]).byField.reason).toBe("Vul een reden in.");
  });
});
