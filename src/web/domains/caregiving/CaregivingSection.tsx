import { todayInAmsterdam } from "@shared/dates.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextField } from "@web/components/fields.js";
import { formatDate, formatHours } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { type CaregivingOutput, useCaregiving, useEndCaregiving } from "./api.js";
import { CaregivingForm } from "./CaregivingForm.js";

const HEADERS = ["relation", "hoursPerWeek", "since", "judgement", "status", "actions"];

function EndCaregivingForm({ care, clientId, onDone }: { care: CaregivingOutput; clientId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const end = useEndCaregiving(clientId);
  const [endedOn, setEndedOn] = useState(todayInAmsterdam);
  const errors = useMemo(() => formErrorsOf(end.error, t, ["endedOn"], { endedOn: "careEndedOn" }), [end.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    end.mutate({ id: care.id, endedOn }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="end-care-title">
      <Heading level={4} id="end-care-title" className="nv-panel__title">
        {t("caregiving.endTitle", { relation: t(`careRelation.${care.relation}`) })}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="careEndedOn"
          type="date"
          label={t("caregiving.endedOn")}
          value={endedOn}
          onChange={setEndedOn}
          error={errors.byField.careEndedOn}
        />
        <FormActions submitLabel={t("caregiving.endSubmit")} busy={end.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}

/** Caregiving (mantelzorg) the client gives; beyond customary care it counts as the contribution. */
export function CaregivingSection({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const caregiving = useCaregiving(client.id);
  const [ending, setEnding] = useState<CaregivingOutput | null>(null);
  const [ended, setEnded] = useState(false);
  const items = caregiving.data?.items ?? [];
  const endButtonId = (id: string) => `care-end-${id}`;

  function done(care: CaregivingOutput, saved: boolean) {
    setEnding(null);
    setEnded(saved);
    setTimeout(() => document.getElementById(endButtonId(care.id))?.focus(), 0);
  }

  return (
    <section aria-labelledby="caregiving-title" className="nv-section nv-stack">
      <Heading level={3} id="caregiving-title">
        {t("caregiving.title")}
      </Heading>
      <Paragraph>{me.role === "client" ? t("caregiving.introClient") : t("caregiving.intro")}</Paragraph>
      <ProblemAlert error={caregiving.error} />
      {ended ? (
        <Alert type="ok" role="status">
          {t("caregiving.ended")}
        </Alert>
      ) : null}
      {caregiving.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {caregiving.data && items.length === 0 ? <Paragraph>{t("caregiving.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable
          id="caregiving"
          caption={t("caregiving.caption", { count: items.length, name: client.givenName })}
          headers={HEADERS.map((header) => t(`caregiving.columns.${header}`))}
          className="nv-table--top"
        >
          {items.map((care) => (
            <tr key={care.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                {t(`careRelation.${care.relation}`)}
                {care.description ? <span className="nv-cell-note">{care.description}</span> : null}
              </th>
              <td className="utrecht-table__cell">{formatHours(care.hoursPerWeek, i18n.language)}</td>
              <td className="utrecht-table__cell nv-nowrap">{formatDate(care.since, i18n.language)}</td>
              <td className="utrecht-table__cell">
                {care.beyondCustomaryCare ? t("caregiving.beyond") : t("caregiving.customary")}
                <span className="nv-cell-note">{care.judgementReason}</span>
                {care.judgedBy ? <span className="nv-cell-note">{t("caregiving.judgedBy", { name: care.judgedBy })}</span> : null}
              </td>
              <td className="utrecht-table__cell">
                <span className={`nv-status nv-status--${care.status}`}>
                  {care.status === "ended"
                    ? t("caregiving.endedOnDate", { date: formatDate(care.endedOn, i18n.language) })
                    : t("caregiving.active")}
                </span>
                {care.countsAsContribution ? <span className="nv-cell-note">{t("caregiving.countsAsContribution")}</span> : null}
              </td>
              <td className="utrecht-table__cell">
                {care.abilities.end ? (
                  <SecondaryActionButton
                    type="button"
                    id={endButtonId(care.id)}
                    aria-expanded={ending?.id === care.id}
                    onClick={() => {
                      setEnded(false);
                      setEnding(care);
                    }}
                  >
                    {t("caregiving.end")}
                    <span className="nv-visually-hidden"> ({t(`careRelation.${care.relation}`)})</span>
                  </SecondaryActionButton>
                ) : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {ending ? <EndCaregivingForm key={ending.id} care={ending} clientId={client.id} onDone={(saved) => done(ending, saved)} /> : null}
      {caregiving.data?.abilities.record ? (
        <CaregivingForm clientId={client.id} clientName={`${client.givenName} ${client.familyName}`} />
      ) : null}
    </section>
  );
}
