import { organisationCreateInput } from "@shared/schemas/organisations.js";
import { describe, expect, it } from "vitest";
import { emptyContact, emptyOrganisationValues, organisationFields, toOrganisationInput } from "./organisationFormModel.js";

const filled = {
  ...emptyOrganisationValues(),
  name: "Buurttuin Tarwewijk",
  kvkNumber: "6904 1234",
  postcode: "3084 AB",
  houseNumber: "12",
  sector: "nature",
  guidanceHoursPerWeek: "2,5",
  trainingOffered: "  ",
};

describe("the organisation form's body", () => {
  it("is what the API accepts: spaces out of the KvK number, decimal comma read, empty training as null", () => {
    const input = toOrganisationInput({ ...filled, contacts: [{ name: "Fatima Ouali", email: "", phone: "010 123 4567" }] });
    expect(input).toMatchObject({ kvkNumber: "69041234", houseNumber: 12, guidanceHoursPerWeek: 2.5, trainingOffered: null });
    expect(input.contacts).toEqual([{ name: "Fatima Ouali", email: null, phone: "010 123 4567" }]);
    expect(organisationCreateInput.safeParse(input).success).toBe(true);
  });

  it("drops trailing empty contact rows but keeps an empty row before a filled one, so errors point at the right row", () => {
    const contacts = [emptyContact(), { name: "", email: "jan@tuin.nl", phone: "" }, emptyContact()];
    const input = toOrganisationInput({ ...filled, contacts });
    expect(input.contacts).toHaveLength(2);
    const parsed = organisationCreateInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toEqual(["contacts.0.name", "contacts.1.name"]);
    expect(organisationFields(contacts.length)).toEqual(expect.arrayContaining(paths));
  });

  it("sends an unchosen sector as chosen, so the API names the field instead of filing it under other", () => {
    const parsed = organisationCreateInput.safeParse(toOrganisationInput({ ...filled, sector: "" }));
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([["sector", "invalid_value"]]);
  });
});
