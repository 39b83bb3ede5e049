import { contributionInput } from "@shared/schemas/contributions.js";
import { planConfirmationInput } from "@shared/schemas/plans.js";
import { ApiError } from "@web/api/client.js";
import nl from "@web/i18n/nl.json" with { type: "json" };
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { formCheckFailure } from "./formCheck.js";
import { formErrorsOf } from "./problems.js";

const t = i18next.createInstance();
await t.init({ lng: "nl", resources: { nl: { translation: nl } } });

const validForm = { reportValidity: () => true };
const contribution = { kind: "existingVolunteerWork", description: "Voorlezen in de bibliotheek", hoursPerWeek: 4, since: "2026-11-02" };

describe("the check before a form asks for confirmation", () => {
  it("stops at the browser's own check of the form, which shows its message, before the schema is read", () => {
    let asked = 0;
    const form = {
      reportValidity: () => {
        asked += 1;
        return false;
      },
    };
    expect(formCheckFailure({ form, schema: planConfirmationInput, body: { reportingFrequencyWeeks: 4 } })).toBe("reported");
    expect(asked).toBe(1);
  });

  it("refuses a body the shared schema refuses, as the server's 400 names the field", () => {
    const failure = formCheckFailure({ form: validForm, schema: planConfirmationInput, body: { reportingFrequencyWeeks: "" } });
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).problem).toMatchObject({
      status: 400,
      code: "invalidInput",
      invalidParams: [{ name: "reportingFrequencyWeeks", code: "invalid_type" }],
    });
  });

  it("gives a missing field `required` and a refinement its own code, so the form shows the server's words", () => {
    const fields = ["organisationName", "description", "hoursPerWeek", "since"];
    const missing = formCheckFailure({ schema: contributionInput, body: { ...contribution, since: undefined } });
    expect((missing as ApiError).problem.invalidParams).toEqual([{ name: "since", code: "required", reason: "Required" }]);
    expect(formErrorsOf(missing, t.t, fields).byField).toEqual({ since: "Dit veld is verplicht." });
    const unnamed = formCheckFailure({ schema: contributionInput, body: contribution });
    expect((unnamed as ApiError).problem.invalidParams).toEqual([
      { name: "organisationName", code: "required", reason: "Name the organisation of the volunteer work" },
    ]);
    const errors = formErrorsOf(unnamed, t.t, fields);
    expect(errors.byField).toEqual({ organisationName: "Vul de naam van de organisatie in." });
    expect(errors.other).toBeNull();
  });

  it("lets a valid form ask, and a form without a schema on the browser's word alone", () => {
    expect(
      formCheckFailure({ form: validForm, schema: contributionInput, body: { ...contribution, organisationName: "Bibliotheek" } }),
    ).toBeNull();
    expect(formCheckFailure({ form: validForm })).toBeNull();
    expect(formCheckFailure({})).toBeNull();
  });
});
