import type { AccessLogEntry } from "@shared/schemas/privacy.js";
import { formatDateTime } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { Pagination } from "@web/components/Pagination.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useAccessLog } from "./api.js";

/** Who did it, as the client reads it: the staff member's function and name, or the host organisation's name. */
function useWho() {
  const { t } = useTranslation();
  return (entry: AccessLogEntry) => {
    if (entry.actorKind === "host") return entry.organisationName ?? t("accessLog.actor.host");
    if (entry.actorKind === "agencyWorker") {
      return entry.organisationName ? t("accessLog.agencyNamed", { name: entry.organisationName }) : t("accessLog.actor.agencyWorker");
    }
    const role = t(`accessLog.actor.${entry.actorKind}`);
    return entry.actorName ? t("accessLog.roleAndName", { role, name: entry.actorName }) : role;
  };
}

/**
 * "Wie heeft mijn dossier bekeken": every read and change of the record by someone else, and the client's own
 * changes, newest first, as a list that reads well on a phone. The client sees their own; staff in scope any.
 */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const me = useCurrentUser();
  const own = me.clientId === id;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const log = useAccessLog(id, page, pageSize);
  const who = useWho();
  const language = i18n.language === "en" ? "en" : "nl";
  return (
    <div className="nv-narrow">
      <PageHeading>{own ? t("accessLog.titleOwn") : t("accessLog.titleStaff")}</PageHeading>
      <Paragraph>
        <Link to={own ? "/my-data" : `/clients/${id}`} className="nl-link">
          {own ? t("accessLog.backToMyData") : t("accessLog.backToClient")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{own ? t("accessLog.introOwn") : t("accessLog.introStaff")}</Paragraph>
      <Paragraph>{t("accessLog.leftOut")}</Paragraph>
      {log.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={log.error} />
      {log.data ? (
        <>
          {log.data.items.length === 0 ? <Paragraph>{t("accessLog.empty")}</Paragraph> : null}
          <ol className="nv-access-log">
            {log.data.items.map((entry) => (
              <li key={entry.id} className="nv-access-log__entry">
                <p className="nv-access-log__when">
                  <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>
                  {" · "}
                  {entry.kind === "read" ? t("accessLog.kind.read") : t("accessLog.kind.change")}
                </p>
                <p className="nv-access-log__who">{who(entry)}</p>
                <p className="nv-access-log__why">{entry.purpose[language]}</p>
              </li>
            ))}
          </ol>
          <Pagination
            name="access-log"
            page={page}
            pageSize={pageSize}
            total={log.data.total}
            onPageChange={setPage}
            onPageSizeChange={(size) => {
              setPageSize(size);
              setPage(1);
            }}
          />
        </>
      ) : null}
    </div>
  );
}
