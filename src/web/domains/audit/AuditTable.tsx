import type { AuditEventOutput } from "@shared/schemas/audit.js";
import { formatDateTime } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

function detailsText(details: AuditEventOutput["details"]): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
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
                {event.actorEmail ?? t("audit.unknownActor")}
                {event.actorRole ? (
                  <span className="nv-muted"> ({t(`roles.${event.actorRole}`, { defaultValue: event.actorRole })})</span>
                ) : null}
              </td>
              <td className="utrecht-table__cell">
                <code>{event.action}</code>
              </td>
              <td className="utrecht-table__cell">{t(`auditCategories.${event.category}`)}</td>
              <td className="utrecht-table__cell">
                {event.clientId ? (
                  <Link to={`/clients/${event.clientId}`} className="nl-link" aria-label={t("audit.openClient", { id: event.clientId })}>
                    {event.clientId.slice(0, 8)}
                  </Link>
                ) : null}
              </td>
              <td className="utrecht-table__cell">
                {event.subjectType ? `${event.subjectType} ${event.subjectId?.slice(0, 8) ?? ""}` : ""}
              </td>
              <td className="utrecht-table__cell">{detailsText(event.details)}</td>
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
