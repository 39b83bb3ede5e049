import { type ImportReport, REGISTRY_COLUMNS } from "@shared/schemas/registry.js";
import { ApiError } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FileField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { type FormErrors, formErrorsOf } from "@web/components/problems.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useImportClients } from "./api.js";

/** The rows of a report worth reading: every row that was not left unchanged. */
function ReportTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const rows = report.rows.filter((row) => row.outcome !== "unchanged");
  if (rows.length === 0) return null;
  return (
    <ScrollTable
      id="import-report"
      caption={t("registry.import.reportCaption", { count: rows.length })}
      headers={[t("registry.import.columns.line"), t("registry.import.columns.outcome"), t("registry.import.columns.details")]}
    >
      {rows.map((row) => (
        <tr key={row.line} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {row.line}
          </th>
          <td className="utrecht-table__cell">{t(`registry.import.outcomes.${row.outcome}`)}</td>
          <td className="utrecht-table__cell">
            {row.outcome === "refused"
              ? row.refusals.map((r) => `${r.column}: ${t(`fieldErrors.${r.code}`, { defaultValue: r.reason })}`).join("; ")
              : row.fields.map((field) => t(`registry.fields.${field}`, { defaultValue: field })).join(", ")}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Uploads the benefits administration's registry file, shows the upload's progress and then the row report. */
export function ImportSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const upload = useImportClients(setProgress);
  const headerWrong = upload.error instanceof ApiError && upload.error.problem.code === "importHeaderWrong";
  const errors = useMemo(
    (): FormErrors =>
      headerWrong ? { byField: {}, list: [], other: null } : formErrorsOf(upload.error, t, ["file"], { file: "registry-file" }),
    [upload.error, t, headerWrong],
  );
  // A wrong header names each wrong column (`header[3]`): the page says which name each column must have.
  const headerProblems =
    headerWrong && upload.error instanceof ApiError
      ? (upload.error.problem.invalidParams ?? []).map((p) => Number(/\[(\d+)\]/.exec(p.name)?.[1] ?? 0))
      : [];
  const report = upload.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    setProgress(0);
    upload.mutate(file);
  }

  return (
    <section className="nv-panel" aria-labelledby="registry-import-title">
      <Heading level={2} id="registry-import-title" className="nv-panel__title">
        {t("registry.import.title")}
      </Heading>
      <Paragraph>{t("registry.import.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      {headerProblems.length > 0 ? (
        <Alert type="error">
          <Paragraph>{t("problems.importHeaderWrong")}</Paragraph>
          <ul>
            {headerProblems.map((column) => (
              <li key={column}>
                {t("registry.import.headerExpected", { column: column + 1, expected: REGISTRY_COLUMNS[column]?.header ?? "-" })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="nv-form">
        <FileField
          name="registry-file"
          label={t("registry.import.file")}
          description={t("registry.import.fileHint")}
          accept=".csv,text/csv"
          onChange={setFile}
          error={errors.byField["registry-file"]}
        />
        {upload.isPending ? (
          <div className="nv-form__field">
            <label htmlFor="registry-progress">{progress < 1 ? t("registry.import.uploading") : t("registry.import.processing")}</label>
            <progress id="registry-progress" max={100} value={Math.round(progress * 100)}>
              {Math.round(progress * 100)}%
            </progress>
          </div>
        ) : null}
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={upload.isPending}>
            {t("registry.import.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {report ? (
        <>
          <Alert type="ok" role="status">
            {t("registry.import.summary", {
              rows: report.rows.length,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              refused: report.refused,
              moved: report.moved,
            })}
          </Alert>
          <ReportTable report={report} />
        </>
      ) : null}
    </section>
  );
}
