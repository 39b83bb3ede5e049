import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FileField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUploadDocument } from "./api.js";

interface UploadFormProps {
  /** The upload address, e.g. `/exemptions/{id}/documents`. */
  path: string;
  /** Unique on the page: several upload forms may be open at once. */
  name: string;
  title: string;
  /** Called after a successful upload, to reload the list the document belongs to. */
  onUploaded: () => void;
}

/** Uploads one PDF, PNG or JPEG of at most 10 MB; the server checks the content and names what is wrong. */
export function UploadForm({ path, name, title, onUploaded }: UploadFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadDocument(path, onUploaded);
  const errors = useMemo(() => formErrorsOf(upload.error, t, ["file"], { file: name }), [upload.error, t, name]);

  function submit(event: FormEvent) {
    event.preventDefault();
    upload.mutate(file);
  }

  return (
    <section className="nv-panel" aria-labelledby={`${name}-title`}>
      <Heading level={3} id={`${name}-title`} className="nv-panel__title">
        {title}
      </Heading>
      <Paragraph>{t("documents.intro")}</Paragraph>
      {upload.isSuccess ? (
        <Alert type="ok" role="status">
          {t("documents.uploaded", { filename: upload.data.filename })}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <FileField
          name={name}
          label={t("documents.file")}
          description={t("documents.fileHint")}
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          onChange={setFile}
          error={errors.byField[name]}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={upload.isPending}>
            {t("documents.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
