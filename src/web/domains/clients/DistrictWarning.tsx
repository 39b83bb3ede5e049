import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { useTranslation } from "react-i18next";

/** Warns that the postcode lies outside the district table, so no district (and no consultant team) applies. */
export function DistrictWarning({ client }: { client: Pick<ClientOutput, "district" | "warnings"> }) {
  const { t } = useTranslation();
  if (client.district !== null && !client.warnings.includes("districtUnknown")) return null;
  return (
    <Alert type="warning">
      <strong>{t("client.districtUnknownTitle")}</strong> {t("client.districtUnknown")}
    </Alert>
  );
}
