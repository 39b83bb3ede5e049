import { EXPENSE_KINDS } from "@shared/schemas/host-partnership.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useExpenseAction, useExpenses } from "./hostStepsApi.js";

const FIELDS = ["kind", "period", "amount", "description"] as const;

const euro = (amount: number, language: string) =>
  new Intl.NumberFormat(language === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" }).format(amount);

/** What a volunteer is owed: the expense allowance per month, paid or not, within the year's tax-free limits. */
export function ExpensesSection({ placementId }: { placementId: string }) {
  const { t, i18n } = useTranslation();
  const expenses = useExpenses(placementId);
  const action = useExpenseAction(placementId);
  const [values, setValues] = useState({ kind: "travel", period: "", amount: "", description: "" });
  const errors = useMemo(() => formErrorsOf(action.error, t, FIELDS), [action.error, t]);
  const data = expenses.data;
  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { kind: "expenses", body: { ...values, amount: Number(values.amount.replace(",", ".")), description: values.description || null } },
      { onSuccess: () => setValues((v) => ({ ...v, amount: "", description: "" })) },
    );
  }
  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="expenses-title">
      <Heading level={2} id="expenses-title" className="nv-panel__title">
        {t("expenses.title")}
      </Heading>
      <ProblemAlert error={expenses.error} />
      {data?.limits.map((limit) => (
        <Paragraph key={limit.year}>
          {t("expenses.limits", {
            year: limit.year,
            hourly: euro(limit.hourlyAmount, i18n.language),
            monthly: euro(limit.monthlyAmount, i18n.language),
            yearly: euro(limit.yearlyAmount, i18n.language),
          })}
        </Paragraph>
      ))}
      {data && data.items.length === 0 ? <Paragraph>{t("expenses.none")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <ScrollRegion labelledBy="expenses-caption">
          <table className="utrecht-table utrecht-table--html-table nv-table">
            <caption id="expenses-caption" className="utrecht-table__caption">
              {t("expenses.title")}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t("expenses.period")}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t("expenses.kind")}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t("expenses.amount")}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t("expenses.paid")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.items.map((item) => (
                <tr key={item.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{item.period}</td>
                  <td className="utrecht-table__cell">{t(`expenses.kinds.${item.kind}`)}</td>
                  <td className="utrecht-table__cell">{euro(item.amount, i18n.language)}</td>
                  <td className="utrecht-table__cell">
                    {item.paidOn ? (
                      formatDate(item.paidOn, i18n.language)
                    ) : item.abilities.markPaid ? (
                      <SecondaryActionButton
                        type="button"
                        onClick={() => action.mutate({ kind: "expense-payments", body: { expenseId: item.id, paidOn: todayIso() } })}
                      >
                        {t("expenses.markPaid")}
                        <span className="nv-visually-hidden"> ({item.period})</span>
                      </SecondaryActionButton>
                    ) : (
                      t("expenses.notPaid")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {data?.abilities.record ? (
        <form onSubmit={submit} noValidate className="nv-form" aria-labelledby="expense-form-title">
          <Heading level={3} id="expense-form-title">
            {t("expenses.add")}
          </Heading>
          <ErrorSummary errors={errors.list} />
          <ProblemAlert error={errors.other} />
          <SelectField
            name="expenseKind"
            label={t("expenses.kind")}
            value={values.kind}
            onChange={(kind) => setValues((v) => ({ ...v, kind }))}
            options={EXPENSE_KINDS.map((value) => ({ value, label: t(`expenses.kinds.${value}`) }))}
          />
          <TextField
            name="expensePeriod"
            type="month"
            label={t("expenses.period")}
            description={t("expenses.periodHint")}
            value={values.period}
            onChange={(period) => setValues((v) => ({ ...v, period }))}
            error={errors.byField.period}
          />
          <TextField
            name="expenseAmount"
            inputMode="decimal"
            label={t("expenses.amount")}
            value={values.amount}
            onChange={(amount) => setValues((v) => ({ ...v, amount }))}
            error={errors.byField.amount}
          />
          <TextField
            name="expenseDescription"
            label={t("expenses.description")}
            value={values.description}
            onChange={(description) => setValues((v) => ({ ...v, description }))}
            error={errors.byField.description}
          />
          <div className="nv-form__actions">
            <PrimaryActionButton type="submit" busy={action.isPending}>
              {t("expenses.save")}
            </PrimaryActionButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** Today's date in the browser, for "paid today"; the server refuses a date in the future. */
function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
