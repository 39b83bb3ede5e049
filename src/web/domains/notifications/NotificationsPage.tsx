import { NOTIFICATION_STATUSES, type NotificationOutput, type NotificationStatus } from "@shared/schemas/notifications.js";
import { Alert } from "@web/components/Alert.js";
import { SelectField } from "@web/components/fields.js";
import { formatDateTime } from "@web/components/format.js";
import { Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { Pagination } from "@web/components/Pagination.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useNotifications, useRetryNotification } from "./api.js";

const HEADERS = ["createdAt", "client", "kind", "recipient", "status", "attempts", "lastError", "actions"];

function NotificationRows({ items, retry }: { items: NotificationOutput[]; retry: ReturnType<typeof useRetryNotification> }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable
      id="notifications"
      caption={t("notifications.caption", { count: items.length })}
      headers={HEADERS.map((header) => t(`notifications.columns.${header}`))}
      className="nv-table--top"
    >
      {items.map((item) => (
        <tr key={item.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header nv-nowrap">
            {formatDateTime(item.createdAt, i18n.language)}
          </th>
          <td className="utrecht-table__cell">
            <Link to={`/clients/${item.clientId}`} className="nl-link">
              {t("notifications.openClient")}
            </Link>
          </td>
          <td className="utrecht-table__cell">{t(`notifications.kinds.${item.kind}`)}</td>
          <td className="utrecht-table__cell">
            {t(`notifications.channels.${item.channel}`)} <span className="nv-cell-note">{item.recipient}</span>
          </td>
          <td className="utrecht-table__cell">
            <span className={`nv-status nv-status--${item.status}`}>{t(`notifications.statuses.${item.status}`)}</span>
            {item.nextAttemptAt ? (
              <span className="nv-cell-note nv-nowrap">
                {t("notifications.nextAttempt", { time: formatDateTime(item.nextAttemptAt, i18n.language) })}
              </span>
            ) : null}
          </td>
          <td className="utrecht-table__cell">{item.attempts}</td>
          <td className="utrecht-table__cell">{item.lastError ?? <span className="nv-muted">–</span>}</td>
          <td className="utrecht-table__cell">
            {item.abilities.retry ? (
              <SecondaryActionButton
                type="button"
                busy={retry.isPending && retry.variables === item.id}
                onClick={() => retry.mutate(item.id)}
              >
                {t("notifications.retry")}
              </SecondaryActionButton>
            ) : (
              <span className="nv-muted">–</span>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** The outbox of messages to clients (administrators): failed ones first, each with a retry when it failed. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<NotificationStatus | "">("failed");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const list = useNotifications({ status, page, pageSize });
  const retry = useRetryNotification();
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeading>{t("notifications.title")}</PageHeading>
      <Paragraph>{t("notifications.intro")}</Paragraph>
      <div className="nv-filters">
        <SelectField
          name="notification-status"
          label={t("notifications.statusFilter")}
          value={status}
          onChange={(value) => {
            setStatus(value as NotificationStatus | "");
            setPage(1);
          }}
          options={[
            ...NOTIFICATION_STATUSES.map((value) => ({ value, label: t(`notifications.statuses.${value}`) })),
            { value: "", label: t("notifications.allStatuses") },
          ]}
        />
      </div>
      <ProblemAlert error={list.error} />
      <ProblemAlert error={retry.error} />
      {retry.isSuccess ? (
        <Alert type="ok" role="status">
          {t("notifications.retried")}
        </Alert>
      ) : null}
      {list.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {list.data && items.length === 0 ? <Paragraph>{t("notifications.empty")}</Paragraph> : null}
      {items.length > 0 ? <NotificationRows items={items} retry={retry} /> : null}
      {list.data && list.data.total > 0 ? (
        <Pagination
          name="notifications"
          page={page}
          pageSize={pageSize}
          total={list.data.total}
          onPageChange={setPage}
          onPageSizeChange={(size) => {
            setPageSize(size);
            setPage(1);
          }}
        />
      ) : null}
    </>
  );
}
