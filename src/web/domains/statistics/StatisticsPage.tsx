import { DISTRICTS } from "@shared/districts.js";
import { STATISTICS_GROUP_BY, type StatisticsGroupBy, type StatisticsOverview } from "@shared/schemas/statistics.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FiltersForm } from "@web/components/FiltersForm.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { useMe } from "@web/domains/session/api.js";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type OverviewChoice, overviewCsvUrl, useStatisticsOverview } from "./api.js";
import { FigureChart } from "./FigureChart.js";
import { FigureTable } from "./FigureTable.js";
import { tableWords } from "./labels.js";

const isGroupBy = (value: string | null): value is StatisticsGroupBy => (STATISTICS_GROUP_BY as readonly string[]).includes(value ?? "");

/** The choice in the address, or last year's figures per quarter for the whole city (or the caller's districts). */
function choiceOf(search: URLSearchParams): OverviewChoice {
  const lastYear = new Date().getFullYear() - 1;
  const groupBy = search.get("groupBy");
  return {
    from: search.get("from") ?? `${lastYear}-01-01`,
    to: search.get("to") ?? `${lastYear}-12-31`,
    district: search.get("district") ?? "",
    groupBy: isGroupBy(groupBy) ? groupBy : "quarter",
  };
}

function ChoiceForm({
  choice,
  districts,
  errors,
  onApply,
}: {
  choice: OverviewChoice;
  districts: readonly string[];
  errors: Record<string, string>;
  onApply: (next: OverviewChoice) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(choice);
  const years = Array.from({ length: 5 }, (_, i) => String(new Date().getFullYear() - i));
  const set = (part: Partial<OverviewChoice>) => setDraft((current) => ({ ...current, ...part }));
  const year = draft.from.endsWith("-01-01") && draft.to === `${draft.from.slice(0, 4)}-12-31` ? draft.from.slice(0, 4) : "";
  return (
    <FiltersForm label={t("statistics.choice.label")} onSubmit={() => onApply(draft)}>
      <SelectField
        name="year"
        label={t("statistics.choice.year")}
        value={year}
        onChange={(value) => (value ? set({ from: `${value}-01-01`, to: `${value}-12-31` }) : undefined)}
        options={[{ value: "", label: t("statistics.choice.ownPeriod") }, ...years.map((y) => ({ value: y, label: y }))]}
      />
      <TextField
        name="from"
        type="date"
        label={t("statistics.choice.from")}
        value={draft.from}
        onChange={(from) => set({ from })}
        error={errors.from}
      />
      <TextField
        name="to"
        type="date"
        label={t("statistics.choice.to")}
        value={draft.to}
        onChange={(to) => set({ to })}
        error={errors.to}
      />
      <SelectField
        name="district"
        label={t("statistics.choice.district")}
        value={draft.district}
        onChange={(district) => set({ district })}
        options={[{ value: "", label: t("statistics.choice.wholeScope") }, ...districts.map((d) => ({ value: d, label: d }))]}
        error={errors.district}
      />
      <SelectField
        name="groupBy"
        label={t("statistics.choice.groupBy")}
        value={draft.groupBy}
        onChange={(value) => (isGroupBy(value) ? set({ groupBy: value }) : undefined)}
        options={STATISTICS_GROUP_BY.map((g) => ({ value: g, label: t(`statistics.groupBy.${g}`) }))}
      />
      <div className="nv-filters__actions">
        <PrimaryActionButton type="submit">{t("statistics.choice.apply")}</PrimaryActionButton>
      </div>
    </FiltersForm>
  );
}

/** What is hidden and why, and the coarser choice that would show it. */
function Suppression({ overview, onCoarser }: { overview: StatisticsOverview; onCoarser: () => void }) {
  const { t } = useTranslation();
  if (overview.suppressedBelow === null) return null;
  const hidden = overview.tables.reduce((sum, table) => sum + table.hiddenCells, 0);
  const coarser = overview.coarser;
  return (
    <div className="nv-statistics__suppression">
      <Paragraph>{t("statistics.suppressed", { count: overview.suppressedBelow })}</Paragraph>
      {hidden > 0 ? <Paragraph>{t("statistics.hiddenCount", { count: hidden })}</Paragraph> : null}
      {coarser ? (
        <SecondaryActionButton type="button" onClick={onCoarser}>
          {coarser.district === null ? t("statistics.coarser.city") : t(`statistics.coarser.${coarser.groupBy ?? overview.groupBy}`)}
        </SecondaryActionButton>
      ) : null}
    </div>
  );
}

/**
 * The figures of the tegenprestatie: for every table a chart and the same numbers in a table beside it, for a period
 * and the whole city or one district, with the CSV download. Researchers see small counts hidden.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const choice = choiceOf(search);
  const overview = useStatisticsOverview(choice);
  const errors = useMemo(() => formErrorsOf(overview.error, t, ["from", "to", "district"]), [overview.error, t]);
  const own = me.data && (me.data.role === "consultant" || me.data.role === "teamLead") ? me.data.districts : DISTRICTS;
  const data = overview.data;

  function apply(next: OverviewChoice) {
    const params = new URLSearchParams({ from: next.from, to: next.to, groupBy: next.groupBy });
    if (next.district) params.set("district", next.district);
    setSearch(params, { replace: true });
  }

  function coarser() {
    if (!data?.coarser) return;
    apply({ ...choice, groupBy: data.coarser.groupBy ?? choice.groupBy, district: data.coarser.district === null ? "" : choice.district });
  }

  return (
    <>
      <PageHeading>{t("statistics.title")}</PageHeading>
      <Paragraph>{t("statistics.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <ChoiceForm key={JSON.stringify(choice)} choice={choice} districts={own} errors={errors.byField} onApply={apply} />
      {overview.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data ? (
        <>
          <Paragraph>
            {t("statistics.showing", {
              from: data.from,
              to: data.to,
              place: data.district ?? t("statistics.choice.wholeScope"),
              groupBy: t(`statistics.groupBy.${data.groupBy}`),
            })}
          </Paragraph>
          <Suppression overview={data} onCoarser={coarser} />
          <Paragraph>
            <a className="nl-link" href={overviewCsvUrl(choice)} download>
              {t("statistics.download")}
            </a>
          </Paragraph>
          {me.data?.abilities.downloadAnnualReport ? (
            <Paragraph>
              <a className="nl-link" href={`/api/v1/reports/annual?year=${data.to.slice(0, 4)}`} download>
                {t("statistics.annualReport", { year: data.to.slice(0, 4) })}
              </a>
            </Paragraph>
          ) : null}
          {data.tables.map((table) => {
            const { title, intro: description } = tableWords(i18n.language, table.id);
            return (
              <section key={table.id} aria-labelledby={`figure-${table.id}`} className="nv-statistics__figure">
                <Heading level={2} id={`figure-${table.id}`}>
                  {title}
                </Heading>
                <Paragraph>{description}</Paragraph>
                {table.rows.length === 0 ? (
                  <Paragraph>{t("statistics.empty")}</Paragraph>
                ) : (
                  <div className="nv-statistics__pair">
                    <FigureChart table={table} title={title} description={description} />
                    <FigureTable table={table} caption={title} suppressed={data.suppressedBelow !== null} />
                  </div>
                )}
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}
