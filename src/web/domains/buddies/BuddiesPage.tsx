import { formatDate, formatHours } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useBuddies } from "./api.js";

/** The buddies (maatjes) of the consultant's districts: who, since when, how many they support, how to reach them. */
export function BuddiesPage() {
  const { t, i18n } = useTranslation();
  const buddies = useBuddies();
  const items = buddies.data?.items ?? [];
  return (
    <div className="nv-stack">
      <PageHeading>{t("buddies.page.title")}</PageHeading>
      <Paragraph purpose="lead">{t("buddies.page.intro")}</Paragraph>
      <ProblemAlert error={buddies.error} />
      {buddies.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {buddies.data && items.length === 0 ? <Paragraph>{t("buddies.page.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable
          id="buddies"
          caption={t("buddies.page.caption", { count: buddies.data?.total ?? items.length })}
          headers={[
            t("buddies.page.name"),
            t("buddies.page.district"),
            t("buddies.page.trainedOn"),
            t("buddies.page.hours"),
            t("buddies.page.pairings"),
            t("buddies.page.phone"),
          ]}
        >
          {items.map((b) => (
            <tr key={b.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                <Link to={`/clients/${b.clientId}?tab=placements`} className="nl-link">
                  {b.name}
                </Link>
              </th>
              <td className="utrecht-table__cell">{b.district}</td>
              <td className="utrecht-table__cell">{formatDate(b.trainedOn, i18n.language)}</td>
              <td className="utrecht-table__cell">{formatHours(b.hoursPerWeek, i18n.language)}</td>
              <td className="utrecht-table__cell">{t("buddies.page.pairingsValue", { active: b.activePairings, max: b.maxPairings })}</td>
              <td className="utrecht-table__cell">{b.contactPhone}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </div>
  );
}
