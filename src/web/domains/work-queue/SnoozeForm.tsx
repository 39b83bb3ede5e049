import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { WorkQueueReason } from "@shared/schemas/work-queue.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSetAside } from "./api.js";

const FIELDS = ["snoozedUntil", "note"] as const;

interface SnoozeFormProps {
  clientId: string;
  reason: WorkQueueReason;
  name: string;
  onSnoozed: (until: string) => void;
  onCancel: () => void;
}

/** Sets one reason aside until a date (a week from now, to begin with), with a note saying why; the server checks the date. */
export function SnoozeForm({ clientId, reason, name, onSnoozed, onCancel }: SnoozeFormProps) {
  const { t } = useTranslation();
  const setAside = useSetAside(clientId);
  const [until, setUntil] = useState(() => addDays(todayInAmsterdam(), 7));
  const [note, setNote] = useState("");
  const errors = useMemo(() => formErrorsOf(setAside.error, t, FIELDS), [setAside.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAside.mutate({ disposition: "snoozed", reason, snoozedUntil: until, note }, { onSuccess: () => onSnoozed(until) });
  }

  return (
    <form onSubmit={submit} noValidate className="nv-form nv-snooze-form">
      <fieldset className="nv-snooze-form__fields">
        <legend>{t("workQueue.snoozeLegend", { name })}</legend>
        <ErrorSummary errors={errors.list} />
        <ProblemAlert error={errors.other} />
        <TextField
          name="snoozedUntil"
          type="date"
          label={t("workQueue.snoozeUntil")}
          value={until}
          onChange={setUntil}
          error={errors.byField.snoozedUntil}
        />
        <TextField
          name="note"
          label={t("workQueue.snoozeNote")}
          value={note}
          onChange={setNote}
          error={errors.byField.note}
          autoComplete="off"
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={setAside.isPending}>
            {t("workQueue.snoozeSave")}
          </PrimaryActionButton>
          <SecondaryActionButton type="button" onClick={onCancel}>
            {t("workQueue.cancel")}
          </SecondaryActionButton>
        </div>
      </fieldset>
    </form>
  );
}
