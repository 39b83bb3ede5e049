import type { OrganisationOutput } from "@shared/schemas/organisations.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatHours } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useRoles } from "../roles/api.js";
import { RolesTable } from "../roles/RolesTable.js";
import { useOrganisation } from "./api.js";
import { FeedbackFigures } from "./FeedbackFigures.js";
import { GuidanceOverview } from "./GuidanceOverview.js";
import { MunicipalSupport } from "./MunicipalSupport.js";

function Facts({ organisation }: { organisation: OrganisationOutput }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t("organisationForm.kvkNumber"), organisation.kvkNumber],
    [
      t("organisations.address"),
      t("organisations.addressValue", { postcode: organisation.postcode, houseNumber: organisation.houseNumber }),
    ],
    [t("organisations.district"), organisation.district ?? t("organisations.noDistrict")],
    [t("organisations.sector"), t(`sector.${organisation.sector}`)],
    [t("organisations.guidance"), t("guidance.hours", { hours: formatHours(organisation.guidanceHoursPerWeek, i18n.language) })],
    [t("organisationForm.trainingOffered"), organisation.trainingOffered ?? t("organisations.noTraining")],
    [
      t("organisations.limitedDutch"),
      organisation.acceptsLimitedDutch ? t("organisations.limitedDutchYes") : t("organisations.limitedDutchNo"),
    ],
  ];
  return <FactsList rows={rows} />;
}

function Contacts({ organisation }: { organisation: OrganisationOutput }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="contacts-title" className="nv-panel nv-panel--quiet">
      <Heading level={2} id="contacts-title" className="nv-panel__title">
        {t("organisations.contacts")}
      </Heading>
      {organisation.contacts.length === 0 ? (
        <Paragraph>{t("organisations.noContacts")}</Paragraph>
      ) : (
        <ul className="nv-list">
          {/* Contacts have no id of their own; two with the same name, e-mail and phone would be one person. */}
          {organisation.contacts.map((contact) => (
            <li key={[contact.name, contact.email, contact.phone].join("|")}>
              {contact.name}
              {contact.phone ? (
                <>
                  {" · "}
                  <a href={`tel:${contact.phone.replace(/[^+0-9]/g, "")}`} className="nl-link">
                    {contact.phone}
                  </a>
                </>
              ) : null}
              {contact.email ? (
                <>
                  {" · "}
                  <a href={`mailto:${contact.email}`} className="nl-link">
                    {contact.email}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OrganisationRoles({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const roles = useRoles({ organisationId, pageSize: 100 });
  const data = roles.data;
  return (
    <section aria-labelledby="organisation-roles-title" className="nv-panel nv-panel--quiet">
      <Heading level={2} id="organisation-roles-title" className="nv-panel__title">
        {t("organisations.roles")}
      </Heading>
      <ProblemAlert error={roles.error} />
      {roles.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{t("organisations.noRoles")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <RolesTable roles={data.items} total={data.total} busy={roles.isPlaceholderData} showOrganisation={false} />
      ) : null}
      {data && data.total > data.items.length ? (
        <Paragraph>{t("organisations.moreRoles", { shown: data.items.length, total: data.total })}</Paragraph>
      ) : null}
    </section>
  );
}

/** One host organisation for staff: its details and contacts, guidance demand against supply, and its roles. */
export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const organisation = useOrganisation(id);
  const data = organisation.data;

  return (
    <>
      <PageHeading documentTitle={data?.name ?? t("organisations.one")}>{data?.name ?? t("organisations.one")}</PageHeading>
      <Paragraph>
        <Link to="/organisations" className="nl-link">
          {t("organisations.back")}
        </Link>
      </Paragraph>
      {organisation.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={organisation.error} />
      {data ? (
        <>
          {created ? (
            <Alert type="ok" role="status">
              {t("organisations.created")}
            </Alert>
          ) : null}
          <Facts organisation={data} />
          <Contacts organisation={data} />
          <GuidanceOverview organisationId={data.id} audience="staff" />
          <MunicipalSupport organisationId={data.id} />
          <FeedbackFigures organisationId={data.id} />
          <OrganisationRoles organisationId={data.id} />
        </>
      ) : null}
    </>
  );
}
