import type { MyAppointmentOutput } from "@shared/schemas/appointments.js";
import { amsterdamDateOf, formatTimeRange, formatWeekdayDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useMyAppointments } from "./api.js";

/** One appointment: the time, the client (a link to their record), what kind, the place and how it stands. */
function AppointmentItem({ appointment }: { appointment: MyAppointmentOutput }) {
  const { t, i18n } = useTranslation();
  const name = `${appointment.client.givenName} ${appointment.client.familyName}`;
  return (
    <li className="nv-agenda__item">
      <span className="nv-agenda__time">{formatTimeRange(appointment.startsAt, appointment.endsAt, i18n.language)}</span>
      <span className="nv-agenda__what">
        <Link to={`/clients/${appointment.client.id}?tab=appointments`} className="nl-link nv-agenda__client">
          {name}
        </Link>
        <span>
          {t(`appointmentKind.${appointment.kind}`)} · {appointment.location}
        </span>
        {appointment.status === "planned" ? null : (
          <span className={`nv-status nv-status--${appointment.status}`}>{t(`appointmentStatus.${appointment.status}`)}</span>
        )}
        {appointment.rescheduleRequest ? <strong>{t("appointments.rescheduleRequested")}</strong> : null}
      </span>
    </li>
  );
}

/** A day's appointments under its date, or a line that there are none. */
function DayList({ heading, items, empty }: { heading: string; items: MyAppointmentOutput[]; empty?: string }) {
  return (
    <div className="nv-agenda__day">
      <Heading level={3}>{heading}</Heading>
      {items.length === 0 && empty ? <Paragraph>{empty}</Paragraph> : null}
      {items.length > 0 ? (
        <ol className="nv-agenda">
          {items.map((appointment) => (
            <AppointmentItem key={appointment.id} appointment={appointment} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** "Mijn dag": the consultant's appointments today and the rest of this week, each leading to the client's record. */
export function MyDayPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const agenda = useMyAppointments();
  const data = agenda.data;
  const byDay = new Map<string, MyAppointmentOutput[]>();
  for (const item of data?.items ?? []) {
    const day = amsterdamDateOf(item.startsAt) ?? item.startsAt;
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const later = [...byDay.entries()].filter(([day]) => data && day !== data.today);

  return (
    <>
      <PageHeading>{t("myDay.title")}</PageHeading>
      <ProblemAlert error={agenda.error} />
      {agenda.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data ? (
        <>
          <section aria-labelledby="my-day-today">
            <Heading level={2} id="my-day-today">
              {t("myDay.today")}
            </Heading>
            <DayList
              heading={formatWeekdayDate(data.today, i18n.language)}
              items={byDay.get(data.today) ?? []}
              empty={t("myDay.todayEmpty")}
            />
          </section>
          <section aria-labelledby="my-day-week" className="nv-section">
            <Heading level={2} id="my-day-week">
              {t("myDay.restOfWeek")}
            </Heading>
            {later.length === 0 ? <Paragraph>{t("myDay.weekEmpty")}</Paragraph> : null}
            {later.map(([day, items]) => (
              <DayList key={day} heading={formatWeekdayDate(day, i18n.language)} items={items} />
            ))}
          </section>
          {me.abilities.manageAvailability ? (
            <Paragraph>
              <Link to="/availability" className="nl-link">
                {t("myDay.availability")}
              </Link>
            </Paragraph>
          ) : null}
        </>
      ) : null}
    </>
  );
}
