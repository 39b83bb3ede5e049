import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAgencyAssignments } from "./api.js";

/** An agency worker's clients: those assigned to their agency today, each with its period. */
export function AgencyClientsList({ agency }: { agency: { id: string; name: string } }) {
  const { t, i18n } = useTranslation();
  const assignments = useAgencyAssignments(agency.id);
  const items = assignments.data?.items ?? [];
  return (
    <section className="nv-section" aria-labelledby={`agency-${agency.id}`}>
      <Heading level={2} id={`agency-${agency.id}`}>
        {t("agencies.myAgency", { name: agency.name })}
      </Heading>
      <ProblemAlert error={assignments.error} />
      {assignments.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {assignments.data && items.length === 0 ? <Paragraph>{t("agencies.noAssignments")}</Paragraph> : null}
      {items.length > 0 ? (
        <ul aria-label={t("agencies.myClients")}>
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/clients/${item.clientId}`} className="nl-link">
                {item.clientName}
              </Link>{" "}
              {t("agencies.period", {
                start: formatLongDate(item.startDate, i18n.language),
                end: formatLongDate(item.endDate, i18n.language),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
