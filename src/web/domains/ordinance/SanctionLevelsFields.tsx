import { fieldId, TextField } from "@web/components/fields.js";
import { Button, FormFieldErrorMessage, SecondaryActionButton } from "@web/components/nlds.js";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SanctionLevelValues } from "./ordinanceFormModel.js";

const MAX_LEVELS = 10;

interface SanctionLevelsFieldsProps {
  levels: SanctionLevelValues[];
  onChange: (levels: SanctionLevelValues[]) => void;
  errors: Record<string, string>;
}

/** The sanction levels in order: a share of the benefit withheld, for a number of months; add and remove levels. */
export function SanctionLevelsFields({ levels, onChange, errors }: SanctionLevelsFieldsProps) {
  const { t } = useTranslation();
  // Where focus goes after adding or removing a level, so keyboard users keep their place.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget === "add") addButton.current?.focus();
    else document.getElementById(fieldId(focusTarget))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function set(index: number, changes: Partial<SanctionLevelValues>) {
    onChange(levels.map((level, i) => (i === index ? { ...level, ...changes } : level)));
  }

  return (
    <fieldset
      id={fieldId("sanctionLevels")}
      tabIndex={-1}
      className="nv-fieldset"
      aria-describedby={errors.sanctionLevels ? `${fieldId("sanctionLevels")}-error` : undefined}
    >
      <legend className="nv-fieldset__legend">{t("ordinanceForm.sanctionLevels")}</legend>
      <div className="nv-field-description">{t("ordinanceForm.sanctionLevelsHint")}</div>
      {errors.sanctionLevels ? (
        <FormFieldErrorMessage id={`${fieldId("sanctionLevels")}-error`}>{errors.sanctionLevels}</FormFieldErrorMessage>
      ) : null}
      {levels.map((level, index) => {
        const name = (field: keyof SanctionLevelValues) => `sanctionLevels.${index}.${field}`;
        const number = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a level is its position: legend, field names and error paths count by index
          <fieldset key={index} className="nv-fieldset nv-fieldset--group nv-block">
            <legend className="nv-fieldset__legend">{t("ordinanceForm.level", { number })}</legend>
            <div className="nv-form__grid nv-form__grid--two">
              <TextField
                name={name("percentage")}
                inputMode="decimal"
                label={t("ordinanceForm.percentage")}
                value={level.percentage}
                onChange={(percentage) => set(index, { percentage })}
                error={errors[name("percentage")]}
                className="nv-input--short"
                autoComplete="off"
              />
              <TextField
                name={name("months")}
                inputMode="numeric"
                label={t("ordinanceForm.months")}
                value={level.months}
                onChange={(months) => set(index, { months })}
                error={errors[name("months")]}
                className="nv-input--short"
                autoComplete="off"
              />
            </div>
            {levels.length > 1 ? (
              <div className="nv-block__footer">
                <SecondaryActionButton
                  type="button"
                  onClick={() => {
                    onChange(levels.filter((_, i) => i !== index));
                    setFocusTarget("add");
                  }}
                >
                  {t("ordinanceForm.removeLevel", { number })}
                </SecondaryActionButton>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {levels.length < MAX_LEVELS ? (
        <Button
          appearance="secondary-action-button"
          type="button"
          ref={addButton}
          onClick={() => {
            onChange([...levels, { percentage: "", months: "" }]);
            setFocusTarget(`sanctionLevels.${levels.length}.percentage`);
          }}
        >
          {t("ordinanceForm.addLevel")}
        </Button>
      ) : null}
    </fieldset>
  );
}
