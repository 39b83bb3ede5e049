import type { ClientStatusSummary } from "@shared/schemas/client-status.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useStatusSummary } from "./api.js";

function lines(items: string[]): ReactNode {
  return (
    <ul className="nv-plain-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** What runs now, one line each: the plan steps, the placements and the exemptions, as the server listed them. */
function activeLines(t: TFunction, summary: ClientStatusSummary, language: string): string[] {
  return [
    ...summary.steps.map((s) =>
      t("recordHeader.step", { type: t(`planStepType.${s.type}`), title: s.title, hours: formatHours(s.hoursPerWeek, language) }),
    ),
    ...summary.placements.map((p) =>
      t("recordHeader.placement", { role: p.roleTitle, organisation: p.organisationName, status: t(`placementStatus.${p.status}`) }),
    ),
    ...summary.exemptions.map((e) =>
      e.endDate
        ? t("recordHeader.exemptionUntil", {
            type: t(`exemptionType.${e.type}`),
            scope: t(`exemptionScope.${e.scope}`).toLowerCase(),
            date: formatLongDate(e.endDate, language),
          })
        : t("recordHeader.exemption", { type: t(`exemptionType.${e.type}`), scope: t(`exemptionScope.${e.scope}`).toLowerCase() }),
    ),
  ];
}

/** The head of a client's record: who the consultant is, where the client lives, the ladder rung, what runs and what is due. */
export function RecordHeader({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const summary = useStatusSummary(clientId);
  const data = summary.data;
  if (!data) return <ProblemAlert error={summary.error} />;
  const language = i18n.language;
  const none = <span className="nv-muted">{t("recordHeader.none")}</span>;
  const active = activeLines(t, data, language);
  const consultant = data.consultant
    ? data.consultant.isCaller
      ? t("recordHeader.consultantYou", { name: data.consultant.name })
      : data.consultant.name
    : t("client.unassigned");
  const rows: [string, ReactNode][] = [
    [t("client.consultant"), consultant],
    [t("client.address"), lines(data.addressLines)],
    [
      t("recordHeader.rung"),
      data.ladder
        ? t("recordHeader.rungValue", {
            rung: data.ladder.rung,
            name: t(`ladder.rungs.${data.ladder.rung}`),
            date: formatLongDate(data.ladder.assessedOn, language),
          })
        : t("recordHeader.noRung"),
    ],
    [t("recordHeader.active"), active.length ? lines(active) : none],
    [
      t("recordHeader.deadlines"),
      data.deadlines.length
        ? lines(
            data.deadlines.map((d) =>
              d.respondBy
                ? t("recordHeader.deadline", {
                    what: t(`recordHeader.deadlineKind.${d.kind}`),
                    date: formatLongDate(d.respondBy, language),
                  })
                : t(`recordHeader.deadlineKind.${d.kind}`),
            ),
          )
        : none,
    ],
  ];
  return (
    <section className="nv-record-header" aria-label={t("recordHeader.label")}>
      <FactsList rows={rows} />
    </section>
  );
}
