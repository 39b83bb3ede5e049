import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ClientCapacityForm } from "../capacity/ClientCapacityForm.js";
import { useClient, useUpdateClient } from "./api.js";
import { ClientForm } from "./ClientForm.js";
import { clientValues, toUpdateInput } from "./clientFormModel.js";
import { DistrictWarning } from "./DistrictWarning.js";

/** Edits a client; only the changed fields are sent, and the record page shows the result. */
export function ClientEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const client = useClient(id);
  const update = useUpdateClient(id);
  const name = client.data ? `${client.data.givenName} ${client.data.familyName}` : "";

  return (
    <>
      <PageHeading documentTitle={t("clientEdit.documentTitle", { name })}>
        {client.data ? t("clientEdit.title", { name }) : t("clientEdit.titleLoading")}
      </PageHeading>
      {client.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={client.error} />
      {client.data ? (
        <>
          <DistrictWarning client={client.data} />
          <ClientForm
            initial={clientValues(client.data)}
            pending={update.isPending}
            error={update.error}
            submitLabel={t("clientEdit.submit")}
            cancelTo={`/clients/${id}`}
            onSubmit={(values) => {
              const input = toUpdateInput(values, clientValues(client.data));
              // Nothing changed: there is nothing to store, so go back to the record.
              if (Object.keys(input).length === 0) return navigate(`/clients/${id}`);
              update.mutate(input, { onSuccess: () => navigate(`/clients/${id}`, { state: { saved: true } }) });
            }}
          />
          <ClientCapacityForm client={client.data} onSaved={() => navigate(`/clients/${id}`, { state: { saved: true } })} />
        </>
      ) : null}
    </>
  );
}
