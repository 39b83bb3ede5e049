import { todayInAmsterdam } from "@shared/dates.js";
import type { BuddyPairingOutput } from "@shared/schemas/buddies.js";
import { Alert } from "@web/components/Alert.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextField } from "@web/components/fields.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecordMeeting } from "./api.js";

interface MeetingFormProps {
  pairing: BuddyPairingOutput;
  /** The heading level of the form's title within the page. */
  level: 3 | 4 | 5;
}

/**
 * The meetings of a pair, and recording one (when the server allows it): the day and how long. The buddy's hours
 * count as their contribution. Several pairs can be on one page, so each form's fields carry the pairing's id.
 */
export function MeetingForm({ pairing, level }: MeetingFormProps) {
  const { t, i18n } = useTranslation();
  const record = useRecordMeeting(pairing.id);
  const [heldOn, setHeldOn] = useState(todayInAmsterdam);
  const [hours, setHours] = useState("");
  const controls = useMemo(() => ({ heldOn: `heldOn-${pairing.id}`, hours: `hours-${pairing.id}` }), [pairing.id]);
  const errors = useMemo(() => formErrorsOf(record.error, t, ["heldOn", "hours"], controls), [record.error, t, controls]);
  const titleId = `meeting-${pairing.id}`;
  const last = pairing.meetings.reduce<string | null>((latest, m) => (latest === null || m.heldOn > latest ? m.heldOn : latest), null);

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({ heldOn, hours: toNumber(hours) as number }, { onSuccess: () => setHours("") });
  }

  return (
    <div className="nv-stack">
      <Paragraph>
        {pairing.meetings.length === 0
          ? t("buddies.meetings.none")
          : t("buddies.meetings.summary", {
              count: pairing.meetings.length,
              hours: formatHours(pairing.meetingHours, i18n.language),
              last: formatLongDate(last, i18n.language),
            })}
      </Paragraph>
      {pairing.abilities.recordMeeting ? (
        <form className="nv-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
          <Heading level={level} id={titleId}>
            {t("buddies.meetings.title", { name: pairing.partner.firstName })}
          </Heading>
          <FormProblems errors={errors} />
          <FieldGrid>
            <TextField
              name={controls.heldOn}
              type="date"
              label={t("buddies.meetings.heldOn")}
              value={heldOn}
              onChange={setHeldOn}
              error={errors.byField[controls.heldOn]}
            />
            <TextField
              name={controls.hours}
              inputMode="decimal"
              label={t("buddies.meetings.hours")}
              description={t("buddies.meetings.hoursHint")}
              value={hours}
              onChange={setHours}
              error={errors.byField[controls.hours]}
            />
          </FieldGrid>
          <FormActions submitLabel={t("buddies.meetings.submit")} busy={record.isPending} />
          {record.isSuccess ? (
            <Alert type="ok" role="status">
              {t("buddies.meetings.recorded")}
            </Alert>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
