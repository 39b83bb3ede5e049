import { ACTIVITY_PROPOSAL_KINDS } from "@shared/schemas/activity-proposals.js";
import { CARE_RELATIONS } from "@shared/schemas/caregiving.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { toNumber, toOptionalText } from "@web/components/formValues.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProposeActivity } from "./api.js";

const FIELDS = ["kind", "relation", "description", "place", "hoursPerWeek", "since", "contact"] as const;
const EMPTY = { kind: "", relation: "", description: "", place: "", hoursPerWeek: "", since: "", contact: "" };

/** The client proposes something they do or want to do; the server judges every field and names what is wrong. */
export function ProposeActivityForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const propose = useProposeActivity(clientId);
  const [values, setValues] = useState(EMPTY);
  const errors = useMemo(() => formErrorsOf(propose.error, t, FIELDS), [propose.error, t]);
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const caring = values.kind === "caregiving";

  function submit(event: FormEvent) {
    event.preventDefault();
    propose.mutate(
      {
        kind: values.kind as (typeof ACTIVITY_PROPOSAL_KINDS)[number],
        relation: caring ? ((values.relation || null) as (typeof CARE_RELATIONS)[number] | null) : null,
        description: values.description,
        place: values.place,
        hoursPerWeek: toNumber(values.hoursPerWeek) as number,
        since: values.since,
        contact: toOptionalText(values.contact),
      },
      { onSuccess: () => setValues(EMPTY) },
    );
  }

  return (
    <>
      {propose.isSuccess ? (
        <Alert type="ok" role="status">
          {t("activityProposals.sent")}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <ChoiceFieldset
          name="kind"
          legend={t("activityProposals.form.kind")}
          type="radio"
          choices={ACTIVITY_PROPOSAL_KINDS.map((kind) => ({ value: kind, label: t(`activityProposals.kindChoice.${kind}`) }))}
          selected={values.kind ? [values.kind] : []}
          onChange={([kind]) => set("kind")(kind ?? "")}
          error={errors.byField.kind}
        />
        {caring ? (
          <SelectField
            name="relation"
            label={t("activityProposals.form.relation")}
            value={values.relation}
            onChange={set("relation")}
            options={[
              { value: "", label: t("activityProposals.form.choose") },
              ...CARE_RELATIONS.map((relation) => ({ value: relation, label: t(`careRelation.${relation}`) })),
            ]}
            error={errors.byField.relation}
          />
        ) : null}
        <TextAreaField
          name="description"
          label={t("activityProposals.form.description")}
          description={t("activityProposals.form.descriptionHint")}
          value={values.description}
          onChange={set("description")}
          error={errors.byField.description}
          rows={4}
        />
        <TextField
          name="place"
          label={t("activityProposals.form.place")}
          description={t("activityProposals.form.placeHint")}
          value={values.place}
          onChange={set("place")}
          error={errors.byField.place}
        />
        <TextField
          name="hoursPerWeek"
          inputMode="decimal"
          label={t("activityProposals.form.hours")}
          value={values.hoursPerWeek}
          onChange={set("hoursPerWeek")}
          error={errors.byField.hoursPerWeek}
        />
        <TextField
          name="since"
          type="date"
          label={t("activityProposals.form.since")}
          value={values.since}
          onChange={set("since")}
          error={errors.byField.since}
        />
        <TextField
          name="contact"
          label={t("form.optional", { label: t("activityProposals.form.contact") })}
          description={t("activityProposals.form.contactHint")}
          value={values.contact}
          onChange={set("contact")}
          error={errors.byField.contact}
        />
        <FormActions submitLabel={t("activityProposals.form.submit")} busy={propose.isPending} />
      </form>
    </>
  );
}
