import type { LifeDomain } from "@shared/schemas/intakes.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf, withFieldNames } from "@web/components/problems.js";
import { SensitiveBadge } from "@web/components/SensitiveBadge.js";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CapacityLimitFields } from "../capacity/CapacityLimitFields.js";
import { INTAKE_FIELDS, type IntakeValues } from "./intakeModel.js";
import { LadderFields } from "./LadderFields.js";
import { LifeDomainScores } from "./LifeDomainScores.js";
import { WeekPartsGrid } from "./WeekPartsGrid.js";

interface IntakeFormProps {
  initial: IntakeValues;
  /** Intake appointments that have started, to link the intake to. */
  appointments: { value: string; label: string }[];
  onSubmit: (values: IntakeValues) => void;
  pending: boolean;
  error: unknown;
  cancelTo: string;
}

function Group({ legend, children, intro }: { legend: string; children: ReactNode; intro?: ReactNode }) {
  return (
    <fieldset className="nv-fieldset nv-fieldset--group">
      <legend className="nv-fieldset__legend">{legend}</legend>
      {intro}
      <div className="nv-form__stack">{children}</div>
    </fieldset>
  );
}

/** The intake: life domains, background, availability and capacity, the ladder, and notes. */
export function IntakeForm({ initial, appointments, onSubmit, pending, error, cancelTo }: IntakeFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = useMemo(
    () =>
      withFieldNames(formErrorsOf(error, t, INTAKE_FIELDS), (field) =>
        field.startsWith("scores.") ? t(`lifeDomains.${field.slice(7)}`) : undefined,
      ),
    [error, t],
  );
  const set = (changes: Partial<IntakeValues>) => setValues((current) => ({ ...current, ...changes }));
  const text = (name: "caringDuties" | "educationHistory" | "workHistory" | "interests" | "skills" | "wishes" | "notes") => ({
    name,
    label: t("form.optional", { label: name === "wishes" ? t("capacityFields.wishes") : t(`intake.${name}`) }),
    description: (name === "wishes" ? t("capacityFields.wishesHint") : t(`intake.hint.${name}`, { defaultValue: "" })) || undefined,
    value: values[name],
    onChange: (value: string) => set({ [name]: value }),
    error: errors.byField[name],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--full">
        <Group legend={t("intake.conversation")}>
          <div className="nv-form__grid">
            <TextField
              name="heldOn"
              type="date"
              label={t("intake.heldOn")}
              value={values.heldOn}
              onChange={(heldOn) => set({ heldOn })}
              error={errors.byField.heldOn}
            />
            {appointments.length > 0 ? (
              <SelectField
                name="appointmentId"
                label={t("form.optional", { label: t("intake.appointment") })}
                description={t("intake.appointmentHint")}
                value={values.appointmentId}
                onChange={(appointmentId) => set({ appointmentId })}
                options={[{ value: "", label: t("intake.noAppointment") }, ...appointments]}
                error={errors.byField.appointmentId}
              />
            ) : null}
          </div>
        </Group>
        <Group
          legend={t("intake.scores")}
          intro={
            <>
              <Paragraph className="nv-field-description">{t("intake.scoresIntro")}</Paragraph>
              <p className="nv-field-description">
                <SensitiveBadge /> {t("sensitive.explanation")}
              </p>
            </>
          }
        >
          <LifeDomainScores
            scores={values.scores}
            errors={errors.byField}
            onChange={(domain: LifeDomain, score) => set({ scores: { ...values.scores, [domain]: score } })}
          />
        </Group>
        <Group legend={t("intake.background")}>
          <TextAreaField {...text("caringDuties")} rows={2} />
          <div className="nv-form__grid">
            <TextAreaField {...text("educationHistory")} rows={2} />
            <TextAreaField {...text("workHistory")} rows={2} />
            <TextField {...text("interests")} autoComplete="off" />
            <TextField {...text("skills")} autoComplete="off" />
            <TextField {...text("wishes")} autoComplete="off" />
          </div>
        </Group>
        <Group legend={t("intake.capacityGroup")}>
          <WeekPartsGrid
            selected={values.availability}
            onChange={(availability) => set({ availability })}
            error={errors.byField.availability}
          />
          <div className="nv-form__grid">
            <TextField
              name="capacityHoursPerWeek"
              inputMode="decimal"
              label={t("intake.capacityHoursPerWeek")}
              description={t("intake.capacityHint")}
              value={values.capacityHoursPerWeek}
              onChange={(capacityHoursPerWeek) => set({ capacityHoursPerWeek })}
              error={errors.byField.capacityHoursPerWeek}
              autoComplete="off"
              className="nv-input--short"
            />
            <TextField
              name="travelRadiusKm"
              inputMode="numeric"
              label={t("intake.travelRadiusKm")}
              description={t("intake.travelRadiusHint")}
              value={values.travelRadiusKm}
              onChange={(travelRadiusKm) => set({ travelRadiusKm })}
              error={errors.byField.travelRadiusKm}
              autoComplete="off"
              className="nv-input--short"
            />
          </div>
          <CapacityLimitFields values={values} onChange={set} errors={errors.byField} />
        </Group>
        <Group legend={t("intake.ladder")}>
          <LadderFields rung={values.ladderRung} growthRung={values.growthRung} onChange={set} errors={errors.byField} />
        </Group>
        <Group legend={t("intake.notesGroup")}>
          <TextAreaField
            name="healthNotes"
            label={
              <>
                {t("form.optional", { label: t("intake.healthNotes") })} <SensitiveBadge />
              </>
            }
            description={t("intake.healthNotesHint")}
            value={values.healthNotes}
            onChange={(healthNotes) => set({ healthNotes })}
            error={errors.byField.healthNotes}
            rows={3}
          />
          <TextAreaField {...text("notes")} rows={3} />
        </Group>
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={pending}>
            {t("intake.submit")}
          </PrimaryActionButton>
          <Link to={cancelTo} className="nl-link">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
