import type { StatePensionAgeRow } from "@shared/schemas/registry.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type StatePensionAges, useSaveStatePensionAges } from "./api.js";

/** A row's birth dates in words: an open start or end says "before" or "from". */
function bornText(row: StatePensionAgeRow, t: (key: string, values?: Record<string, string>) => string, language: string) {
  if (row.bornFrom === null && row.bornUntil === null) return t("registry.pension.everyone");
  if (row.bornFrom === null) return t("registry.pension.until", { until: formatDate(row.bornUntil ?? "", language) });
  if (row.bornUntil === null) return t("registry.pension.from", { from: formatDate(row.bornFrom, language) });
  return t("registry.pension.between", { from: formatDate(row.bornFrom, language), until: formatDate(row.bornUntil, language) });
}

/** The table's rows as the edit form holds them: text, so that a field can be empty while typing. */
type Draft = { bornFrom: string; bornUntil: string; years: string; months: string };
const draftOf = (row: StatePensionAgeRow): Draft => ({
  bornFrom: row.bornFrom ?? "",
  bornUntil: row.bornUntil ?? "",
  years: String(row.years),
  months: String(row.months),
});
const rowOf = (draft: Draft): StatePensionAgeRow => ({
  bornFrom: draft.bornFrom || null,
  bornUntil: draft.bornUntil || null,
  years: Number(draft.years),
  months: Number(draft.months),
});

/** The state pension age (AOW) by birth date; an admin changes it when the government sets a new age. */
export function PensionAgesSection({ table }: { table: StatePensionAges }) {
  const { t, i18n } = useTranslation();
  const [drafts, setDrafts] = useState<Draft[]>(() => table.items.map(draftOf));
  const save = useSaveStatePensionAges();
  const errors = useMemo(() => formErrorsOf(save.error, t, []), [save.error, t]);
  const change = (i: number, field: keyof Draft, value: string) =>
    setDrafts((rows) => rows.map((row, j) => (j === i ? { ...row, [field]: value } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(drafts.map(rowOf));
  }

  return (
    <section className="nv-panel" aria-labelledby="registry-pension-title">
      <Heading level={2} id="registry-pension-title" className="nv-panel__title">
        {t("registry.pension.title")}
      </Heading>
      <Paragraph>{t("registry.pension.intro")}</Paragraph>
      <ScrollTable
        id="pension-ages"
        caption={t("registry.pension.caption")}
        headers={[t("registry.pension.columns.born"), t("registry.pension.columns.age")]}
      >
        {table.items.map((row) => (
          <tr key={`${row.bornFrom}-${row.bornUntil}`} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__cell nv-table__row-header">
              {bornText(row, t, i18n.language)}
            </th>
            <td className="utrecht-table__cell">{t("registry.pension.age", { years: String(row.years), months: String(row.months) })}</td>
          </tr>
        ))}
      </ScrollTable>
      {table.abilities.update ? (
        <form onSubmit={submit} noValidate className="nv-form" aria-labelledby="registry-pension-edit">
          <Heading level={3} id="registry-pension-edit">
            {t("registry.pension.editTitle")}
          </Heading>
          {save.isSuccess ? (
            <Alert type="ok" role="status">
              {t("registry.pension.saved")}
            </Alert>
          ) : null}
          <ErrorSummary errors={errors.list} />
          <ProblemAlert error={errors.other} />
          {drafts.map((draft, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while they are edited
            <fieldset key={i} className="nv-fieldset nv-pension-row">
              <legend>{t("registry.pension.row", { number: String(i + 1) })}</legend>
              {(["bornFrom", "bornUntil", "years", "months"] as const).map((field) => (
                <div key={field} className="nv-form__field">
                  <label htmlFor={`pension-${i}-${field}`}>{t(`registry.pension.fields.${field}`)}</label>
                  <input
                    id={`pension-${i}-${field}`}
                    className="utrecht-textbox utrecht-textbox--html-input"
                    type={field === "years" || field === "months" ? "number" : "date"}
                    value={draft[field]}
                    onChange={(event) => change(i, field, event.target.value)}
                  />
                </div>
              ))}
            </fieldset>
          ))}
          <div className="nv-form__actions">
            <SecondaryActionButton
              type="button"
              onClick={() => setDrafts((rows) => [...rows, { bornFrom: "", bornUntil: "", years: "67", months: "0" }])}
            >
              {t("registry.pension.addRow")}
            </SecondaryActionButton>
            <PrimaryActionButton type="submit" busy={save.isPending}>
              {t("registry.pension.save")}
            </PrimaryActionButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}
