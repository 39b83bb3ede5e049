import { generateOrganisation, SeededRandom } from "@server/demo/population.js";
import { DISTRICTS } from "@shared/districts.js";
import { describe, expect, it } from "vitest";

/** The organisations of a full-size demo (600), district by district as the seed makes them. */
function organisationNames(seed: number): string[] {
  const random = new SeededRandom(seed);
  const taken = new Set(["Buurthuis De Wielewaal"]);
  const names: string[] = [];
  for (let round = 0; round < Math.ceil(600 / DISTRICTS.length); round++) {
    for (const district of DISTRICTS) names.push(generateOrganisation(random, district, names.length + 1, taken).name);
  }
  return names;
}

describe("the demo's host organisations", () => {
  const names = organisationNames(20261202);

  it("each have a name of their own, and never the demo host's", () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain("Buurthuis De Wielewaal");
  });

  it("are named as organisations are, not as a generator numbers them", () => {
    for (const name of names) {
      expect(name, name).not.toMatch(/\d|\(|\)|Organisatie/);
      expect(name, name).toMatch(/^[A-Z]/);
    }
  });

  it("are the same for the same seed", () => {
    expect(organisationNames(20261202)).toEqual(names);
  });
});
