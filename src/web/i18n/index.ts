import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import nl from "./nl.json";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "nv.language";

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "en" ? "en" : "nl";
  } catch {
    // Storage can be blocked (private mode, policies); Dutch is the default then.
    return "nl";
  }
}

/** Switches the UI language, remembers it and keeps `<html lang>` in step. */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; the switch still works for this visit.
  }
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "nl",
  interpolation: { escapeValue: false },
  // Keys such as `auditCategories.read:sensitive` contain a colon; there is only one namespace anyway.
  nsSeparator: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
