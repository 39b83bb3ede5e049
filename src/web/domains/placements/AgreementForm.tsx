import { type PlacementOutput, signAgreementInput } from "@shared/schemas/placements.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { numberText, toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrdinance } from "../ordinance/api.js";
import { usePlacementAction } from "./api.js";

const FIELDS = ["startDate", "endDate", "hoursPerWeek", "tasks", "contactPerson", "guidanceArrangement"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function initialValues(placement: PlacementOutput, language: string): Values {
  const last = placement.agreements.at(-1);
  return {
    startDate: last?.startDate ?? "",
    endDate: last?.endDate ?? "",
    hoursPerWeek: numberText(last?.hoursPerWeek ?? placement.hoursPerWeek, language),
    tasks: last?.tasks ?? "",
    contactPerson: last?.contactPerson ?? "",
    guidanceArrangement: last?.guidanceArrangement ?? "",
  };
}

/** The placement agreement: every term is required; signing starts the placement or makes a new version. */
export function AgreementForm({
  placement,
  kind,
  onSigned,
}: {
  placement: PlacementOutput;
  kind: "start" | "agreements";
  onSigned: () => void;
}) {
  const { t, i18n } = useTranslation();
  const action = usePlacementAction(placement.id);
  // The ordinance's longest duration, shown beside the end date; the server decides (409 tooLong).
  const maxDurationMonths = useOrdinance().data?.current.maxDurationMonths;
  const [values, setValues] = useState<Values>(() => initialValues(placement, i18n.language));
  const set = (field: keyof Values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", {
      name: placement.clientGivenName,
      what: t("sendLetter.what.agreement", { role: placement.roleTitle }),
    }),
    confirmLabel: t("sendLetter.send"),
  });
  // The server names the agreement's fields `agreement.startDate`; the form's controls are `startDate`.
  const errors = useMemo(() => {
    const result = formErrorsOf(
      confirmation.invalid ?? action.error,
      t,
      FIELDS.map((field) => `agreement.${field}`),
    );
    const strip = (name: string) => name.replace(/^agreement\./, "");
    return {
      byField: Object.fromEntries(Object.entries(result.byField).map(([name, message]) => [strip(name), message])),
      list: result.list.map((error) => ({ ...error, name: strip(error.name) })),
      other: result.other,
    };
  }, [confirmation.invalid, action.error, t]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The agreement goes to the client as a letter: asked first.
    confirmation.ask(({ agreement }) => action.mutate({ kind, agreement }, { onSuccess: onSigned }), {
      form: event.currentTarget,
      schema: signAgreementInput,
      body: { agreement: { ...values, hoursPerWeek: toNumber(values.hoursPerWeek) } },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="agreement-title">
      <Heading level={2} id="agreement-title" className="nv-panel__title">
        {kind === "start" ? t("agreement.startTitle") : t("agreement.newVersionTitle")}
      </Heading>
      <Paragraph>{kind === "start" ? t("agreement.startIntro") : t("agreement.newVersionIntro")}</Paragraph>
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <FieldGrid>
          <TextField
            name="startDate"
            type="date"
            label={t("agreement.startDate")}
            value={values.startDate}
            onChange={set("startDate")}
            error={errors.byField.startDate}
          />
          <TextField
            name="endDate"
            type="date"
            label={t("agreement.endDate")}
            description={maxDurationMonths ? t("agreement.endDateHint", { count: maxDurationMonths }) : undefined}
            value={values.endDate}
            onChange={set("endDate")}
            error={errors.byField.endDate}
          />
          <TextField
            name="hoursPerWeek"
            inputMode="decimal"
            label={t("agreement.hoursPerWeek")}
            value={values.hoursPerWeek}
            onChange={set("hoursPerWeek")}
            error={errors.byField.hoursPerWeek}
            className="nv-input--short"
            autoComplete="off"
          />
          <TextField
            name="contactPerson"
            label={t("agreement.contactPerson")}
            description={t("agreement.contactPersonHint")}
            value={values.contactPerson}
            onChange={set("contactPerson")}
            error={errors.byField.contactPerson}
            autoComplete="off"
          />
        </FieldGrid>
        <TextAreaField
          name="tasks"
          label={t("agreement.tasks")}
          value={values.tasks}
          onChange={set("tasks")}
          error={errors.byField.tasks}
          rows={3}
        />
        <TextAreaField
          name="guidanceArrangement"
          label={t("agreement.guidanceArrangement")}
          description={t("agreement.guidanceArrangementHint")}
          value={values.guidanceArrangement}
          onChange={set("guidanceArrangement")}
          error={errors.byField.guidanceArrangement}
          rows={3}
        />
        <FormActions
          submitLabel={kind === "start" ? t("agreement.startSubmit") : t("agreement.newVersionSubmit")}
          busy={action.isPending}
        />
      </form>
      {confirmation.dialog}
    </section>
  );
}
