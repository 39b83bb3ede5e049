import { type ContributionInput, contributionInput } from "@shared/schemas/contributions.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { useAddContribution, useContributions, useRecheckContributions, useUndoContribution } from "./api.js";

const RENAMED: Record<string, string> = { hoursPerWeek: "contributionHours", description: "contributionDescription" };

/**
 * Volunteer work the client already does: formalised, it counts as the contribution and the client is left in peace.
 * Formalising can be undone while its letter has not left the building (the server says so in `abilities.undo`).
 */
export function ContributionsSection({
  clientId,
  clientName,
  mayFormalise,
}: {
  clientId: string;
  clientName: string;
  mayFormalise: boolean;
}) {
  const { t, i18n } = useTranslation();
  const list = useContributions(clientId);
  const add = useAddContribution(clientId);
  const [values, setValues] = useState({ organisationName: "", description: "", contributionHours: "", since: "" });
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.contribution") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(() => {
    // The placement form on this tab owns `hoursPerWeek`; here the boxes have their own names.
    const result = formErrorsOf(confirmation.invalid ?? add.error, t, ["organisationName", "description", "hoursPerWeek", "since"]);
    const rename = (name: string) => RENAMED[name] ?? name;
    return {
      byField: Object.fromEntries(Object.entries(result.byField).map(([name, message]) => [rename(name), message])),
      list: result.list.map((error) => ({ ...error, name: rename(error.name) })),
      other: result.other,
    };
  }, [confirmation.invalid, add.error, t]);
  const items = list.data?.items ?? [];
  const undo = useUndoContribution(clientId);
  const recheck = useRecheckContributions(clientId);
  // The contribution just formalised, as the list has it now: whether it can still be undone is the server's answer.
  const added = add.isSuccess ? items.find((item) => item.id === add.data.id) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Formalising sends the client a decision letter: asked first.
    confirmation.ask(save, {
      form: event.currentTarget,
      schema: contributionInput,
      body: {
        kind: "existingVolunteerWork",
        organisationName: values.organisationName.trim() || undefined,
        description: values.description,
        hoursPerWeek: toNumber(values.contributionHours) as number,
        since: values.since,
      },
    });
  }

  function save(input: ContributionInput) {
    undo.reset();
    add.mutate(input, { onSuccess: () => setValues({ organisationName: "", description: "", contributionHours: "", since: "" }) });
  }

  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="contributions-title">
      <Heading level={3} id="contributions-title" className="nv-panel__title">
        {t("contributions.title")}
      </Heading>
      <Paragraph>{t("contributions.intro")}</Paragraph>
      <ProblemAlert error={list.error} />
      {list.data ? (
        <Paragraph>{list.data.contributing ? t("contributions.contributing") : t("contributions.notContributing")}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <ul className="nv-link-list">
          {items.map((item) => (
            <li key={item.id}>
              {t("contributions.item", {
                organisation: item.organisationName,
                hours: formatHours(item.hoursPerWeek, i18n.language),
                since: formatLongDate(item.since, i18n.language),
                status: t(`contributions.status.${item.status}`),
              })}{" "}
              <LetterPdfLink letterId={item.letterId} label={t("contributions.letter")} context={item.organisationName} />
            </li>
          ))}
        </ul>
      ) : null}
      {added ? (
        <UndoStatus
          canUndo={added.abilities.undo}
          busy={undo.isPending}
          error={undo.error}
          context={added.organisationName}
          onUndo={() => undo.mutate(added.id)}
        >
          <p className="nv-alert-text">{t("contributions.added")}</p>
          <p className="nv-alert-text">
            <LetterPdfLink letterId={added.letterId} label={t("contributions.letterPrint")} onDownload={recheck} />
          </p>
        </UndoStatus>
      ) : null}
      {undo.isSuccess ? (
        <Alert type="ok" role="status">
          {t("contributions.undone")}
        </Alert>
      ) : null}
      <FormProblems errors={errors} />
      <Heading level={4}>{t("contributions.formTitle")}</Heading>
      {mayFormalise ? (
        <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
          <FieldGrid>
            <TextField
              name="organisationName"
              label={t("contributions.organisationName")}
              value={values.organisationName}
              onChange={set("organisationName")}
              error={errors.byField.organisationName}
              autoComplete="off"
            />
            <TextField
              name="since"
              type="date"
              label={t("contributions.since")}
              value={values.since}
              onChange={set("since")}
              error={errors.byField.since}
            />
            <TextField
              name="contributionHours"
              inputMode="decimal"
              label={t("contributions.hoursPerWeek")}
              value={values.contributionHours}
              onChange={set("contributionHours")}
              error={errors.byField.contributionHours}
              className="nv-input--short"
              autoComplete="off"
            />
          </FieldGrid>
          <TextAreaField
            name="contributionDescription"
            label={t("contributions.description")}
            value={values.description}
            onChange={set("description")}
            error={errors.byField.contributionDescription}
            rows={3}
          />
          <FormActions submitLabel={t("contributions.submit")} busy={add.isPending} />
        </form>
      ) : null}
      {confirmation.dialog}
    </section>
  );
}
