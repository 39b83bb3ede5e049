import { DISTRICTS } from "@shared/districts.js";
import { EFFECT_MIN_CLIENTS, EFFECT_OUTCOMES, type StatisticsEffects } from "@shared/schemas/statistics.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EffectsChart } from "./EffectsChart.js";
import { EffectsTable } from "./EffectsTable.js";
import { type EffectsFilters, useStatisticsEffects } from "./effects-api.js";

const FIELDS = ["from", "to", "district"] as const;
const CAVEATS = ["observational", "selection", "missing", "smallNumbers", "otherActivities", "measures"] as const;

function FiltersForm({
  filters,
  errors,
  onApply,
}: {
  filters: EffectsFilters;
  errors: Record<string, string>;
  onApply: (next: EffectsFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (field: keyof EffectsFilters) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="nv-filters" aria-label={t("effects.filtersLabel")} onSubmit={submit} noValidate>
      <TextField name="from" type="date" label={t("effects.from")} value={draft.from} onChange={set("from")} error={errors.from} />
      <TextField name="to" type="date" label={t("effects.to")} value={draft.to} onChange={set("to")} error={errors.to} />
      <SelectField
        name="district"
        label={t("effects.district")}
        value={draft.district}
        onChange={set("district")}
        error={errors.district}
        options={[{ value: "", label: t("effects.allDistricts") }, ...DISTRICTS.map((d) => ({ value: d, label: d }))]}
      />
      <div className="nv-filters__actions">
        <PrimaryActionButton type="submit">{t("effects.apply")}</PrimaryActionButton>
        <Link to="/statistics/effects" className="nl-link">
          {t("effects.reset")}
        </Link>
      </div>
    </form>
  );
}

/** One outcome: what it measures, the chart and the table beside it. */
function OutcomeSection({ outcome, data }: { outcome: (typeof EFFECT_OUTCOMES)[number]; data: StatisticsEffects }) {
  const { t } = useTranslation();
  const estimates = useMemo(() => data.estimates.filter((e) => e.outcome === outcome), [data, outcome]);
  const months = estimates[0]?.horizonMonths ?? 0;
  const name = t(`effects.outcomes.${outcome}.name`);
  const headingId = `effects-${outcome}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t(`effects.outcomes.${outcome}.title`)}
      </Heading>
      <Paragraph>{t(`effects.outcomes.${outcome}.what`, { months })}</Paragraph>
      <div className="nv-effects-outcome">
        <EffectsChart estimates={estimates} outcomeName={name} />
        <EffectsTable
          id={`effects-table-${outcome}`}
          estimates={estimates}
          outcomeName={name}
          horizonMonths={months}
          suppressedBelow={data.suppressedBelow}
        />
      </div>
    </section>
  );
}

/** The effect estimates explained: what is measured, the figures with intervals and counts, the method and the caveats. */
export function EffectsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters: EffectsFilters = { from: search.get("from") ?? "", to: search.get("to") ?? "", district: search.get("district") ?? "" };
  const effects = useStatisticsEffects(filters);
  const errors = useMemo(() => formErrorsOf(effects.error, t, FIELDS), [effects.error, t]);
  const data = effects.data;
  const months = data?.estimates[0]?.horizonMonths ?? 0;

  function apply(next: EffectsFilters) {
    const params = new URLSearchParams();
    for (const field of FIELDS) if (next[field]) params.set(field, next[field]);
    setSearch(params, { replace: true });
  }

  return (
    <>
      <PageHeading>{t("effects.title")}</PageHeading>
      <Paragraph purpose="lead">{t("effects.intro")}</Paragraph>
      <Alert type="info">
        <Paragraph>{t("effects.observational")}</Paragraph>
      </Alert>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <FiltersForm key={search.toString()} filters={filters} errors={errors.byField} onApply={apply} />
      {effects.isFetching ? <Paragraph role="status">{t("effects.loading")}</Paragraph> : null}
      {data ? (
        <>
          {EFFECT_OUTCOMES.map((outcome) => (
            <OutcomeSection key={outcome} outcome={outcome} data={data} />
          ))}
          {data.suppressedBelow === null ? null : <Paragraph>{t("effects.suppressed", { count: data.suppressedBelow })}</Paragraph>}
          <Paragraph>{t("effects.settings", { resamples: data.resamples, seed: data.seed })}</Paragraph>
          <section aria-labelledby="effects-method">
            <Heading level={2} id="effects-method">
              {t("effects.method.title")}
            </Heading>
            <Paragraph>{t("effects.method.text", { months, resamples: data.resamples })}</Paragraph>
          </section>
        </>
      ) : null}
      <section aria-labelledby="effects-caveats">
        <Heading level={2} id="effects-caveats">
          {t("effects.caveats.title")}
        </Heading>
        <ul>
          {CAVEATS.map((caveat) => (
            <li key={caveat}>{t(`effects.caveats.${caveat}`, { count: EFFECT_MIN_CLIENTS })}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
