import type { ClientOutput } from "@shared/schemas/clients.js";
import { formatDateTime } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { InviteClientBox } from "../invitations/InviteClientBox.js";
import { AttendanceActions } from "./AttendanceActions.js";
import { useAppointments, useRecordAttendance } from "./api.js";

const HEADERS = ["appointments.startsAt", "appointments.kind", "appointments.location", "appointments.status"];

/** A client's appointments: record whether the client came, and invite (again) when no intake is planned. */
export function AppointmentsTab({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const appointments = useAppointments(client.id);
  const record = useRecordAttendance(client.id);
  const mayRecord = client.abilities.recordAppointment;
  const items = [...(appointments.data?.items ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const intakes = items.filter((a) => a.kind === "intake");
  // Only a client still waiting for an intake can be invited: none planned and none attended.
  const needsInvitation = !intakes.some((a) => a.status === "planned" || a.status === "attended");
  const showRecord = mayRecord && items.some((a) => a.status === "planned");

  return (
    <section aria-labelledby="appointments-title" className="nv-tab-panel">
      <Heading level={2} id="appointments-title">
        {t("appointments.title")}
      </Heading>
      <ProblemAlert error={appointments.error ?? record.error} />
      {appointments.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {appointments.data && mayRecord ? <InviteClientBox client={client} again={intakes.length > 0} needed={needsInvitation} /> : null}
      {appointments.data && items.length === 0 ? <Paragraph>{t("appointments.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollRegion labelledBy="appointments-caption">
          <table className="utrecht-table utrecht-table--html-table nv-table">
            <caption id="appointments-caption" className="utrecht-table__caption">
              {t("appointments.caption", { count: items.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {HEADERS.map((key) => (
                  <th scope="col" className="utrecht-table__header-cell" key={key}>
                    {t(key)}
                  </th>
                ))}
                {showRecord ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("appointments.record")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((appointment) => {
                const when = formatDateTime(appointment.startsAt, i18n.language);
                return (
                  <tr key={appointment.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__cell nv-table__row-header nv-nowrap">
                      {when}
                    </th>
                    <td className="utrecht-table__cell">{t(`appointmentKind.${appointment.kind}`)}</td>
                    <td className="utrecht-table__cell">{appointment.location}</td>
                    <td className="utrecht-table__cell">
                      <span className={`nv-status nv-status--${appointment.status}`}>{t(`appointmentStatus.${appointment.status}`)}</span>
                      {appointment.rescheduleRequest ? (
                        <>
                          <br />
                          <strong>{t("appointments.rescheduleRequested")}</strong>
                          {appointment.rescheduleRequest.reason ? (
                            <>
                              <br />
                              {t("appointments.rescheduleReason", { reason: appointment.rescheduleRequest.reason })}
                            </>
                          ) : null}
                        </>
                      ) : null}
                    </td>
                    {showRecord ? (
                      <td className="utrecht-table__cell">
                        {appointment.status === "planned" ? (
                          <AttendanceActions
                            appointment={appointment}
                            context={when}
                            busy={record.isPending && record.variables?.id === appointment.id}
                            onRecord={(status) => record.mutate({ id: appointment.id, status })}
                          />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
