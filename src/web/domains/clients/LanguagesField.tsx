import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SelectField } from "@web/components/fields.js";
import { languageName } from "@web/components/format.js";
import { SecondaryActionButton } from "@web/components/nlds.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { COMMON_LANGUAGES, languageCodesOf, otherLanguages } from "./languages.js";

interface LanguagesFieldProps {
  /** The form's text: codes separated by commas (`nl, ar`). The API keeps the codes. */
  value: string;
  onChange: (value: string) => void;
  label: string;
  description?: string;
  error?: string;
}

/**
 * The languages a client speaks, by name in the UI language: checkboxes for the languages most spoken in
 * Rotterdam, and a list of every other language to add one more.
 */
export function LanguagesField({ value, onChange, label, description, error }: LanguagesFieldProps) {
  const { t, i18n } = useTranslation();
  const selected = languageCodesOf(value);
  const common: readonly string[] = COMMON_LANGUAGES;
  // An added language keeps its checkbox when unticked, so the box does not vanish from under the pointer.
  const [added, setAdded] = useState(() => selected.filter((code) => !common.includes(code)));
  const [other, setOther] = useState("");
  const shown = [...common, ...added];
  const choices = shown.map((code) => ({ value: code, label: languageName(code, i18n.language) }));
  const options = otherLanguages(i18n.language).filter((option) => !shown.includes(option.value));

  function select(next: string[]) {
    onChange(shown.filter((code) => next.includes(code)).join(", "));
  }

  function add() {
    if (!other) return;
    setAdded((current) => [...current, other]);
    onChange([...selected, other].join(", "));
    setOther("");
  }

  return (
    <div className="nv-languages">
      <ChoiceFieldset
        name="languages"
        legend={label}
        type="checkbox"
        choices={choices}
        selected={selected}
        onChange={select}
        description={description}
        error={error}
      />
      <div className="nv-languages__add">
        <SelectField
          name="otherLanguage"
          label={t("clientForm.otherLanguage")}
          value={other}
          onChange={setOther}
          options={[{ value: "", label: t("clientForm.otherLanguageNone") }, ...options]}
        />
        <SecondaryActionButton type="button" onClick={add} disabled={!other}>
          {t("clientForm.addLanguage")}
        </SecondaryActionButton>
      </div>
    </div>
  );
}
