import { COMPLAINANT_KINDS } from "@shared/schemas/roles.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { toOptionalText } from "@web/components/formValues.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useFileComplaint } from "./api.js";

const FIELDS = ["filerKind", "filerName", "filerEmail", "description"] as const;

/** Public: anyone may say a volunteer role replaces paid work. No login; the complainant's name stays protected. */
export function ComplaintPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const file = useFileComplaint(id);
  const [filerKind, setFilerKind] = useState("");
  const [filerName, setFilerName] = useState("");
  const [filerEmail, setFilerEmail] = useState("");
  const [description, setDescription] = useState("");
  const errors = useMemo(() => formErrorsOf(file.error, t, FIELDS), [file.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    file.mutate({
      filerKind: (filerKind || undefined) as "other",
      filerName: toOptionalText(filerName),
      filerEmail: toOptionalText(filerEmail),
      description,
    });
  }

  return (
    <div className="nv-narrow">
      <PageHeading>{t("complaint.title")}</PageHeading>
      <Paragraph purpose="lead">{t("complaint.intro")}</Paragraph>
      <Heading level={2}>{t("complaint.nextTitle")}</Heading>
      <ul>
        <li>{t("complaint.next1")}</li>
        <li>{t("complaint.next2")}</li>
        <li>{t("complaint.next3")}</li>
      </ul>
      {file.isSuccess ? (
        <Alert type="ok" role="status">
          <p className="nv-alert-text">{t("complaint.received")}</p>
          <p className="nv-alert-text">{t("complaint.number", { id: file.data.id })}</p>
        </Alert>
      ) : (
        <>
          <ErrorSummary errors={errors.list} />
          <ProblemAlert error={errors.other} />
          <form onSubmit={submit} noValidate className="nv-form">
            <ChoiceFieldset
              name="filerKind"
              legend={t("complaint.filerKind")}
              type="radio"
              choices={COMPLAINANT_KINDS.map((kind) => ({ value: kind, label: t(`complaint.kinds.${kind}`) }))}
              selected={filerKind ? [filerKind] : []}
              onChange={([value]) => setFilerKind(value ?? "")}
              error={errors.byField.filerKind}
            />
            <TextAreaField
              name="description"
              label={t("complaint.description")}
              description={t("complaint.descriptionHint")}
              value={description}
              onChange={setDescription}
              error={errors.byField.description}
              rows={6}
            />
            <TextField
              name="filerName"
              label={t("form.optional", { label: t("complaint.filerName") })}
              value={filerName}
              onChange={setFilerName}
              error={errors.byField.filerName}
              autoComplete="name"
            />
            <TextField
              name="filerEmail"
              type="email"
              label={t("form.optional", { label: t("complaint.filerEmail") })}
              description={t("complaint.filerEmailHint")}
              value={filerEmail}
              onChange={setFilerEmail}
              error={errors.byField.filerEmail}
              autoComplete="email"
            />
            <div className="nv-form__actions">
              <PrimaryActionButton type="submit" busy={file.isPending}>
                {t("complaint.submit")}
              </PrimaryActionButton>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
