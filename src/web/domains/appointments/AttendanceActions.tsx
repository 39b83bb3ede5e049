import type { AppointmentOutput } from "@shared/schemas/appointments.js";
import { Button, SecondaryActionButton } from "@web/components/nlds.js";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AttendanceStatus, hasStarted } from "./api.js";

interface AttendanceActionsProps {
  appointment: AppointmentOutput;
  /** Said after each button for screen readers: which appointment it is about. */
  context: string;
  busy: boolean;
  onRecord: (status: AttendanceStatus) => void;
}

/**
 * The buttons to record what happened. "Missed" and "cancelled" cannot be undone and have consequences (a
 * missed intake leads to a new invitation), so they ask once more.
 */
export function AttendanceActions({ appointment, context, busy, onRecord }: AttendanceActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<AttendanceStatus | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const started = hasStarted(appointment);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const hidden = <span className="nv-visually-hidden"> ({context})</span>;

  if (confirming) {
    return (
      <fieldset className="nv-confirm">
        <legend className="nv-confirm__text">{t(`appointments.confirm.${confirming}`)}</legend>
        <div className="nv-cell-actions">
          <Button appearance="primary-action-button" ref={confirmButton} type="button" busy={busy} onClick={() => onRecord(confirming)}>
            {t(`appointments.confirmYes.${confirming}`)}
          </Button>
          <SecondaryActionButton type="button" onClick={() => setConfirming(null)}>
            {t("appointments.confirmNo")}
          </SecondaryActionButton>
        </div>
      </fieldset>
    );
  }

  return (
    <div className="nv-cell-actions">
      {started ? (
        <>
          <SecondaryActionButton type="button" busy={busy} onClick={() => onRecord("attended")}>
            {t("appointments.attended")}
            {hidden}
          </SecondaryActionButton>
          <SecondaryActionButton type="button" onClick={() => setConfirming("missed")}>
            {t("appointments.missed")}
            {hidden}
          </SecondaryActionButton>
        </>
      ) : (
        <span className="nv-muted nv-small">{t("appointments.notStarted")}</span>
      )}
      <SecondaryActionButton type="button" onClick={() => setConfirming("cancelled")}>
        {t("appointments.cancel")}
        {hidden}
      </SecondaryActionButton>
    </div>
  );
}
