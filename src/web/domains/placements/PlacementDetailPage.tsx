import type { PlacementOutput } from "@shared/schemas/placements.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { AgreementForm } from "./AgreementForm.js";
import { AgreementVersions } from "./AgreementVersions.js";
import { AttributionFacts } from "./AttributionFacts.js";
import { AttributionForm } from "./AttributionForm.js";
import { usePlacement } from "./api.js";
import { ClientVoiceFacts } from "./ClientVoiceFacts.js";
import { EndPlacementForm } from "./EndPlacementForm.js";
import { ExpensesSection } from "./ExpensesSection.js";
import { HostProfile } from "./HostProfile.js";
import { HostSteps } from "./HostSteps.js";
import { PlacementNotes } from "./PlacementNotes.js";
import { PlacementUndoStatus } from "./PlacementUndoStatus.js";

/** The placement's terms and, once ended, why, what happened and (for staff) to whom the ending is attributable. */
function Summary({ placement, staff }: { placement: PlacementOutput; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [
      t("placements.status"),
      // The placement runs only from its start date: the server says whether it has begun.
      placement.status === "active" && !placement.hostSteps.begun && placement.startedOn
        ? t("placements.startsOn", { date: formatLongDate(placement.startedOn, i18n.language) })
        : t(`placementStatus.${placement.status}`),
    ],
    [t("placements.role"), placement.roleTitle],
    [t("placements.organisation"), placement.organisationName],
    [t("placements.hours"), t("guidance.hours", { hours: formatHours(placement.hoursPerWeek, i18n.language) })],
    [t("hostProfile.guidanceNeed"), t(`guidanceLevel.${placement.guidanceLevel}`)],
  ];
  if (placement.startedOn && placement.hostSteps.begun)
    rows.push([t("placements.startedOn"), formatLongDate(placement.startedOn, i18n.language)]);
  if (placement.endedOn) rows.push([t("placements.endedOn"), formatLongDate(placement.endedOn, i18n.language)]);
  if (placement.endReason) rows.push([t("endPlacement.reason"), t(`endReason.${placement.endReason}`)]);
  if (placement.hostAccount) rows.push([t("placements.hostAccount"), placement.hostAccount]);
  if (staff && placement.attributableTo) rows.push([t("placements.attributableTo"), t(`attribution.${placement.attributableTo}`)]);
  if (placement.decisionReason) rows.push([t("placements.decisionReason"), placement.decisionReason]);
  if (placement.guidanceOverrideReason) rows.push([t("propose.overrideReason"), placement.guidanceOverrideReason]);
  return <FactsList rows={rows} />;
}

/**
 * One placement: its terms, the agreement to sign (or its signed versions), notes, reporting the ending and, for the
 * consultant, hearing the client about it and determining to whom it is attributable.
 */
export function PlacementDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useCurrentUser();
  const placement = usePlacement(id);
  const [notice, setNotice] = useState<string | null>(null);
  const [newVersion, setNewVersion] = useState(false);
  const data = placement.data;
  // Staff open the client's record (and its letters); a host goes back to its placements.
  const staff = me.abilities.viewCaseload;
  const title = data ? t("placements.detailTitle", { name: data.clientGivenName, role: data.roleTitle }) : t("placements.title");

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        {staff && data ? (
          <Link to={clientTabPath(data.clientId, "placements")} className="nl-link">
            {t("placements.backToClient")}
          </Link>
        ) : (
          <Link to="/placements" className="nl-link">
            {t("placements.back")}
          </Link>
        )}
      </Paragraph>
      {notice ? (
        <Alert type="ok" role="status">
          {notice}
        </Alert>
      ) : null}
      {placement.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={placement.error} />
      {data ? (
        <>
          <PlacementUndoStatus placement={data} onUndone={setNotice} />
          <Summary placement={data} staff={staff} />
          {data.abilities.viewClientProfile ? <HostProfile clientId={data.clientId} /> : null}
          <HostSteps placement={data} />
          {data.abilities.start ? (
            <AgreementForm placement={data} kind="start" onSigned={() => setNotice(t("agreement.recorded"))} />
          ) : null}
          {data.agreements.length > 0 ? <AgreementVersions placement={data} withPdf={staff} /> : null}
          {data.abilities.signAgreement ? (
            newVersion ? (
              <AgreementForm
                placement={data}
                kind="agreements"
                onSigned={() => {
                  setNewVersion(false);
                  setNotice(t("agreement.newVersionSigned"));
                }}
              />
            ) : (
              <Paragraph>
                <SecondaryActionButton type="button" onClick={() => setNewVersion(true)}>
                  {t("agreement.changeTerms")}
                </SecondaryActionButton>
              </Paragraph>
            )
          ) : null}
          {data.status === "active" || data.status === "ended" ? <ExpensesSection placementId={data.id} /> : null}
          {data.notes.length > 0 || data.abilities.addNote ? <PlacementNotes placement={data} mayAdd={data.abilities.addNote} /> : null}
          {data.abilities.end ? (
            <EndPlacementForm placementId={data.id} staff={staff} onEnded={() => setNotice(t("endPlacement.done"))} />
          ) : null}
          {data.abilities.attribute ? null : <ClientVoiceFacts placement={data} />}
          {data.attribution ? <AttributionFacts placement={data} attribution={data.attribution} /> : null}
          {data.abilities.attribute ? (
            <AttributionForm placement={data} onSaved={() => setNotice(t("placementAttribution.saved"))} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
