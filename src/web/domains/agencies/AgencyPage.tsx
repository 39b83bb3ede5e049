import type { AgencyOutput } from "@shared/schemas/agencies.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { AgencyAssignments } from "./AgencyAssignments.js";
import { AgencyEditForm } from "./AgencyEditForm.js";
import { useAgency } from "./api.js";

function Facts({ agency }: { agency: AgencyOutput }) {
  const { t } = useTranslation();
  return (
    <FactsList
      rows={[
        [t("agencies.kvkNumber"), agency.kvkNumber ?? t("agencies.noKvkNumber")],
        [t("agencies.district"), agency.district ?? t("agencies.noDistrict")],
      ]}
    />
  );
}

/**
 * One agency: its registration (which an admin can change) and its assignments, current and ended, each with the
 * actions the server allows the caller on it.
 */
export function AgencyPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const agency = useAgency(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const data = agency.data;

  return (
    <>
      <PageHeading documentTitle={data?.name ?? t("agencies.title")}>{data?.name ?? t("agencies.title")}</PageHeading>
      <Paragraph>
        <Link to="/agencies" className="nl-link">
          {t("agencies.backToList")}
        </Link>
      </Paragraph>
      <ProblemAlert error={agency.error} />
      {agency.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data ? (
        <>
          {saved && !editing ? (
            <Alert type="ok" role="status">
              {t("agencies.saved")}
            </Alert>
          ) : null}
          {editing ? (
            <AgencyEditForm
              agency={data}
              onDone={(changed) => {
                setEditing(false);
                setSaved(changed);
              }}
            />
          ) : (
            <>
              <Facts agency={data} />
              {data.abilities.update ? (
                <div className="nv-actions">
                  <SecondaryActionButton type="button" onClick={() => setEditing(true)}>
                    {t("agencies.edit")}
                  </SecondaryActionButton>
                </div>
              ) : null}
            </>
          )}
          <AgencyAssignments agency={data} />
        </>
      ) : null}
    </>
  );
}
