import type { municipalSupportInput, municipalSupportList } from "@shared/schemas/host-partnership.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextField } from "@web/components/fields.js";
import { formatDate, formatHours } from "@web/components/format.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

type SupportList = z.infer<typeof municipalSupportList>;
type SupportInput = z.infer<typeof municipalSupportInput>;

const EMPTY = { hoursPerWeek: "", startsOn: "", endsOn: "", description: "" };

/** Records guidance the municipality buys for the organisation: hours a week, for a period, and what is bought. */
function SupportForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (input: SupportInput) =>
      api<SupportList>(`/organisations/${organisationId}/municipal-support`, { method: "POST", body: input }),
    onSuccess: (list) => {
      queryClient.setQueryData(["municipal-support", organisationId], list);
      void queryClient.invalidateQueries({ queryKey: ["guidance", organisationId] });
    },
  });
  const [values, setValues] = useState(EMPTY);
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errors = useMemo(() => formErrorsOf(record.error, t, Object.keys(EMPTY)), [record.error, t]);
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({ ...values, hoursPerWeek: toNumber(values.hoursPerWeek) as number }, { onSuccess: () => setValues(EMPTY) });
  }
  return (
    <form className="nv-form" onSubmit={submit} noValidate aria-labelledby="support-form-title">
      <Heading level={3} id="support-form-title">
        {t("municipalSupport.formTitle")}
      </Heading>
      <FormProblems errors={errors} />
      <FieldGrid>
        <TextField
          name="hoursPerWeek"
          inputMode="decimal"
          label={t("municipalSupport.hoursPerWeek")}
          value={values.hoursPerWeek}
          onChange={set("hoursPerWeek")}
          error={errors.byField.hoursPerWeek}
        />
        <TextField
          name="startsOn"
          type="date"
          label={t("municipalSupport.startsOn")}
          value={values.startsOn}
          onChange={set("startsOn")}
          error={errors.byField.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t("municipalSupport.endsOn")}
          value={values.endsOn}
          onChange={set("endsOn")}
          error={errors.byField.endsOn}
        />
        <TextField
          name="description"
          label={t("municipalSupport.description")}
          description={t("municipalSupport.descriptionHint")}
          value={values.description}
          onChange={set("description")}
          error={errors.byField.description}
        />
      </FieldGrid>
      <FormActions submitLabel={t("municipalSupport.submit")} busy={record.isPending} />
      {record.isSuccess ? (
        <Alert type="ok" role="status">
          {t("municipalSupport.recorded")}
        </Alert>
      ) : null}
    </form>
  );
}

/**
 * The guidance the municipality bought for the organisation (a small organisation cannot always guide newcomers on its
 * own): each period with its hours a week, and those in force counting in the organisation's guidance supply.
 */
export function MunicipalSupport({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const support = useQuery({
    queryKey: ["municipal-support", organisationId],
    queryFn: () => api<SupportList>(`/organisations/${organisationId}/municipal-support`),
  });
  const data = support.data;
  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="support-title">
      <Heading level={2} id="support-title" className="nv-panel__title">
        {t("municipalSupport.title")}
      </Heading>
      <ProblemAlert error={support.error} />
      {data ? (
        <Paragraph>
          {t("municipalSupport.totals", {
            declared: formatHours(data.declaredHoursPerWeek, i18n.language),
            bought: formatHours(data.supportHoursPerWeek, i18n.language),
          })}
        </Paragraph>
      ) : null}
      {data && data.items.length === 0 ? <Paragraph>{t("municipalSupport.none")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <ScrollTable
          id="support"
          caption={t("municipalSupport.caption", { count: data.items.length })}
          headers={(["period", "hoursPerWeek", "description", "inForce"] as const).map((key) => t(`municipalSupport.${key}`))}
        >
          {data.items.map((item) => (
            <tr key={item.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                {t("municipalSupport.periodValue", {
                  from: formatDate(item.startsOn, i18n.language),
                  to: formatDate(item.endsOn, i18n.language),
                })}
              </td>
              <td className="utrecht-table__cell">{formatHours(item.hoursPerWeek, i18n.language)}</td>
              <td className="utrecht-table__cell">{item.description}</td>
              <td className="utrecht-table__cell">{t(item.current ? "municipalSupport.yes" : "municipalSupport.no")}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {data?.abilities.record ? <SupportForm organisationId={organisationId} /> : null}
    </section>
  );
}
