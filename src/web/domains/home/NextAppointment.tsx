import type { ClientOverview } from "@shared/schemas/overview.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextAreaField } from "@web/components/fields.js";
import { formatTime, formatWeekdayDate } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRequestReschedule } from "./api.js";

type Appointment = NonNullable<ClientOverview["nextAppointment"]>;

/** "Ik kan niet": the client asks for another time, with a reason if they want to give one. */
function RescheduleForm({
  clientId,
  appointment,
  onDone,
}: {
  clientId: string;
  appointment: Appointment;
  onDone: (sent: boolean) => void;
}) {
  const { t } = useTranslation();
  const request = useRequestReschedule(clientId, appointment.id);
  const [reason, setReason] = useState("");
  const errors = useMemo(() => formErrorsOf(request.error, t, ["reason"], { reason: "rescheduleReason" }), [request.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(reason.trim() ? { reason } : {}, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="reschedule-title">
      <Heading level={3} id="reschedule-title" className="nv-panel__title">
        {t("start.appointment.formTitle")}
      </Heading>
      <Paragraph>{t("start.appointment.formIntro")}</Paragraph>
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextAreaField
          name="rescheduleReason"
          label={t("start.appointment.reason")}
          description={t("start.appointment.reasonHint")}
          value={reason}
          onChange={setReason}
          maxLength={1000}
          rows={3}
          error={errors.byField.rescheduleReason}
        />
        <FormActions submitLabel={t("start.appointment.submit")} busy={request.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}

/** The next appointment: when, where and with whom; "Ik kan niet" when the server allows it. */
export function NextAppointment({ clientId, appointment }: { clientId: string; appointment: Appointment | null }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);

  return (
    <section aria-labelledby="next-appointment-title" className="nv-start__block">
      <Heading level={2} id="next-appointment-title">
        {t("start.appointment.title")}
      </Heading>
      {appointment ? (
        <>
          <FactsList
            rows={[
              [t("start.appointment.what"), t(`start.appointment.kind.${appointment.kind}`)],
              [
                t("start.appointment.when"),
                t("start.appointment.whenValue", {
                  day: formatWeekdayDate(appointment.startsAt, i18n.language),
                  time: formatTime(appointment.startsAt, i18n.language),
                }),
              ],
              [t("start.appointment.where"), appointment.location],
              [t("start.appointment.withWhom"), appointment.withName],
            ]}
          />
          {sent ? (
            <Alert type="ok" role="status">
              {t("start.appointment.sent")}
            </Alert>
          ) : appointment.rescheduleRequest ? (
            <Alert type="info">
              <Paragraph>{t("start.appointment.asked")}</Paragraph>
              {appointment.rescheduleRequest.reason ? (
                <Paragraph>{t("start.appointment.askedReason", { reason: appointment.rescheduleRequest.reason })}</Paragraph>
              ) : null}
            </Alert>
          ) : null}
          {appointment.abilities.requestReschedule && !asking ? (
            <SecondaryActionButton type="button" onClick={() => setAsking(true)}>
              {t("start.appointment.cannot")}
            </SecondaryActionButton>
          ) : null}
          {asking && appointment.abilities.requestReschedule ? (
            <RescheduleForm
              clientId={clientId}
              appointment={appointment}
              onDone={(done) => {
                setAsking(false);
                setSent(done);
              }}
            />
          ) : null}
        </>
      ) : (
        <Paragraph>{t("start.appointment.none")}</Paragraph>
      )}
    </section>
  );
}
