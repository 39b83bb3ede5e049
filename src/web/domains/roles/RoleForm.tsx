import type { RoleOutput } from "@shared/schemas/roles.js";
import { DUTCH_LEVELS, GUIDANCE_LEVELS, PHYSICAL_DEMANDS, ROLE_SECTORS } from "@shared/schemas/roles.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { RoleDemandFields } from "../capacity/RoleDemandFields.js";
import { DAYS } from "../intakes/intakeModel.js";
import { useOrganisationSearch } from "../organisations/api.js";
import { SearchPicker } from "../users/SearchPicker.js";
import { useCreateRole } from "./api.js";
import { DisplacementQuestions } from "./DisplacementQuestions.js";
import { emptyRoleValues, ROLE_FIELDS, type RoleValues, toRoleInput } from "./roleFormModel.js";

const PARTS = ["am", "pm", "eve"] as const;

function useOrganisationOptions(q: string) {
  const result = useOrganisationSearch(q);
  const options = (result.data?.items ?? []).map((org) => ({ value: org.id, label: `${org.name} (${org.district ?? org.postcode})` }));
  return { options, loading: result.isFetching };
}

interface RoleFormProps {
  /** A host's own organisation; staff pick one. */
  organisationId: string | undefined;
  onCreated: (role: RoleOutput) => void;
}

/** Describes a volunteer role and answers the displacement questions; the server decides the status. */
export function RoleForm({ organisationId, onCreated }: RoleFormProps) {
  const { t } = useTranslation();
  const create = useCreateRole();
  const [values, setValues] = useState<RoleValues>(() => emptyRoleValues(organisationId));
  const set = (field: keyof RoleValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errors = useMemo(() => formErrorsOf(create.error, t, ROLE_FIELDS), [create.error, t]);
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}`) });
  const weekParts = DAYS.flatMap((day) =>
    PARTS.map((part) => ({ value: `${day}-${part}`, label: `${t(`dayNames.${day}`)} ${t(`dayParts.${part}`)}` })),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(toRoleInput(values), { onSuccess: onCreated });
  }

  return (
    <>
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        {organisationId ? null : (
          <SearchPicker
            name="organisationId"
            searchLabel={t("roleForm.organisationSearch")}
            legend={t("roleForm.organisation")}
            selected={values.organisationId || null}
            selectedLabel={values.organisationLabel}
            onSelect={(id, label) => setValues((current) => ({ ...current, organisationId: id, organisationLabel: label }))}
            useOptions={useOrganisationOptions}
            error={errors.byField.organisationId}
          />
        )}
        <TextField
          name="title"
          label={t("roleForm.title")}
          description={t("roleForm.titleHint")}
          value={values.title}
          onChange={set("title")}
          error={errors.byField.title}
          autoComplete="off"
        />
        <TextAreaField
          name="description"
          label={t("roleForm.description")}
          description={t("roleForm.descriptionHint")}
          value={values.description}
          onChange={set("description")}
          error={errors.byField.description}
        />
        <FieldGrid>
          <TextField
            name="hoursPerWeek"
            inputMode="decimal"
            label={t("roleForm.hoursPerWeek")}
            value={values.hoursPerWeek}
            onChange={set("hoursPerWeek")}
            error={errors.byField.hoursPerWeek}
            className="nv-input--short"
            autoComplete="off"
          />
          <TextField
            name="minHoursPerWeek"
            inputMode="decimal"
            label={t("form.optional", { label: t("roleForm.minHoursPerWeek") })}
            value={values.minHoursPerWeek}
            onChange={set("minHoursPerWeek")}
            error={errors.byField.minHoursPerWeek}
            className="nv-input--short"
            autoComplete="off"
          />
          <TextField
            name="places"
            inputMode="numeric"
            label={t("roleForm.places")}
            value={values.places}
            onChange={set("places")}
            error={errors.byField.places}
            className="nv-input--short"
            autoComplete="off"
          />
          <SelectField
            name="guidanceLevel"
            label={t("roleForm.guidanceLevel")}
            description={t("roleForm.guidanceLevelHint")}
            value={values.guidanceLevel}
            onChange={set("guidanceLevel")}
            options={[{ value: "", label: t("roleForm.choose") }, ...GUIDANCE_LEVELS.map(option("guidanceLevel"))]}
            error={errors.byField.guidanceLevel}
          />
          <SelectField
            name="dutchLevel"
            label={t("roleForm.dutchLevel")}
            value={values.dutchLevel}
            onChange={set("dutchLevel")}
            options={DUTCH_LEVELS.map(option("dutchLevel"))}
            error={errors.byField.dutchLevel}
          />
          <SelectField
            name="physicalDemands"
            label={t("roleForm.physicalDemands")}
            value={values.physicalDemands}
            onChange={set("physicalDemands")}
            options={PHYSICAL_DEMANDS.map(option("physicalDemands"))}
            error={errors.byField.physicalDemands}
          />
          <SelectField
            name="sector"
            label={t("roleForm.sector")}
            description={t("roleForm.sectorHint")}
            value={values.sector}
            onChange={set("sector")}
            options={ROLE_SECTORS.map(option("roleSector"))}
            error={errors.byField.sector}
          />
          <TextField
            name="startDate"
            type="date"
            label={t("form.optional", { label: t("roleForm.startDate") })}
            value={values.startDate}
            onChange={set("startDate")}
            error={errors.byField.startDate}
          />
          <TextField
            name="endDate"
            type="date"
            label={t("form.optional", { label: t("roleForm.endDate") })}
            value={values.endDate}
            onChange={set("endDate")}
            error={errors.byField.endDate}
          />
        </FieldGrid>
        <TextField
          name="skills"
          label={t("form.optional", { label: t("roleForm.skills") })}
          description={t("roleForm.skillsHint")}
          value={values.skills}
          onChange={set("skills")}
          error={errors.byField.skills}
          autoComplete="off"
        />
        <ChoiceFieldset
          name="weekdayParts"
          legend={t("form.optional", { label: t("roleForm.weekdayParts") })}
          type="checkbox"
          choices={weekParts}
          selected={values.weekdayParts}
          onChange={(weekdayParts) => setValues((current) => ({ ...current, weekdayParts }))}
          error={errors.byField.weekdayParts}
        />
        <ChoiceFieldset
          name="atNight"
          legend={t("roleForm.atNight")}
          type="radio"
          layout="inline"
          choices={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
          selected={values.atNight ? [values.atNight] : []}
          onChange={([value]) => setValues((current) => ({ ...current, atNight: value ?? "" }))}
          error={errors.byField.atNight}
        />
        <RoleDemandFields
          values={values}
          onChange={(changes) => setValues((current) => ({ ...current, ...changes }))}
          errors={errors.byField}
        />
        <DisplacementQuestions
          answers={values.answers}
          onChange={(answers) => setValues((current) => ({ ...current, answers }))}
          errors={errors.byField}
        />
        <FormActions submitLabel={t("roleForm.submit")} busy={create.isPending} />
      </form>
    </>
  );
}
