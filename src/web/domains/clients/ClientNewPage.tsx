import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateClient } from "./api.js";
import { ClientForm } from "./ClientForm.js";
import { emptyClientValues, toCreateInput } from "./clientFormModel.js";

/** Registers a new client and opens the new record. */
export function ClientNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateClient();
  return (
    <>
      <PageHeading>{t("clientNew.title")}</PageHeading>
      <Paragraph>{t("clientNew.intro")}</Paragraph>
      <ClientForm
        initial={emptyClientValues()}
        pending={create.isPending}
        error={create.error}
        submitLabel={t("clientNew.submit")}
        cancelTo="/clients"
        onSubmit={(values) =>
          create.mutate(toCreateInput(values), {
            onSuccess: (client) => navigate(`/clients/${client.id}`, { state: { saved: true } }),
          })
        }
      />
    </>
  );
}
