import { describe, expect, it } from "vitest";
import { SANCTION_BLOCKS } from "./schemas/sanctions.js";
import { STATISTICS_TABLES } from "./schemas/statistics.js";
import { dimensionLabel, hasLabel, keyLabel, measureLabel, STATISTICS_WORDS, tableTitle } from "./statistics-labels.js";

describe("statistics labels", () => {
  it("names every table, dimension and measure in both languages", () => {
    for (const id of STATISTICS_TABLES) {
      expect(tableTitle("nl", id)).not.toBe("");
      expect(tableTitle("en", id)).not.toBe("");
    }
    expect(Object.keys(STATISTICS_WORDS.en.dimensions).sort()).toEqual(Object.keys(STATISTICS_WORDS.nl.dimensions).sort());
    expect(Object.keys(STATISTICS_WORDS.en.measures).sort()).toEqual(Object.keys(STATISTICS_WORDS.nl.measures).sort());
    expect(Object.keys(STATISTICS_WORDS.en.values).sort()).toEqual(Object.keys(STATISTICS_WORDS.nl.values).sort());
  });

  it("names the refusal of a sanction proposal by each rule", () => {
    for (const code of SANCTION_BLOCKS) expect(hasLabel("nl", "measures", `refusedBy.${code}`)).toBe(true);
    expect(measureLabel("nl", "refusedBy.letterNotDelivered")).toBe("Tegengehouden: brief niet afgeleverd");
  });

  it("reads a row's keys through their dimension: periods, rungs, codes, and names as they are", () => {
    expect(keyLabel("nl", "period", "2026-Q3")).toBe("3e kwartaal 2026");
    expect(keyLabel("en", "period", "2026-Q3")).toBe("Q3 2026");
    expect(keyLabel("nl", "period", "2026-03")).toBe("maart 2026");
    expect(keyLabel("nl", "period", "2026")).toBe("2026");
    expect(keyLabel("nl", "fromRung", "4")).toBe("Trede 4");
    expect(keyLabel("nl", "attribution", "organisation")).toBe("De organisatie");
    expect(keyLabel("nl", "district", "Hoek van Holland")).toBe("Hoek van Holland");
    expect(keyLabel("nl", "district", "")).toBe("Geen wijk");
    expect(keyLabel("en", "stepType", "languageCourse")).toBe("Language course");
  });

  it("spells out a code that has no label yet rather than failing", () => {
    expect(measureLabel("nl", "newMeasure")).toBe("New measure");
    expect(dimensionLabel("en", "someDimension")).toBe("Some dimension");
    expect(hasLabel("nl", "measures", "newMeasure")).toBe(false);
  });
});
