import { fieldId } from "@web/components/fields.js";
import { FormFieldErrorMessage } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { DAY_PARTS, DAYS } from "./intakeModel.js";

interface WeekPartsGridProps {
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string;
}

/** When the client can take part: a checkbox per part of each day (`mon-am` … `sun-eve`). */
export function WeekPartsGrid({ selected, onChange, error }: WeekPartsGridProps) {
  const { t } = useTranslation();
  const errorId = `${fieldId("availability")}-error`;

  function toggle(part: string, checked: boolean) {
    onChange(checked ? [...selected, part] : selected.filter((item) => item !== part));
  }

  return (
    <fieldset
      className={`nv-fieldset utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="nv-fieldset__legend">{t("intake.availability")}</legend>
      <p className="nv-field-description">{t("intake.availabilityHint")}</p>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <table className="nv-week-grid">
        <caption className="nv-visually-hidden">{t("intake.availability")}</caption>
        <thead>
          <tr>
            <td />
            {DAYS.map((day) => (
              <th scope="col" key={day}>
                <abbr title={t(`dayNames.${day}`)}>{t(`dayShort.${day}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAY_PARTS.map((part) => (
            <tr key={part}>
              <th scope="row">{t(`dayParts.${part}`)}</th>
              {DAYS.map((day, index) => {
                const value = `${day}-${part}`;
                // The first box carries the field id, so the error summary can point at the grid.
                const id = index === 0 && part === "am" ? fieldId("availability") : `availability-${value}`;
                return (
                  <td key={value}>
                    <input
                      type="checkbox"
                      id={id}
                      className="nv-checkbox__input"
                      checked={selected.includes(value)}
                      onChange={(event) => toggle(value, event.target.checked)}
                    />
                    <label htmlFor={id} className="nv-visually-hidden">
                      {t("intake.dayPart", { day: t(`dayNames.${day}`), part: t(`dayParts.${part}`) })}
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
