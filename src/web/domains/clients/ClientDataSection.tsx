import type { ClientOutput } from "@shared/schemas/clients.js";
import { formatLongDate, formatLongDateTime, languageName } from "@web/components/format.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { workLimitsText } from "../capacity/workLimitsText.js";
import { BenefitEndSection } from "../registry/BenefitEndSection.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { ReassignSection } from "../team/ReassignSection.js";
import { useStatusSummary } from "./api.js";
import { DistrictWarning } from "./DistrictWarning.js";

function useRows(client: ClientOutput): [string, ReactNode][] {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.language;
  // The consultant by name, as the head of the record has it from the server.
  const summary = useStatusSummary(client.id, client.abilities.viewStatusSummary);
  const none = <span className="nv-muted">{t("client.notRecorded")}</span>;
  const named = summary.data?.consultant;
  const consultant =
    client.consultantId === null
      ? t("client.unassigned")
      : named
        ? named.isCaller
          ? t("recordHeader.consultantYou", { name: named.name })
          : named.name
        : client.consultantId === me.id
          ? t("client.assignedToYou")
          : t("client.assignedToOther");
  return [
    [t("client.bsn"), client.bsn],
    [t("client.givenName"), client.givenName],
    [t("client.familyName"), client.familyName],
    [t("client.birthDate"), formatLongDate(client.birthDate, lang)],
    [t("client.postcode"), client.postcode],
    [t("client.houseNumber"), client.houseNumber],
    [t("client.houseNumberAddition"), client.houseNumberAddition ?? none],
    [t("client.district"), client.district ?? <strong>{t("client.districtUnknownShort")}</strong>],
    [t("client.benefitStartDate"), formatLongDate(client.benefitStartDate, lang)],
    [t("client.yearsOnBenefit"), client.yearsOnBenefit],
    [t("client.longTermCohort"), client.longTermCohort ? t("common.yes") : t("common.no")],
    [
      t("client.benefitEnd"),
      client.benefitEndDate
        ? t("client.benefitEndedOn", {
            date: formatLongDate(client.benefitEndDate, lang),
            reason: t(`benefitEndReason.${client.benefitEndReason ?? "other"}`),
          })
        : none,
    ],
    [t("client.statePensionDate"), client.statePensionDate ? formatLongDate(client.statePensionDate, lang) : none],
    [t("client.householdId"), client.householdId ?? none],
    [
      t("client.householdPartners"),
      client.householdPartners.length ? (
        <ul className="nv-plain-list" key="partners">
          {client.householdPartners.map((partner) => (
            <li key={partner.id}>
              <Link to={`/clients/${partner.id}`} className="nl-link">
                {`${partner.givenName} ${partner.familyName}`}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        none
      ),
    ],
    [t("client.capacityHoursPerWeek"), client.capacityHoursPerWeek ?? none],
    [
      t("client.workLimits"),
      workLimitsText(
        t,
        { hoursPerDay: client.capacityHoursPerDay, daysPerWeek: client.capacityDaysPerWeek, functionalLimits: client.functionalLimits },
        lang,
      ) || t("workLimits.none"),
    ],
    [t("client.guidanceNeed"), t(`guidanceLevel.${client.guidanceNeed}`)],
    [t("client.phone"), client.phone ?? none],
    [t("client.email"), client.email ?? none],
    [t("client.languages"), client.languages.length ? client.languages.map((code) => languageName(code, lang)).join(", ") : none],
    [t("client.householdSituation"), t(`household.${client.householdSituation}`)],
    [t("client.educationLevel"), t(`education.${client.educationLevel}`)],
    [t("client.consultant"), consultant],
    [t("client.createdAt"), formatLongDateTime(client.createdAt, lang)],
    [t("client.updatedAt"), formatLongDateTime(client.updatedAt, lang)],
  ];
}

/** The client's registered data, with the actions on it: edit, the audit trail (admin), reassign (team lead). */
export function ClientDataSection({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const rows = useRows(client);
  return (
    <>
      <DistrictWarning client={client} />
      {client.abilities.edit ? (
        <ul className="nv-actions" aria-label={t("client.actions")}>
          <li>
            <Link to={`/clients/${client.id}/edit`} className="utrecht-button utrecht-button--primary-action nv-button-link">
              {t("client.edit")}
            </Link>
          </li>
          {client.abilities.viewAuditTrail ? (
            <li>
              <Link to={`/audit-log?clientId=${client.id}`} className="nl-link">
                {t("client.auditLog")}
              </Link>
            </li>
          ) : null}
          {client.abilities.viewAccessLog ? (
            <li>
              <Link to={`/clients/${client.id}/access-log`} className="nl-link">
                {t("accessLog.linkForStaff")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <dl className="nv-data-list">
        {rows.map(([label, value]) => (
          <div className="nv-data-list__item" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {client.abilities.reassign ? <ReassignSection client={client} /> : null}
      {/* Kept after the end is recorded: it shows the undo while the letter is inside. */}
      {client.abilities.endBenefit || client.benefitEndDate !== null ? <BenefitEndSection client={client} /> : null}
    </>
  );
}
