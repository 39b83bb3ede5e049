import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlacementSummary, usePlacementAction } from "./api.js";
import { HostProfile } from "./HostProfile.js";

const FIELDS = ["reason"] as const;

/** One referral for the host: who, for which role, and accept or decline with a reason. */
export function ReferralCard({ placement, onDecided }: { placement: PlacementSummary; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const action = usePlacementAction(placement.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const errors = useMemo(() => formErrorsOf(action.error, t, FIELDS), [action.error, t]);
  const name = placement.clientGivenName;
  const headingId = `referral-${placement.id}`;
  const reasonName = `reason-${placement.id}`;
  const fieldErrors = { ...errors, list: errors.list.map((error) => ({ ...error, name: error.name ? reasonName : "" })) };

  function decline(event: FormEvent) {
    event.preventDefault();
    action.mutate({ kind: "decline", reason }, { onSuccess: () => onDecided(t("referrals.declined", { name })) });
  }

  return (
    <section aria-labelledby={headingId} className="nv-panel">
      <Heading level={3} id={headingId} className="nv-panel__title">
        {t("referrals.cardTitle", { name, role: placement.roleTitle })}
      </Heading>
      <Paragraph>{t("referrals.since", { date: formatLongDate(placement.createdAt, i18n.language) })}</Paragraph>
      <HostProfile clientId={placement.clientId} />
      <ErrorSummary errors={fieldErrors.list} />
      <ProblemAlert error={errors.other} />
      {declining ? (
        <form onSubmit={decline} noValidate className="nv-form">
          <TextAreaField
            name={reasonName}
            label={t("referrals.declineReason", { name })}
            value={reason}
            onChange={setReason}
            error={errors.byField.reason}
            rows={3}
          />
          <FormActions submitLabel={t("referrals.declineConfirm")} busy={action.isPending} onCancel={() => setDeclining(false)} />
        </form>
      ) : (
        <div className="nv-form__actions">
          <PrimaryActionButton
            type="button"
            busy={action.isPending}
            onClick={() => action.mutate({ kind: "accept" }, { onSuccess: () => onDecided(t("referrals.accepted", { name })) })}
          >
            {t("referrals.accept", { name })}
          </PrimaryActionButton>
          <SecondaryActionButton type="button" onClick={() => setDeclining(true)}>
            {t("referrals.decline", { name })}
          </SecondaryActionButton>
        </div>
      )}
    </section>
  );
}
