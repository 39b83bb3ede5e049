import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { usePlacements } from "./api.js";
import { PlacementsTable } from "./PlacementsTable.js";

// What counts as "recently" ended for the host's overview.
const RECENT_DAYS = 90;

function isRecent(endedOn: string | null): boolean {
  if (!endedOn) return false;
  return Date.now() - new Date(`${endedOn}T00:00:00Z`).getTime() <= RECENT_DAYS * 24 * 60 * 60 * 1000;
}

/** The host's placements: accepted ones waiting for the agreement, active ones, and those that ended recently. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const accepted = usePlacements({ status: "accepted", pageSize: 100 });
  const active = usePlacements({ status: "active", pageSize: 100 });
  const ended = usePlacements({ status: "ended", pageSize: 100 });
  const recent = (ended.data?.items ?? []).filter((placement) => isRecent(placement.endedOn));
  const groups = [
    { key: "accepted", query: accepted, items: accepted.data?.items ?? [] },
    { key: "active", query: active, items: active.data?.items ?? [] },
    { key: "ended", query: ended, items: recent },
  ];

  return (
    <>
      <PageHeading>{t("placements.title")}</PageHeading>
      <Paragraph purpose="lead">{t("placements.intro")}</Paragraph>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`placements-${group.key}`}>
          <Heading level={2} id={`placements-${group.key}`}>
            {t(`placements.groups.${group.key}.title`)}
          </Heading>
          <ProblemAlert error={group.query.error} />
          {group.query.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
          {group.query.data && group.items.length === 0 ? <Paragraph>{t(`placements.groups.${group.key}.empty`)}</Paragraph> : null}
          {group.items.length > 0 ? (
            <PlacementsTable
              caption={t(`placements.groups.${group.key}.caption`, { count: group.items.length })}
              placements={group.items}
              nameBy="client"
            />
          ) : null}
        </section>
      ))}
    </>
  );
}
