import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import { formatDate, formatHours } from "@web/components/format.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { workLimitsText } from "../capacity/workLimitsText.js";
import { DocumentLinks } from "../documents/DocumentLinks.js";

const HEADERS = ["type", "scope", "period", "status", "inForce", "decision", "ordinanceVersion", "documents", "actions"];

/** Full, or partial with the hours still asked. */
export function ScopeText({ exemption }: { exemption: Pick<ExemptionOutput, "scope" | "maxHoursPerWeek"> }) {
  const { t, i18n } = useTranslation();
  if (exemption.scope === "full" || exemption.maxHoursPerWeek === null) return <>{t(`exemptionScope.${exemption.scope}`)}</>;
  return <>{t("exemptions.partialHours", { hours: formatHours(exemption.maxHoursPerWeek, i18n.language) })}</>;
}

/** From the start date until the end date and/or the review date. */
export function PeriodText({ exemption }: { exemption: Pick<ExemptionOutput, "startDate" | "endDate" | "reviewDate" | "endedOn"> }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatDate(value, i18n.language);
  const parts = [t("exemptions.from", { date: date(exemption.startDate) })];
  if (exemption.endDate) parts.push(t("exemptions.until", { date: date(exemption.endDate) }));
  if (exemption.reviewDate) parts.push(t("exemptions.review", { date: date(exemption.reviewDate) }));
  if (exemption.endedOn) parts.push(t("exemptions.endedOn", { date: date(exemption.endedOn) }));
  return (
    <ul className="nv-link-list">
      {parts.map((part) => (
        <li key={part} className="nv-nowrap">
          {part}
        </li>
      ))}
    </ul>
  );
}

/** The status as a word with a coloured edge. */
export function ExemptionStatus({ status }: { status: ExemptionOutput["status"] }) {
  const { t } = useTranslation();
  return <span className={`nv-status nv-status--${status}`}>{t(`exemptionStatus.${status}`)}</span>;
}

/** What it releases from, and for a single parent's exemption the child's birth date. */
function ObligationsText({ exemption }: { exemption: Pick<ExemptionOutput, "obligations" | "childBirthDate"> }) {
  const { t, i18n } = useTranslation();
  const obligations = exemption.obligations.map((obligation) => t(`exemptionObligation.${obligation}`)).join(", ");
  return (
    <span className="nv-cell-note">
      {t("exemptions.obligations", { obligations })}
      {exemption.childBirthDate ? (
        <>
          <br />
          {t("exemptions.childBirthDate", { date: formatDate(exemption.childBirthDate, i18n.language) })}
        </>
      ) : null}
    </span>
  );
}

/** What one advice allows, in plain words (hours a week, a day, days, functional limits); nothing when it names none. */
function AdviceLimits({ advice }: { advice: ExemptionOutput["medicalAdvice"][number] }) {
  const { t, i18n } = useTranslation();
  const parts = [
    advice.hoursPerWeek === null ? "" : t("medicalAdvice.hoursPerWeekText", { hours: formatHours(advice.hoursPerWeek, i18n.language) }),
    workLimitsText(t, advice, i18n.language),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="nv-cell-note">{t("medicalAdvice.allows", { limits: parts.join(", ") })}</span>;
}

/** The medical advice a medical request is decided on: who, when, and the conclusion in functional terms. */
function MedicalAdviceList({ advice }: { advice: ExemptionOutput["medicalAdvice"] }) {
  const { t, i18n } = useTranslation();
  if (advice.length === 0) return null;
  return (
    <ul className="nv-link-list">
      {advice.map((item) => (
        <li key={item.id}>
          {t("exemptions.medicalAdvice", {
            advisor: t(`medicalAdvisor.${item.advisorKind}`),
            name: item.advisorName,
            date: formatDate(item.advisedOn, i18n.language),
          })}
          <span className="nv-cell-note">{item.conclusion}</span>
          <AdviceLimits advice={item} />
        </li>
      ))}
    </ul>
  );
}

function DecisionCell({ exemption }: { exemption: ExemptionOutput }) {
  const { t, i18n } = useTranslation();
  const lines: string[] = [];
  if (exemption.requestedBy) lines.push(t("exemptions.requestedBy", { name: exemption.requestedBy }));
  if (exemption.decidedBy)
    lines.push(t("exemptions.decidedBy", { name: exemption.decidedBy, date: formatDate(exemption.decidedAt, i18n.language) }));
  if (exemption.coSignedBy)
    lines.push(t("exemptions.coSignedBy", { name: exemption.coSignedBy, date: formatDate(exemption.coSignedAt, i18n.language) }));
  else if (exemption.needsCoSign) lines.push(t("exemptions.needsCoSign"));
  if (exemption.unmetCondition) lines.push(t(`unmetCondition.${exemption.unmetCondition}`));
  if (exemption.decisionNote) lines.push(exemption.decisionNote);
  if (exemption.endReason) lines.push(t("exemptions.endReason", { reason: exemption.endReason }));
  return (
    <>
      <MedicalAdviceList advice={exemption.medicalAdvice} />
      <ul className="nv-link-list">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

interface ExemptionsTableProps {
  exemptions: ExemptionOutput[];
  caption: string;
  /** The buttons for one exemption, by what the user may do. */
  actions: (exemption: ExemptionOutput) => ReactNode;
}

/** A client's exemptions: ground, scope, dates, status, whether it binds today, who decided, and the evidence. */
export function ExemptionsTable({ exemptions, caption, actions }: ExemptionsTableProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable
      id="exemptions"
      caption={caption}
      headers={HEADERS.map((header) => t(`exemptions.columns.${header}`))}
      className="nv-table--top"
    >
      {exemptions.map((exemption) => (
        <tr key={exemption.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {t(`exemptionType.${exemption.type}`)}
            <ObligationsText exemption={exemption} />
            <span className="nv-cell-note">{exemption.reason}</span>
          </th>
          <td className="utrecht-table__cell">
            <ScopeText exemption={exemption} />
          </td>
          <td className="utrecht-table__cell">
            <PeriodText exemption={exemption} />
          </td>
          <td className="utrecht-table__cell">
            <ExemptionStatus status={exemption.status} />
          </td>
          <td className="utrecht-table__cell">{exemption.inForce ? t("common.yes") : t("common.no")}</td>
          <td className="utrecht-table__cell">
            <DecisionCell exemption={exemption} />
          </td>
          <td className="utrecht-table__cell">{t("exemptions.version", { version: exemption.ordinanceVersion })}</td>
          <td className="utrecht-table__cell">
            <DocumentLinks documents={exemption.documents} />
          </td>
          <td className="utrecht-table__cell">
            <div className="nv-cell-actions">{actions(exemption)}</div>
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
