import { todayInAmsterdam } from "@shared/dates.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useClient } from "../clients/api.js";
import { clientTabPath } from "../clients/clientTabs.js";
import { useRecordCheckIn } from "./api.js";
import { CheckInForm } from "./CheckInForm.js";
import { emptyCheckInValues, toCheckInInput } from "./checkInModel.js";

/** Records a check-in with a client; afterwards the record opens at its check-ins tab. */
export function CheckInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const client = useClient(id);
  const record = useRecordCheckIn(id);
  const name = client.data ? `${client.data.givenName} ${client.data.familyName}` : "";

  return (
    <>
      <PageHeading documentTitle={t("checkIn.documentTitle", { name })}>
        {client.data ? t("checkIn.title", { name }) : t("checkIn.titleLoading")}
      </PageHeading>
      <Paragraph>{t("checkIn.intro")}</Paragraph>
      {client.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={client.error} />
      {client.data ? (
        <CheckInForm
          initial={emptyCheckInValues(todayInAmsterdam())}
          pending={record.isPending}
          error={record.error}
          cancelTo={clientTabPath(id, "check-ins")}
          onSubmit={(values) =>
            record.mutate(toCheckInInput(values), {
              onSuccess: () => navigate(clientTabPath(id, "check-ins"), { state: { notice: "checkInSaved" } }),
            })
          }
        />
      ) : null}
    </>
  );
}
