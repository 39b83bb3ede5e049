import type { AllowanceLimitsOutput, allowanceLimitsInput, allowanceLimitsList } from "@shared/schemas/host-partnership.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextField } from "@web/components/fields.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useCurrentUser } from "../session/CurrentUser.js";

type LimitsInput = z.infer<typeof allowanceLimitsInput>;
const FIELDS = ["year", "hourlyAmount", "monthlyAmount", "yearlyAmount", "source"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/** Adds a year's limits, or corrects one, with where the amounts come from. */
function LimitsForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: LimitsInput) => api<AllowanceLimitsOutput>("/volunteer-allowance-limits", { method: "PUT", body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["volunteer-allowance-limits"] }),
  });
  const empty: Values = { year: "", hourlyAmount: "", monthlyAmount: "", yearlyAmount: "", source: "" };
  const [values, setValues] = useState(empty);
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errors = useMemo(() => formErrorsOf(save.error, t, FIELDS), [save.error, t]);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        year: toNumber(values.year) as number,
        hourlyAmount: toNumber(values.hourlyAmount) as number,
        monthlyAmount: toNumber(values.monthlyAmount) as number,
        yearlyAmount: toNumber(values.yearlyAmount) as number,
        source: values.source,
      },
      { onSuccess: () => setValues(empty) },
    );
  }
  return (
    <form className="nv-form" onSubmit={submit} noValidate aria-labelledby="allowance-form-title">
      <Heading level={3} id="allowance-form-title">
        {t("allowanceLimits.formTitle")}
      </Heading>
      <Paragraph>{t("allowanceLimits.formIntro")}</Paragraph>
      <FormProblems errors={errors} />
      <FieldGrid>
        {FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            inputMode={field === "source" ? undefined : field === "year" ? "numeric" : "decimal"}
            label={t(`allowanceLimits.${field}`)}
            value={values[field]}
            onChange={set(field)}
            error={errors.byField[field]}
          />
        ))}
      </FieldGrid>
      <FormActions submitLabel={t("allowanceLimits.submit")} busy={save.isPending} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          {t("allowanceLimits.saved", { year: save.data.year })}
        </Alert>
      ) : null}
    </form>
  );
}

/**
 * The tax-free limits of the volunteer allowance by year (vrijwilligersvergoeding), which every recorded expense
 * allowance is checked against; the admin adds each new year when the Belastingdienst publishes it.
 */
export function AllowanceLimits() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const limits = useQuery({
    queryKey: ["volunteer-allowance-limits"],
    queryFn: () => api<z.infer<typeof allowanceLimitsList>>("/volunteer-allowance-limits"),
  });
  const euro = (amount: number) => new Intl.NumberFormat(i18n.language, { style: "currency", currency: "EUR" }).format(amount);
  const items = [...(limits.data?.items ?? [])].sort((a, b) => b.year - a.year);
  return (
    <section aria-labelledby="allowance-title">
      <Heading level={2} id="allowance-title">
        {t("allowanceLimits.title")}
      </Heading>
      <Paragraph>{t("allowanceLimits.intro")}</Paragraph>
      <ProblemAlert error={limits.error} />
      {items.length > 0 ? (
        <ScrollTable
          id="allowance-limits"
          caption={t("allowanceLimits.caption")}
          headers={(["year", "hourlyAmount", "monthlyAmount", "yearlyAmount", "source"] as const).map((key) => t(`allowanceLimits.${key}`))}
        >
          {items.map((item) => (
            <tr key={item.year} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                {item.year}
              </th>
              <td className="utrecht-table__cell">{euro(item.hourlyAmount)}</td>
              <td className="utrecht-table__cell">{euro(item.monthlyAmount)}</td>
              <td className="utrecht-table__cell">{euro(item.yearlyAmount)}</td>
              <td className="utrecht-table__cell">{item.source}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {me.abilities.setAllowanceLimits ? <LimitsForm /> : null}
    </section>
  );
}
