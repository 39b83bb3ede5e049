import type { AuditEventOutput } from "@shared/schemas/audit.js";
import { formatDateTime } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

function detailsText(details: AuditEventOutput["details"], t: TFunction): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([key, value]) => {
      const text = Array.isArray(value) ? value.join(", ") : String(value);
      // An admin's reason to open a record reads in words.
      return key === "accessReason"
        ? `${t("accessReason.label")}: ${t(`accessReason.reasons.${text}`, { defaultValue: text })}`
        : `${key}: ${text}`;
    })
    .join("; ");
}

/** The audit events as a table, newest first. */
export function AuditTable({ events, total }: { events: AuditEventOutput[]; total: number }) {
  const { t, i18n } = useTranslation();
  const headers = [
    "audit.occurredAt",
    "audit.actor",
    "audit.action",
    "audit.category",
    "audit.client",
    "audit.subject",
    "audit.details",
    "audit.requestId",
  ];
  return (
    <ScrollRegion labelledBy="audit-caption">
      <table className="utrecht-table utrecht-table--html-table nv-table nv-table--compact">
        <caption id="audit-caption" className="utrecht-table__caption">
          {t("audit.caption", { count: total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {headers.map((key) => (
              <th scope="col" className="utrecht-table__header-cell" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {events.map((event) => (
            <tr className="utrecht-table__row" key={event.id}>
              <td className="utrecht-table__cell nv-nowrap">{formatDateTime(event.occurredAt, i18n.language)}</td>
              <td className="utrecht-table__cell">
                {event.actorName ?? event.actorEmail ?? (event.actorRole === "system" ? t("audit.system") : t("audit.unknownActor"))}
                {event.actorRole && event.actorRole !== "system" ? (
                  <span className="nv-cell-note">{t(`roles.${event.actorRole}`, { defaultValue: event.actorRole })}</span>
                ) : null}
              </td>
              <td className="utrecht-table__cell">{t(`auditActions.${event.action}`, { defaultValue: event.action })}</td>
              <td className="utrecht-table__cell">{t(`auditCategories.${event.category}`, { defaultValue: event.category })}</td>
              <td className="utrecht-table__cell">
                {event.clientId ? (
                  <Link to={`/clients/${event.clientId}`} className="nl-link">
                    {event.clientName ?? event.clientId.slice(0, 8)}
                  </Link>
                ) : null}
              </td>
              <td className="utrecht-table__cell">
                {event.subjectType ? t(`auditSubjects.${event.subjectType}`, { defaultValue: event.subjectType }) : ""}
              </td>
              <td className="utrecht-table__cell">{detailsText(event.details, t)}</td>
              <td className="utrecht-table__cell">
                <code className="nv-small">{event.requestId?.slice(0, 8) ?? ""}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
