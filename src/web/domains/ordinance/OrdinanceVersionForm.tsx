import { addDays, todayInAmsterdam } from "@shared/dates.js";
import { type Ordinance, SANCTION_GROUNDS } from "@shared/schemas/ordinance.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAddOrdinanceVersion } from "./api.js";
import {
  GUIDANCE_LEVELS,
  groundControl,
  ORDINANCE_CONTROLS,
  type OrdinanceValues,
  ordinanceFields,
  SETTING_FIELDS,
  toOrdinanceInput,
  valuesFromOrdinance,
} from "./ordinanceFormModel.js";
import { SanctionLevelsFields } from "./SanctionLevelsFields.js";

type TextKey = Exclude<keyof OrdinanceValues, "sanctionLevels" | "groundLevels">;
const GUIDANCE_CONTROL = { light: "guidanceLight", regular: "guidanceRegular", intensive: "guidanceIntensive" } as const;

/** Adds an ordinance version: a copy of the one in force to change, from tomorrow unless another date is chosen. */
export function OrdinanceVersionForm({ current }: { current: Ordinance }) {
  const { t, i18n } = useTranslation();
  const add = useAddOrdinanceVersion();
  const fresh = () => valuesFromOrdinance(current, addDays(todayInAmsterdam(), 1), i18n.language);
  const [values, setValues] = useState<OrdinanceValues>(fresh);
  const fields = useMemo(() => ordinanceFields(values.sanctionLevels.length), [values.sanctionLevels.length]);
  const errors = useMemo(() => formErrorsOf(add.error, t, fields, ORDINANCE_CONTROLS), [add.error, t, fields]);
  const set = (field: TextKey) => (value: string) => setValues((currentValues) => ({ ...currentValues, [field]: value }));
  const numberField = (field: TextKey, hint?: string) => (
    <TextField
      name={field}
      inputMode="decimal"
      label={t(`ordinanceForm.${field}`)}
      description={hint}
      value={values[field]}
      onChange={set(field)}
      error={errors.byField[field]}
      className="nv-input--short"
      autoComplete="off"
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(toOrdinanceInput(values));
  }

  return (
    <section className="nv-panel" aria-labelledby="ordinance-form-title">
      <Heading level={2} id="ordinance-form-title" className="nv-panel__title">
        {t("ordinanceForm.title")}
      </Heading>
      <Paragraph>{t("ordinanceForm.intro")}</Paragraph>
      {add.isSuccess ? (
        <Alert type="ok" role="status">
          {t("ordinanceForm.saved", { version: add.data.version })}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <TextField
          name="effectiveFrom"
          type="date"
          label={t("ordinanceForm.effectiveFrom")}
          description={t("ordinanceForm.effectiveFromHint")}
          value={values.effectiveFrom}
          onChange={set("effectiveFrom")}
          error={errors.byField.effectiveFrom}
        />
        <div className="nv-form__grid nv-form__grid--two">
          {SETTING_FIELDS.map((field) => (
            <div key={field}>{numberField(field, t(`ordinanceForm.${field}Hint`))}</div>
          ))}
        </div>
        <fieldset className="nv-fieldset">
          <legend className="nv-fieldset__legend">{t("ordinanceForm.guidanceHoursPerLevel")}</legend>
          <div className="nv-field-description">{t("ordinanceForm.guidanceHoursPerLevelHint")}</div>
          <div className="nv-form__grid nv-form__grid--two">
            {GUIDANCE_LEVELS.map((level) => (
              <TextField
                key={level}
                name={GUIDANCE_CONTROL[level]}
                inputMode="decimal"
                label={t(`guidanceLevel.${level}`)}
                value={values[GUIDANCE_CONTROL[level]]}
                onChange={set(GUIDANCE_CONTROL[level])}
                error={errors.byField[GUIDANCE_CONTROL[level]]}
                className="nv-input--short"
                autoComplete="off"
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="nv-fieldset">
          <legend className="nv-fieldset__legend">{t("ordinanceForm.groundLevels")}</legend>
          <div className="nv-field-description">{t("ordinanceForm.groundLevelsHint")}</div>
          <div className="nv-form__grid nv-form__grid--two">
            {SANCTION_GROUNDS.map((ground) => (
              <TextField
                key={ground}
                name={groundControl(ground)}
                inputMode="numeric"
                label={t(`sanctionGround.${ground}`)}
                value={values.groundLevels[ground]}
                onChange={(value) =>
                  setValues((currentValues) => ({ ...currentValues, groundLevels: { ...currentValues.groundLevels, [ground]: value } }))
                }
                error={errors.byField[groundControl(ground)]}
                className="nv-input--short"
                autoComplete="off"
              />
            ))}
          </div>
        </fieldset>
        <SanctionLevelsFields
          levels={values.sanctionLevels}
          onChange={(sanctionLevels) => setValues((currentValues) => ({ ...currentValues, sanctionLevels }))}
          errors={errors.byField}
        />
        <TextAreaField
          name="versionNote"
          label={t("ordinanceForm.note")}
          description={t("ordinanceForm.noteHint")}
          value={values.note}
          onChange={set("note")}
          error={errors.byField.versionNote}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={add.isPending}>
            {t("ordinanceForm.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
