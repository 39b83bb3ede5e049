import { languageName } from "@web/components/format.js";

/**
 * The languages most spoken in Rotterdam after Dutch, offered first as checkboxes: the city's large migrant
 * communities (Moroccan Arabic and Riffian, Turkish, Cape Verdean, Surinamese, Antillean) and the newer ones
 * (Polish, Bulgarian, Romanian, Ukrainian, Somali, Tigrinya, Persian and Dari).
 */
export const COMMON_LANGUAGES = [
  "nl",
  "en",
  "ar",
  "tr",
  "rif",
  "pap",
  "kea",
  "srn",
  "pl",
  "bg",
  "ro",
  "uk",
  "so",
  "ti",
  "fa",
  "prs",
  "es",
  "pt",
  "fr",
  "de",
] as const;

/** ISO 639-1 codes, and a few ISO 639-3 codes for languages without one, for the list of other languages. */
const OTHER_LANGUAGES = (
  "aa ab af ak am an as av ay az ba be bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da dv dz ee el eo et eu ff fi " +
  "fj fo fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn " +
  "ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nn no nr nv ny oc oj " +
  "om or os pa pi ps qu rm rn ru rw sa sc sd se sg si sk sl sm sn sq sr ss st su sv sw ta te tg th tk tl tn to ts tt " +
  "tw ty ug ur uz ve vi vo wa wo xh yi yo za zh zu yue zgh tzm"
).split(" ");

/** Every language the form can offer, beyond the common ones, each with its name in the UI language, by name. */
export function otherLanguages(language: string): { value: string; label: string }[] {
  const common: readonly string[] = COMMON_LANGUAGES;
  return OTHER_LANGUAGES.filter((code) => !common.includes(code))
    .map((code) => ({ value: code, label: languageName(code, language) }))
    .filter((option) => option.label !== option.value)
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** The codes in a form's text (`nl, ar`), as a list without repeats. */
export function languageCodesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => code.toLowerCase()),
    ),
  ];
}
