import type { ClientOutput } from "@shared/schemas/clients.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCheckIns } from "./api.js";

const HEADERS = ["checkIn.columns.heldOn", "checkIn.columns.channel", "who5.short", "checkIn.columns.ready", "checkIn.columns.howItGoes"];

/** The client's check-ins with WHO-5 scores, newest first; a score below 13 is flagged. */
export function CheckInsTab({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const checkIns = useCheckIns(client.id);
  const items = checkIns.data?.items ?? [];

  return (
    <section aria-labelledby="check-ins-title" className="nv-tab-panel">
      <div className="nv-section-header">
        <Heading level={2} id="check-ins-title">
          {t("checkIn.tabTitle")}
        </Heading>
        {client.abilities.recordCheckIn ? (
          <Link to={`/clients/${client.id}/check-in`} className="utrecht-button utrecht-button--primary-action nv-button-link">
            {t("checkIn.record")}
          </Link>
        ) : null}
      </div>
      <Paragraph>{t("checkIn.tabIntro")}</Paragraph>
      <ProblemAlert error={checkIns.error} />
      {checkIns.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {checkIns.data && items.length === 0 ? <Paragraph>{t("checkIn.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable
          id="check-ins"
          caption={t("checkIn.caption", { count: items.length })}
          headers={HEADERS.map((key) => t(key))}
          className="nv-table--top"
        >
          {items.map((checkIn) => (
            <tr key={checkIn.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header nv-nowrap">
                {formatDate(checkIn.heldOn, i18n.language)}
              </th>
              <td className="utrecht-table__cell">
                {t(`checkInChannel.${checkIn.channel}`)}
                {checkIn.enteredBy === "client" ? <span className="nv-cell-note">{t("clientVoice.enteredByClient")}</span> : null}
              </td>
              <td className="utrecht-table__cell nv-nowrap">
                {t("who5.rawShort", { raw: checkIn.who5Raw })}
                {checkIn.needsAttention ? <span className="nv-badge nv-badge--warning">{t("who5.attention")}</span> : null}
              </td>
              <td className="utrecht-table__cell">{checkIn.readyForNextStep ? t("common.yes") : t("common.no")}</td>
              <td className="utrecht-table__cell nv-prewrap">
                {checkIn.needsHelp ? <span className="nv-badge nv-badge--warning">{t("clientVoice.needsHelp")}</span> : null}
                {checkIn.howItGoes ?? <span className="nv-muted">–</span>}
                {checkIn.helpNote ? <span className="nv-cell-note">{checkIn.helpNote}</span> : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </section>
  );
}
