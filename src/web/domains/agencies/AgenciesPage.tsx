import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../session/api.js";
import { AgencyClientsList } from "./AgencyClientsList.js";
import { AgencyNewForm } from "./AgencyNewForm.js";
import { AgencyResultsTable } from "./AgencyResultsTable.js";
import { AssignClientForm } from "./AssignClientForm.js";
import { useAgencies, useAgencyResults } from "./api.js";

/**
 * Bemiddelingsbureaus. Team leads: each agency's targets against results and the client's outcomes, a form to
 * assign a client and a link to each agency's page; admins: the same without assigning, and registering an agency;
 * an agency worker: their agency's clients now. What
 * shows follows the abilities the server gives the caller on the agencies.
 */
export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const agencies = useAgencies();
  const items = agencies.data?.items ?? [];
  const viewResults = items.some((agency) => agency.abilities.viewResults);
  const assignable = items.filter((agency) => agency.abilities.assignClients);
  const results = useAgencyResults(viewResults);
  // An agency worker's own agency, as GET /me names it.
  const workerAgency = me.data?.agencyId && me.data.agencyName ? { id: me.data.agencyId, name: me.data.agencyName } : null;
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());

  return (
    <>
      <PageHeading>{t("agencies.title")}</PageHeading>
      <ProblemAlert error={agencies.error ?? results.error} />
      {agencies.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {viewResults ? <Paragraph>{t("agencies.intro")}</Paragraph> : null}
      {results.data ? <AgencyResultsTable results={results.data} /> : null}
      {assignable.length > 0 ? <AssignClientForm agencies={assignable} today={today} /> : null}
      {me.data?.abilities.registerAgencies ? <AgencyNewForm /> : null}
      {viewResults && items.length > 0 ? (
        <nav className="nv-section" aria-labelledby="agency-list-title">
          <Heading level={2} id="agency-list-title">
            {t("agencies.agencyList")}
          </Heading>
          <ul className="nv-link-list">
            {items.map((agency) => (
              <li key={agency.id}>
                <Link to={`/agencies/${agency.id}`} className="nl-link">
                  {agency.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {workerAgency ? <AgencyClientsList agency={workerAgency} /> : null}
    </>
  );
}
