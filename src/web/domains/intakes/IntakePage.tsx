import { todayInAmsterdam } from "@shared/dates.js";
import { formatAppointmentTime } from "@web/components/format.js";
import { numberText } from "@web/components/formValues.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { hasStarted, useAppointments } from "../appointments/api.js";
import { useClient } from "../clients/api.js";
import { clientTabPath } from "../clients/clientTabs.js";
import { useRecordIntake } from "./api.js";
import { IntakeForm } from "./IntakeForm.js";
import { emptyIntakeValues, toIntakeInput } from "./intakeModel.js";

/** Records an intake with a client; afterwards the record opens at its intake tab. */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const client = useClient(id);
  const appointments = useAppointments(id);
  const record = useRecordIntake(id);
  const name = client.data ? `${client.data.givenName} ${client.data.familyName}` : "";
  // Only an intake that has started can have been held; linking marks it as attended.
  const linkable = (appointments.data?.items ?? [])
    .filter((a) => a.kind === "intake" && a.status !== "cancelled" && hasStarted(a))
    .map((a) => ({ value: a.id, label: `${formatAppointmentTime(a.startsAt, i18n.language)}, ${a.location}` }));

  return (
    <>
      <PageHeading documentTitle={t("intake.documentTitle", { name })}>
        {client.data ? t("intake.title", { name }) : t("intake.titleLoading")}
      </PageHeading>
      <Paragraph>{t("intake.intro")}</Paragraph>
      {client.isPending || appointments.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={client.error ?? appointments.error} />
      {client.data && appointments.data ? (
        <IntakeForm
          initial={emptyIntakeValues(todayInAmsterdam(), numberText(client.data.capacityHoursPerWeek, i18n.language))}
          appointments={linkable}
          pending={record.isPending}
          error={record.error}
          cancelTo={clientTabPath(id, "intake")}
          onSubmit={(values) =>
            record.mutate(toIntakeInput(values), {
              onSuccess: () => navigate(clientTabPath(id, "intake"), { state: { notice: "intakeSaved" } }),
            })
          }
        />
      ) : null}
    </>
  );
}
