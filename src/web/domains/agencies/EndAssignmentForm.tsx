import {
  ASSIGNMENT_END_REASONS,
  type AssignmentEndInput,
  type AssignmentEndReason,
  type AssignmentOutput,
  assignmentEndInput,
} from "@shared/schemas/agencies.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { focusOnMount } from "@web/components/focus.js";
import { formatLongDate } from "@web/components/format.js";
import { Button, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { type FieldError, formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEndAssignment } from "./api.js";

const FIELDS = ["endedOn", "reason", "note"] as const;

/**
 * Ending an assignment early: the date (today to begin with) and a reason from the list, with words if wanted, then
 * a confirmation that says what follows before anything is sent. The shared schema checks the form as the server
 * does; the server checks the date against the period.
 */
export function EndAssignmentForm({
  assignment,
  onDone,
}: {
  assignment: AssignmentOutput;
  onDone: (ended: AssignmentOutput | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const end = useEndAssignment();
  const [endedOn, setEndedOn] = useState(() => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date()));
  const [reason, setReason] = useState<AssignmentEndReason | "">("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState<AssignmentEndInput | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const serverErrors = useMemo(() => formErrorsOf(end.error, t, FIELDS), [end.error, t]);
  const list = localErrors.length > 0 ? localErrors : serverErrors.list;
  const byField = localErrors.length > 0 ? Object.fromEntries(localErrors.map((e) => [e.name, e.message])) : serverErrors.byField;

  function check(event: FormEvent) {
    event.preventDefault();
    const parsed = assignmentEndInput.safeParse({
      endedOn: endedOn || undefined,
      reason: reason || undefined,
      note: note.trim() || undefined,
    });
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      const errors: FieldError[] = [];
      if (paths.has("endedOn")) errors.push({ name: "endedOn", message: t("fieldErrors.endedOn.invalid_format") });
      if (paths.has("reason")) errors.push({ name: "reason", message: t("fieldErrors.required") });
      if (paths.has("note")) errors.push({ name: "note", message: t(note.trim() ? "fieldErrors.note.too_small" : "fieldErrors.required") });
      setLocalErrors(errors);
      return;
    }
    setLocalErrors([]);
    end.reset();
    setConfirming(parsed.data);
  }

  function confirm() {
    if (!confirming) return;
    end.mutate({ id: assignment.id, input: confirming }, { onSuccess: (ended) => onDone(ended), onError: () => setConfirming(null) });
  }

  return (
    <section className="nv-panel" aria-labelledby="end-assignment-title">
      <Heading level={3} id="end-assignment-title" ref={focusOnMount} tabIndex={-1} className="nv-panel__title">
        {t("agencies.endTitle", { client: assignment.clientName, agency: assignment.agencyName })}
      </Heading>
      {confirming ? (
        <div className="nv-confirm">
          <Paragraph>
            {t("agencies.endConfirm", {
              client: assignment.clientName,
              agency: assignment.agencyName,
              date: formatLongDate(confirming.endedOn ?? endedOn, i18n.language),
            })}
          </Paragraph>
          <div className="nv-form__actions">
            <Button appearance="primary-action-button" type="button" busy={end.isPending} onClick={confirm}>
              {t("agencies.endConfirmYes")}
            </Button>
            <SecondaryActionButton type="button" onClick={() => setConfirming(null)}>
              {t("agencies.endConfirmBack")}
            </SecondaryActionButton>
          </div>
        </div>
      ) : (
        <>
          <Paragraph>{t("agencies.endIntro")}</Paragraph>
          <ErrorSummary errors={list} />
          <ProblemAlert error={serverErrors.other} />
          <form onSubmit={check} noValidate className="nv-form">
            <TextField
              name="endedOn"
              type="date"
              label={t("agencies.endedOnField")}
              description={t("agencies.endedOnHint", {
                start: formatLongDate(assignment.startDate, i18n.language),
                end: formatLongDate(assignment.plannedEndDate, i18n.language),
              })}
              value={endedOn}
              onChange={setEndedOn}
              error={byField.endedOn}
              required
            />
            <SelectField
              name="reason"
              label={t("agencies.endReasonField")}
              value={reason}
              onChange={(value) => setReason(value as AssignmentEndReason | "")}
              error={byField.reason}
              required
              options={[
                { value: "", label: t("agencies.chooseReason") },
                ...ASSIGNMENT_END_REASONS.map((code) => ({ value: code, label: t(`agencies.endReasons.${code}`) })),
              ]}
            />
            <TextAreaField
              name="note"
              label={reason === "other" ? t("agencies.endNoteField") : t("form.optional", { label: t("agencies.endNoteField") })}
              description={t("agencies.endNoteHint")}
              value={note}
              onChange={setNote}
              error={byField.note}
              rows={3}
              required={reason === "other"}
            />
            <div className="nv-form__actions">
              <PrimaryActionButton type="submit">{t("agencies.endNext")}</PrimaryActionButton>
              <SecondaryActionButton type="button" onClick={() => onDone(null)}>
                {t("form.cancel")}
              </SecondaryActionButton>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
