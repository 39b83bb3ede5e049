import { roleCreateInput } from "@shared/schemas/roles.js";
import { describe, expect, it } from "vitest";
import { emptyRoleValues, ROLE_FIELDS, toRoleInput } from "./roleFormModel.js";

const no = {
  paidInLastThreeYears: "no",
  doneByPaidStaffElsewhere: "no",
  wouldOtherwiseBePaid: "no",
  partOfPaidService: "no",
  recentStaffCuts: "no",
};
const filled = {
  ...emptyRoleValues("0b7c2f4e-9d7a-4a53-8f1e-2a1b3c4d5e6f"),
  title: "Gezelschap in het verpleeghuis",
  description: "Koffie rondbrengen en een praatje maken.",
  hoursPerWeek: "4",
  guidanceLevel: "regular",
  answers: no,
};

describe("the role form's body", () => {
  it("says the kind of work and whether it is at night, as the API accepts them", () => {
    const input = toRoleInput({ ...filled, sector: "care", atNight: "yes" });
    expect(input).toMatchObject({ sector: "care", atNight: true });
    expect(roleCreateInput.safeParse(input).success).toBe(true);
  });

  it("starts as daytime work of another kind, which the reviewer is not asked about", () => {
    expect(toRoleInput(filled)).toMatchObject({ sector: "other", atNight: false });
  });

  it("lets the server's errors about both fields point at their controls", () => {
    expect(ROLE_FIELDS).toEqual(expect.arrayContaining(["sector", "atNight"]));
  });
});
