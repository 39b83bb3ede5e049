import type { ResearchExportOutput } from "@shared/schemas/research-export.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FactsList } from "@web/components/FactsList.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  isExportBusy,
  researchDictionaryUrl,
  researchExportFileUrl,
  useResearchDictionary,
  useResearchExport,
  useStartResearchExport,
} from "./api.js";

const FIELDS = ["from", "to"] as const;

/** The first and last day of the twelve whole months before this one: a year the export can always make. */
function lastTwelveMonths(): { from: string; to: string } {
  const now = new Date();
  const firstOfThisMonth = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 1));
  const to = new Date(firstOfThisMonth.getTime() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.UTC(now.getFullYear() - 1, now.getMonth(), 1)).toISOString().slice(0, 10);
  return { from, to };
}

function StartExportForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const start = useStartResearchExport();
  const [period, setPeriod] = useState(lastTwelveMonths);
  const errors = useMemo(() => formErrorsOf(start.error, t, FIELDS), [start.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    start.mutate(period, { onSuccess: (item) => onStarted(item.id) });
  }

  return (
    <section aria-labelledby="research-start-title" className="nv-panel">
      <Heading level={2} id="research-start-title" className="nv-panel__title">
        {t("researchExport.startTitle")}
      </Heading>
      <Paragraph>{t("researchExport.startIntro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="from"
          type="date"
          label={t("researchExport.from")}
          value={period.from}
          onChange={(from) => setPeriod((current) => ({ ...current, from }))}
          error={errors.byField.from}
        />
        <TextField
          name="to"
          type="date"
          label={t("researchExport.to")}
          description={t("researchExport.toHint")}
          value={period.to}
          onChange={(to) => setPeriod((current) => ({ ...current, to }))}
          error={errors.byField.to}
        />
        <FormActions submitLabel={t("researchExport.start")} busy={start.isPending} />
      </form>
    </section>
  );
}

function ExportStatus({ item }: { item: ResearchExportOutput }) {
  const { t, i18n } = useTranslation();
  const percent = Math.round(item.progress * 100);
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <section aria-labelledby="research-status-title" className="nv-panel">
      <Heading level={2} id="research-status-title" className="nv-panel__title">
        {t("researchExport.statusTitle", { from: item.from, to: item.to })}
      </Heading>
      {/* Always present, so screen readers hear the change from "being made" to "ready". */}
      <p role="status" className="nv-alert-text">
        {t(`researchExport.statusText.${item.status}`)}
      </p>
      {isExportBusy(item) ? (
        <div className="nv-progress">
          <label htmlFor="research-progress" className="utrecht-form-label">
            {t("researchExport.progress")}
          </label>
          <progress id="research-progress" max={100} value={percent} className="nv-progress__bar">
            {percent} %
          </progress>
          <span className="nv-progress__value" aria-hidden="true">
            {percent} %
          </span>
        </div>
      ) : null}
      {item.status === "failed" ? <Paragraph>{t("researchExport.failed", { error: item.error ?? "" })}</Paragraph> : null}
      {item.summary ? (
        <>
          <FactsList
            rows={[
              [t("researchExport.rows"), number(item.summary.rowCount)],
              [t("researchExport.clients"), number(item.summary.clients)],
              [t("researchExport.suppressedRows"), number(item.summary.suppressedRows)],
              [t("researchExport.smallestGroup"), item.summary.smallestGroup === null ? "—" : number(item.summary.smallestGroup)],
              [
                t("researchExport.generalisation"),
                (["ageBand", "district", "benefitBand", "household"] as const)
                  .map(
                    (qi) => `${t(`researchExport.columns.${qi}`)}: ${t(`researchExport.levels.${qi}.${item.summary?.generalisation[qi]}`)}`,
                  )
                  .join("; "),
              ],
            ]}
          />
          {item.abilities.download ? (
            <p className="nv-actions">
              <a className="nl-link" href={researchExportFileUrl(item.id)} download>
                {t("researchExport.download")}
              </a>{" "}
              <a className="nl-link" href={researchDictionaryUrl} download="woordenboek-onderzoeksbestand.json">
                {t("researchExport.downloadDictionary")}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function DictionaryTable() {
  const { t, i18n } = useTranslation();
  const dictionary = useResearchDictionary();
  const language = i18n.language.startsWith("en") ? "en" : "nl";
  if (!dictionary.data) return <ProblemAlert error={dictionary.error} />;
  return (
    <section aria-labelledby="research-dictionary-title">
      <Heading level={2} id="research-dictionary-title">
        {t("researchExport.dictionaryTitle")}
      </Heading>
      <Paragraph>{t("researchExport.dictionaryIntro")}</Paragraph>
      <ScrollTable
        id="research-dictionary"
        caption={t("researchExport.dictionaryCaption")}
        headers={[t("researchExport.column"), t("researchExport.meaning"), t("researchExport.values")]}
      >
        {dictionary.data.columns.map((column) => (
          <tr className="utrecht-table__row" key={column.name}>
            <th scope="row" className="utrecht-table__header-cell">
              <code>{column.name}</code>
            </th>
            <td className="utrecht-table__cell">{column.meaning[language]}</td>
            <td className="utrecht-table__cell">
              {column.generalisation.length > 0
                ? column.generalisation
                    .map((level) => `${t(`researchExport.levels.${column.name}.${level.level}`)}: ${level.values}`)
                    .join(" · ")
                : column.values}
            </td>
          </tr>
        ))}
      </ScrollTable>
      <p>
        <a className="nl-link" href={researchDictionaryUrl} download="woordenboek-onderzoeksbestand.json">
          {t("researchExport.downloadDictionary")}
        </a>
      </p>
    </section>
  );
}

/** The researcher's page: what the file is, start an export for a period, follow it, download it and its dictionary. */
export function ResearchExportPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const id = search.get("export");
  const current = useResearchExport(id);

  return (
    <>
      <PageHeading>{t("researchExport.title")}</PageHeading>
      <Paragraph>{t("researchExport.intro")}</Paragraph>
      <section aria-labelledby="research-privacy-title">
        <Heading level={2} id="research-privacy-title">
          {t("researchExport.privacyTitle")}
        </Heading>
        <Paragraph>{t("researchExport.pseudonyms")}</Paragraph>
        <Paragraph>{t("researchExport.kAnonymity")}</Paragraph>
        <Paragraph>{t("researchExport.audited")}</Paragraph>
      </section>
      <StartExportForm onStarted={(started) => setSearch({ export: started })} />
      {current.data ? <ExportStatus item={current.data} /> : <ProblemAlert error={current.error} />}
      <DictionaryTable />
    </>
  );
}
