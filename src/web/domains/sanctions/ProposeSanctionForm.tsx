import { todayInAmsterdam } from "@shared/dates.js";
import { CULPABILITY, SANCTION_GROUNDS } from "@shared/schemas/sanctions.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProposeSanction } from "./api.js";
import { FactsPickers, useFactsLoaded } from "./FactsPickers.js";
import { RefusalAlert } from "./RefusalAlert.js";
import { emptyProposalValues, PROPOSAL_FIELDS, type ProposalValues, toProposalInput } from "./sanctionFormModel.js";

/**
 * A consultant proposes a sanction: the ground and its facts, then the weighing (culpability, circumstances,
 * children, urgent reasons). Never automatic: a team lead decides after the client has been heard.
 */
export function ProposeSanctionForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const propose = useProposeSanction(clientId);
  const loaded = useFactsLoaded(clientId);
  const [values, setValues] = useState<ProposalValues>(() => emptyProposalValues(todayInAmsterdam()));
  const errors = useMemo(() => formErrorsOf(propose.error, t, PROPOSAL_FIELDS), [propose.error, t]);
  const change = (changes: Partial<ProposalValues>) => setValues((current) => ({ ...current, ...changes }));
  const radio = (field: "culpability" | "urgentReasons") => ({
    selected: values[field] ? [values[field]] : [],
    onChange: ([value]: string[]) => change({ [field]: value ?? "" }),
    error: errors.byField[field],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    propose.mutate(toProposalInput(values), { onSuccess: () => setValues(emptyProposalValues(todayInAmsterdam())) });
  }

  return (
    <section className="nv-panel" aria-labelledby="sanction-proposal-title" aria-busy={!loaded}>
      <Heading level={3} id="sanction-proposal-title" className="nv-panel__title">
        {t("sanctionProposal.title")}
      </Heading>
      <Alert type="info">
        <strong>{t("sanctionProposal.neverAutomatic")}</strong> {t("sanctionProposal.noGround")}
      </Alert>
      <Paragraph>{t("sanctionProposal.intro")}</Paragraph>
      {propose.isSuccess ? (
        <Alert type="ok" role="status">
          {t("sanctionProposal.saved")}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <SelectField
          name="ground"
          label={t("sanctionProposal.ground")}
          value={values.ground}
          onChange={(ground) => change({ ground })}
          options={[
            { value: "", label: t("roleForm.choose") },
            ...SANCTION_GROUNDS.map((ground) => ({ value: ground, label: t(`sanctionGround.${ground}`) })),
          ]}
          error={errors.byField.ground}
        />
        <TextField
          name="factsDate"
          type="date"
          label={t("sanctionProposal.factsDate")}
          value={values.factsDate}
          onChange={(factsDate) => change({ factsDate })}
          error={errors.byField.factsDate}
        />
        <TextAreaField
          name="facts"
          label={t("sanctionProposal.facts")}
          description={t("sanctionProposal.factsHint")}
          value={values.facts}
          onChange={(facts) => change({ facts })}
          error={errors.byField.facts}
          rows={3}
        />
        <FactsPickers clientId={clientId} values={values} onChange={change} errors={errors.byField} />
        <Heading level={4}>{t("sanctionProposal.weighing")}</Heading>
        <ChoiceFieldset
          name="culpability"
          legend={t("sanctionProposal.culpability")}
          type="radio"
          choices={CULPABILITY.map((value) => ({ value, label: t(`culpability.${value}.label`), hint: t(`culpability.${value}.hint`) }))}
          {...radio("culpability")}
        />
        <TextAreaField
          name="circumstances"
          label={t("sanctionProposal.circumstances")}
          description={t("sanctionProposal.circumstancesHint")}
          value={values.circumstances}
          onChange={(circumstances) => change({ circumstances })}
          error={errors.byField.circumstances}
          rows={3}
        />
        <TextAreaField
          name="childrenInterests"
          label={t("form.optional", { label: t("sanctionProposal.childrenInterests") })}
          description={t("sanctionProposal.childrenInterestsHint")}
          value={values.childrenInterests}
          onChange={(childrenInterests) => change({ childrenInterests })}
          error={errors.byField.childrenInterests}
          rows={2}
        />
        <ChoiceFieldset
          name="urgentReasons"
          legend={t("sanctionProposal.urgentReasons")}
          description={t("sanctionProposal.urgentReasonsHint")}
          type="radio"
          layout="inline"
          choices={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
          {...radio("urgentReasons")}
        />
        {values.urgentReasons === "yes" ? (
          <TextAreaField
            name="urgentReasonsNote"
            label={t("sanctionProposal.urgentReasonsNote")}
            value={values.urgentReasonsNote}
            onChange={(urgentReasonsNote) => change({ urgentReasonsNote })}
            error={errors.byField.urgentReasonsNote}
            rows={2}
          />
        ) : null}
        {/* A refusal is read where the consultant just pressed the button. */}
        <RefusalAlert error={errors.other} />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={propose.isPending}>
            {t("sanctionProposal.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
