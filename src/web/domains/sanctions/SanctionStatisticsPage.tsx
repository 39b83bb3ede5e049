import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useSanctionStatistics } from "./api.js";
import { StatisticsTable } from "./StatisticsTable.js";

interface PeriodFormProps {
  from: string;
  to: string;
  errors: Record<string, string>;
  onApply: (from: string, to: string) => void;
}

function PeriodForm({ from, to, errors, onApply }: PeriodFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ from, to });

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft.from, draft.to);
  }

  return (
    <form className="nv-filters" aria-label={t("sanctionStatistics.filtersLabel")} onSubmit={submit} noValidate>
      <TextField
        name="from"
        type="date"
        label={t("sanctionStatistics.from")}
        value={draft.from}
        onChange={(value) => setDraft((current) => ({ ...current, from: value }))}
        error={errors.from}
      />
      <TextField
        name="to"
        type="date"
        label={t("sanctionStatistics.to")}
        value={draft.to}
        onChange={(value) => setDraft((current) => ({ ...current, to: value }))}
        error={errors.to}
      />
      <div className="nv-filters__actions">
        <PrimaryActionButton type="submit">{t("sanctionStatistics.apply")}</PrimaryActionButton>
        <Link to="/sanctions/statistics" className="nl-link">
          {t("sanctionStatistics.reset")}
        </Link>
      </div>
    </form>
  );
}

/** How often sanctions were proposed, refused by each rule, imposed, refrained and overturned, per district and month. */
export function SanctionStatisticsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  const statistics = useSanctionStatistics(from, to);
  const errors = useMemo(() => formErrorsOf(statistics.error, t, ["from", "to"]), [statistics.error, t]);
  const data = statistics.data;

  function apply(nextFrom: string, nextTo: string) {
    const next = new URLSearchParams();
    if (nextFrom) next.set("from", nextFrom);
    if (nextTo) next.set("to", nextTo);
    setSearch(next, { replace: true });
  }

  return (
    <>
      <PageHeading>{t("sanctionStatistics.title")}</PageHeading>
      <Paragraph>{t("sanctionStatistics.intro")}</Paragraph>
      {data?.suppressedBelow ? <Paragraph>{t("sanctionStatistics.suppressed", { count: data.suppressedBelow })}</Paragraph> : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <PeriodForm key={`${from}|${to}`} from={from} to={to} errors={errors.byField} onApply={apply} />
      {statistics.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data && data.rows.length === 0 ? <Paragraph>{t("sanctionStatistics.empty")}</Paragraph> : null}
      {data && data.rows.length > 0 ? <StatisticsTable statistics={data} /> : null}
    </>
  );
}
