import type { WorkQueueItem } from "@shared/schemas/work-queue.js";
import { formatDate } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { REASON_TAB, URGENT_REASONS } from "./reasons.js";

interface WorkQueueTableProps {
  items: WorkQueueItem[];
  total: number;
  busy: boolean;
  /** Team leads see whose client it is. */
  consultantName?: (consultantId: string | null) => string;
}

function Reasons({ item }: { item: WorkQueueItem }) {
  const { t, i18n } = useTranslation();
  const name = `${item.givenName} ${item.familyName}`;
  return (
    <ul className="nv-reasons">
      {item.reasons.map((reason) => {
        const action = t(`workQueue.actions.${reason.suggestedAction ?? ""}`, {
          defaultValue: t(`workQueue.reasons.${reason.code}.action`),
        });
        return (
          <li key={reason.code} className={`nv-reason${URGENT_REASONS.includes(reason.code) ? " nv-reason--urgent" : ""}`}>
            <p className="nv-reason__title">
              <strong>{t(`workQueue.reasons.${reason.code}.label`)}</strong>{" "}
              <span className="nv-muted">{t("workQueue.since", { date: formatDate(reason.since, i18n.language) })}</span>
            </p>
            <p className="nv-reason__text">{t(`workQueue.reasons.${reason.code}.explanation`)}</p>
            <p className="nv-reason__action">
              <Link to={clientTabPath(item.clientId, REASON_TAB[reason.code])} className="nl-link">
                {action}
                <span className="nv-visually-hidden"> ({name})</span>
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The work queue: one row per client with every reason, its explanation and a link to act on it. */
export function WorkQueueTable({ items, total, busy, consultantName }: WorkQueueTableProps) {
  const { t } = useTranslation();
  return (
    <ScrollRegion labelledBy="work-queue-caption">
      <table
        className={`utrecht-table utrecht-table--html-table nv-table nv-table--top${busy ? " utrecht-table--busy" : ""}`}
        aria-busy={busy}
      >
        <caption id="work-queue-caption" className="utrecht-table__caption">
          {t("workQueue.caption", { count: total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell nv-col-client">
              {t("workQueue.client")}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t("workQueue.reason")}
            </th>
            {consultantName ? (
              <th scope="col" className="utrecht-table__header-cell">
                {t("client.consultant")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((item) => (
            <tr key={item.clientId} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                <Link to={`/clients/${item.clientId}`} className="nl-link">
                  {item.familyName}, {item.givenName}
                </Link>
                <span className="nv-cell-note">{item.district ?? t("client.districtUnknownShort")}</span>
              </th>
              <td className="utrecht-table__cell">
                <Reasons item={item} />
              </td>
              {consultantName ? <td className="utrecht-table__cell">{consultantName(item.consultantId)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
