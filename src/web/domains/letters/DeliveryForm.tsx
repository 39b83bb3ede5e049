import { todayInAmsterdam } from "@shared/dates.js";
import { DELIVERY_STATUSES, type DeliveryStatus, type LetterOutput } from "@shared/schemas/letters.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Heading } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecordDelivery } from "./api.js";

const FIELDS = ["trackingNumber", "status", "occurredOn"] as const;

interface DeliveryFormProps {
  letter: LetterOutput;
  onDone: (saved: boolean) => void;
}

/** Records the post's tracking number and the delivery status of one registered letter. */
export function DeliveryForm({ letter, onDone }: DeliveryFormProps) {
  const { t } = useTranslation();
  const record = useRecordDelivery(letter.clientId);
  const heading = useRef<HTMLHeadingElement>(null);
  const [trackingNumber, setTrackingNumber] = useState(letter.trackingNumber ?? "");
  const [status, setStatus] = useState<DeliveryStatus>(letter.deliveryStatus);
  // The day it happened at the post; today unless the consultant says otherwise.
  const [occurredOn, setOccurredOn] = useState(todayInAmsterdam());
  const errors = useMemo(() => formErrorsOf(record.error, t, FIELDS), [record.error, t]);

  // The form opens below the table: take the keyboard there.
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Spaces are how people read the code aloud, not part of it.
    const code = trackingNumber.replace(/\s+/g, "");
    record.mutate(
      { letterId: letter.id, input: { status, occurredOn, ...(code ? { trackingNumber: code } : {}) } },
      { onSuccess: () => onDone(true) },
    );
  }

  return (
    <section className="nv-panel" aria-labelledby="delivery-title">
      <Heading level={3} id="delivery-title" ref={heading} tabIndex={-1} className="nv-panel__title">
        {t("letters.deliveryTitle", { reference: letter.reference })}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="trackingNumber"
          label={t("letters.trackingNumber")}
          description={t("letters.trackingNumberHint")}
          value={trackingNumber}
          onChange={setTrackingNumber}
          error={errors.byField.trackingNumber}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          name="status"
          label={t("letters.deliveryStatus")}
          description={t("letters.deliveryStatusHint")}
          value={status}
          onChange={(value) => setStatus(value as DeliveryStatus)}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: t(`deliveryStatus.${value}`) }))}
          error={errors.byField.status}
        />
        <TextField
          name="occurredOn"
          type="date"
          label={t("letters.occurredOn")}
          description={t("letters.occurredOnHint")}
          value={occurredOn}
          onChange={setOccurredOn}
          error={errors.byField.occurredOn}
          className="nv-input--short"
        />
        <FormActions submitLabel={t("letters.saveDelivery")} busy={record.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}
