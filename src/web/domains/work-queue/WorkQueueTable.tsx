import type { WorkQueueItem, WorkQueueReason } from "@shared/schemas/work-queue.js";
import { formatDate } from "@web/components/format.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { useSetAside } from "./api.js";
import { REASON_TAB, URGENT_REASONS } from "./reasons.js";
import { SnoozeForm } from "./SnoozeForm.js";

interface WorkQueueTableProps {
  items: WorkQueueItem[];
  total: number;
  busy: boolean;
  /** Team leads see whose client it is. */
  consultantName?: (consultantId: string | null) => string | undefined;
  /** The reason the queue is filtered on: each row shows it rather than the client's most urgent one. */
  shownReason?: WorkQueueReason | undefined;
  /** The client whose shown reason is being snoozed (one form at a time). */
  snoozing: string | null;
  onSnooze: (clientId: string | null) => void;
  /** Says what happened to an item once it left the queue. */
  onSetAside: (message: string) => void;
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

interface RowProps {
  item: WorkQueueItem;
  columns: number;
  consultantName: WorkQueueTableProps["consultantName"];
  shownReason: WorkQueueReason | undefined;
  snoozing: boolean;
  onSnooze: (open: boolean) => void;
  onSetAside: (message: string) => void;
}

/**
 * One client on one line: severity, name, what needs attention, since when, and what can be done. The row shows the
 * client's most urgent reason, or the one the queue is filtered on; "done" and "later" act on that reason.
 */
function QueueRow({ item, columns, consultantName, shownReason, snoozing, onSnooze, onSetAside }: RowProps) {
  const { t, i18n } = useTranslation();
  const setAside = useSetAside(item.clientId);
  const shown = item.reasons.find((r) => r.code === shownReason) ?? item.reasons[0];
  if (!shown) return null;
  const name = `${item.familyName}, ${item.givenName}`;
  const label = t(`workQueue.reasons.${shown.code}.label`);
  const action = t(`workQueue.actions.${shown.suggestedAction ?? ""}`, { defaultValue: t(`workQueue.reasons.${shown.code}.action`) });
  const more = item.reasons.length - 1;
  // The age the server gave is the most urgent reason's.
  const age =
    shown !== item.reasons[0]
      ? null
      : item.ageDays < 0
        ? t("workQueue.dueIn", { count: -item.ageDays })
        : t("workQueue.age", { count: item.ageDays });

  function markDone() {
    if (!shown) return;
    setAside.mutate({ disposition: "done", reason: shown.code }, { onSuccess: () => onSetAside(t("workQueue.markedDone", { name })) });
  }

  return (
    <>
      <tr className="utrecht-table__row nv-queue-row">
        <td className="utrecht-table__cell nv-queue-row__severity">
          <span className={`nv-severity nv-severity--${item.severity}`}>{t(`workQueue.severities.${item.severity}`)}</span>
        </td>
        <th scope="row" className="utrecht-table__cell nv-table__row-header nv-queue-row__client">
          <Link to={`/clients/${item.clientId}`} className="nl-link">
            {name}
          </Link>
        </th>
        <td className="utrecht-table__cell nv-queue-row__what">
          <details className="nv-queue-details">
            <summary>
              {label}
              {more > 0 ? <span className="nv-muted"> {t("workQueue.moreReasons", { count: more })}</span> : null}
            </summary>
            <Reasons item={item} />
          </details>
        </td>
        <td className="utrecht-table__cell nv-queue-row__since">
          <time dateTime={shown.since}>{formatDate(shown.since)}</time>
          {age ? <span className="nv-muted"> ({age})</span> : null}
        </td>
        {consultantName ? <td className="utrecht-table__cell">{consultantName(item.consultantId)}</td> : null}
        <td className="utrecht-table__cell">
          <div className="nv-cell-actions nv-queue-row__actions">
            <Link to={clientTabPath(item.clientId, REASON_TAB[shown.code])} className="nl-link">
              {action}
              <span className="nv-visually-hidden">
                {" "}
                ({item.givenName} {item.familyName})
              </span>
            </Link>
            {item.abilities.markDone ? (
              <button type="button" className="nv-row-button" onClick={markDone} disabled={setAside.isPending}>
                {t("workQueue.markDone")}
                <span className="nv-visually-hidden">
                  : {label} ({name})
                </span>
              </button>
            ) : null}
            {item.abilities.snooze ? (
              <button type="button" className="nv-row-button" aria-expanded={snoozing} onClick={() => onSnooze(!snoozing)}>
                {t("workQueue.snooze")}
                <span className="nv-visually-hidden">
                  : {label} ({name})
                </span>
              </button>
            ) : null}
          </div>
        </td>
      </tr>
      {setAside.error ? (
        <tr className="utrecht-table__row">
          <td className="utrecht-table__cell" colSpan={columns}>
            <ProblemAlert error={setAside.error} />
          </td>
        </tr>
      ) : null}
      {snoozing ? (
        <tr className="utrecht-table__row">
          <td className="utrecht-table__cell" colSpan={columns}>
            <SnoozeForm
              clientId={item.clientId}
              reason={shown.code}
              name={name}
              onSnoozed={(until) => {
                onSnooze(false);
                onSetAside(t("workQueue.snoozed", { name, date: formatDate(until, i18n.language) }));
              }}
              onCancel={() => onSnooze(false)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The work queue: one compact row per client, most urgent first; each row opens its reasons, the record and its actions. */
export function WorkQueueTable({ items, total, busy, consultantName, shownReason, snoozing, onSnooze, onSetAside }: WorkQueueTableProps) {
  const { t } = useTranslation();
  const columns = consultantName ? 6 : 5;
  return (
    <ScrollRegion labelledBy="work-queue-caption">
      <table
        className={`utrecht-table utrecht-table--html-table nv-table nv-queue-table${busy ? " utrecht-table--busy" : ""}`}
        aria-busy={busy}
      >
        <caption id="work-queue-caption" className="utrecht-table__caption">
          {t("workQueue.caption", { count: total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t("workQueue.severity")}
            </th>
            <th scope="col" className="utrecht-table__header-cell nv-col-client">
              {t("workQueue.client")}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t("workQueue.what")}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t("workQueue.sinceColumn")}
            </th>
            {consultantName ? (
              <th scope="col" className="utrecht-table__header-cell">
                {t("client.consultant")}
              </th>
            ) : null}
            <th scope="col" className="utrecht-table__header-cell">
              {t("workQueue.itemActions")}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((item) => (
            <QueueRow
              key={item.clientId}
              item={item}
              columns={columns}
              consultantName={consultantName}
              shownReason={shownReason}
              snoozing={snoozing === item.clientId}
              onSnooze={(open) => onSnooze(open ? item.clientId : null)}
              onSetAside={onSetAside}
            />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
