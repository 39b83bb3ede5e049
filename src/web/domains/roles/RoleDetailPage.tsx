import type { RoleOutput } from "@shared/schemas/roles.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useRole, useRoleComplaints, useUndoComplaint, useUndoRoleReview } from "./api.js";
import { ComplaintDecisionForm, RoleReviewForm } from "./RoleReviewForm.js";
import { RoleStatus } from "./RoleStatus.js";

function Facts({ role }: { role: RoleOutput }) {
  const { t, i18n } = useTranslation();
  const hours =
    role.minHoursPerWeek > 0
      ? `${formatHours(role.minHoursPerWeek, i18n.language)}–${formatHours(role.hoursPerWeek, i18n.language)}`
      : formatHours(role.hoursPerWeek, i18n.language);
  const rows: [string, string][] = [
    [t("vacancies.organisation"), role.organisationName],
    [t("roleForm.description"), role.description],
    [t("vacancies.hours"), t("vacancies.hoursValue", { hours })],
    [t("vacancies.places"), t("vacancies.placesValue", { taken: role.placesTaken, places: role.places })],
    [t("roleForm.guidanceLevel"), t(`guidanceLevel.${role.guidanceLevel}`)],
    [t("roleForm.dutchLevel"), t(`dutchLevel.${role.dutchLevel}`)],
    [t("roleForm.physicalDemands"), t(`physicalDemands.${role.physicalDemands}`)],
    [t("vacancies.sector"), t(`roleSector.${role.sector}`)],
    [t("vacancies.longestDay"), t("vacancies.longestDayValue", { hours: formatHours(role.longestDayHours, i18n.language) })],
    [t("vacancies.daysPerWeek"), t("vacancies.daysPerWeekValue", { count: role.daysPerWeek })],
    [t("vacancies.atNight"), role.atNight ? t("common.yes") : t("common.no")],
    [t("vacancies.demands"), role.demands.map((demand) => t(`workDemand.${demand}`)).join(", ") || t("vacancies.noDemands")],
    [t("roleForm.skills"), role.skills.join(", ") || t("vacancies.none")],
    [t("vacancies.education"), t(`roleEducation.${role.educationLevel}`)],
    [t("roleForm.startDate"), formatLongDate(role.startDate, i18n.language)],
    [t("roleForm.endDate"), role.endDate ? formatLongDate(role.endDate, i18n.language) : t("vacancies.noEnd")],
  ];
  return <FactsList rows={rows} />;
}

/**
 * One volunteer role: its terms and what it asks (its longest day, days, night work, demands, skills, education), the
 * displacement outcome with the reason, complaints, and for team leads the review.
 */
export function RoleDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const role = useRole(id);
  // The forms disappear once decided, so the page says what happened.
  const [notice, setNotice] = useState<string | null>(null);
  const undo = useUndoRoleReview(id);
  const data = role.data;
  // An upheld complaint that can still be taken back, as the server says: its letters are inside.
  const complaints = useRoleComplaints(id, data?.abilities.viewComplaints ?? false);
  const undoableComplaint = complaints.data?.items.find((c) => c.abilities.undo) ?? null;
  const undoComplaint = useUndoComplaint();

  return (
    <>
      <PageHeading documentTitle={data?.title ?? t("vacancies.roleTitle")}>{data?.title ?? t("vacancies.roleTitle")}</PageHeading>
      <Paragraph>
        <Link to="/roles" className="nl-link">
          {t("vacancies.back")}
        </Link>
      </Paragraph>
      {role.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={role.error} />
      {data ? (
        <>
          <section aria-labelledby="displacement-status-title" className="nv-panel">
            <Heading level={2} id="displacement-status-title" className="nv-panel__title">
              {t("vacancies.displacementTitle")}
            </Heading>
            {created || notice ? (
              <Alert type="ok" role="status">
                {notice ?? t("vacancies.created")}
              </Alert>
            ) : null}
            <Paragraph>
              <RoleStatus role={data} />
            </Paragraph>
            <Paragraph>{t(`vacancies.statusExplained.${data.status}`)}</Paragraph>
            {data.statusReasonCodes.length > 0 ? (
              <ul className="nv-list">
                {data.statusReasonCodes.map((code) => (
                  <li key={code}>{t(`displacementFindings.${code}`)}</li>
                ))}
              </ul>
            ) : data.statusReason ? (
              <Paragraph>{t("vacancies.reason", { reason: data.statusReason })}</Paragraph>
            ) : null}
            {data.suspended ? <Alert type="warning">{t("vacancies.suspendedExplained")}</Alert> : null}
            {data.placementsEndedByRejection > 0 ? (
              <Alert type="info">{t("vacancies.endedByRejection", { count: data.placementsEndedByRejection })}</Alert>
            ) : null}
            {data.abilities.undoReview ? (
              <UndoStatus
                canUndo={data.abilities.undoReview}
                busy={undo.isPending}
                error={undo.error}
                onUndo={() => undo.mutate(undefined, { onSuccess: () => setNotice(t("roleReview.undone")) })}
              >
                <p className="nv-alert-text">{t("roleReview.undoable", { count: data.placementsEndedByRejection })}</p>
              </UndoStatus>
            ) : null}
            {undoableComplaint ? (
              <UndoStatus
                canUndo={undoableComplaint.abilities.undo}
                busy={undoComplaint.isPending}
                error={undoComplaint.error}
                onUndo={() => undoComplaint.mutate(undoableComplaint.id, { onSuccess: () => setNotice(t("complaintDecision.undone")) })}
              >
                <p className="nv-alert-text">{t("complaintDecision.undoable", { count: data.placementsEndedByRejection })}</p>
              </UndoStatus>
            ) : null}
            <Paragraph>{data.mayTakePlacements ? t("vacancies.mayTakePlacements") : t("vacancies.mayNotTakePlacements")}</Paragraph>
          </section>
          <Facts role={data} />
          <section aria-labelledby="complaints-title" className="nv-panel nv-panel--quiet">
            <Heading level={2} id="complaints-title" className="nv-panel__title">
              {t("vacancies.complaintsTitle")}
            </Heading>
            <Paragraph>{t("vacancies.complaintsIntro")}</Paragraph>
            <Paragraph>
              <Link to={`/vacatures/${data.id}/klacht`} className="nl-link">
                {t("vacancies.complaintLink")}
              </Link>
            </Paragraph>
          </section>
          {data.abilities.review ? (
            <RoleReviewForm roleId={data.id} roleTitle={data.title} placesTaken={data.placesTaken} onReviewed={setNotice} />
          ) : data.abilities.reject ? (
            <RoleReviewForm roleId={data.id} roleTitle={data.title} placesTaken={data.placesTaken} onReviewed={setNotice} rejectOnly />
          ) : null}
          {data.abilities.decideComplaints ? (
            <ComplaintDecisionForm roleId={data.id} roleTitle={data.title} placesTaken={data.placesTaken} onDecided={setNotice} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
