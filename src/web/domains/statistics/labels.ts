import type { EffectEstimate, StatisticsTableId } from "@shared/schemas/statistics.js";
import {
  STATISTICS_WORDS,
  type StatisticsLanguage,
  dimensionLabel as sharedDimensionLabel,
  keyLabel as sharedKeyLabel,
  measureLabel as sharedMeasureLabel,
} from "@shared/statistics-labels.js";

/**
 * The words of the figures on the web, in the language shown: all from `@shared/statistics-labels`, the one source the
 * annual report uses too, so a figure has one name on the dashboard, the effects page and in the report.
 */
const languageOf = (language: string): StatisticsLanguage => (language === "en" ? "en" : "nl");

/** A table's title and its plain explanation. */
export function tableWords(language: string, id: StatisticsTableId): { title: string; intro: string } {
  return STATISTICS_WORDS[languageOf(language)].tables[id];
}

/** The label of one key of a row, by its dimension: a period, a rung, a code, or a district's name. */
export const keyLabel = (language: string, dimension: string, value: string): string =>
  sharedKeyLabel(languageOf(language), dimension, value);

/** The label of a dimension (a column of keys). */
export const dimensionLabel = (language: string, key: string): string => sharedDimensionLabel(languageOf(language), key);

/** The label of a measure (a sanction refused by a rule, `refusedBy.<rule>`, is named by the rule). */
export const measureLabel = (language: string, key: string): string => sharedMeasureLabel(languageOf(language), key);

/** An activity of the effect estimates. */
export const treatmentLabel = (language: string, treatment: EffectEstimate["treatment"]): string =>
  STATISTICS_WORDS[languageOf(language)].treatments[treatment];
