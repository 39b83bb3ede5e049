import type { SuggestionsOutput } from "@shared/schemas/matching.js";
import { Alert } from "@web/components/Alert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";

type Blocked = NonNullable<SuggestionsOutput["blockedBy"]>;

/** Where the consultant goes to take away what blocks the suggestions. */
function nextStepPath(blockedBy: Blocked, clientId: string): string {
  switch (blockedBy) {
    case "noIntake":
    case "capacityNotAssessed":
      return `/clients/${clientId}/intake`;
    case "noCapacityLeft":
      return clientTabPath(clientId, "plan");
    case "postcodeUnknown":
      return `/clients/${clientId}/edit`;
  }
}

/** Why there are no suggestions at all yet, and the one step that changes that. */
export function SuggestionsBlocked({ blockedBy, clientId, name }: { blockedBy: Blocked; clientId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Alert type="info">
      <p className="nv-alert-text">{t(`suggestions.blocked.${blockedBy}.text`, { name })}</p>
      <p className="nv-alert-text">
        <Link to={nextStepPath(blockedBy, clientId)} className="nl-link">
          {t(`suggestions.blocked.${blockedBy}.action`)}
        </Link>
      </p>
    </Alert>
  );
}
