import type { AgencyOutput, AssignmentOutput } from "@shared/schemas/agencies.js";
import { Alert } from "@web/components/Alert.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAgencyAssignments } from "./api.js";
import { EndAssignmentForm } from "./EndAssignmentForm.js";

const CELL = "utrecht-table__cell";

function Status({ assignment }: { assignment: AssignmentOutput }) {
  const { t, i18n } = useTranslation();
  const status = t(`agencies.status.${assignment.status}`);
  if (assignment.endedOn === null) return <>{status}</>;
  const date = formatDate(assignment.endedOn, i18n.language);
  return <>{assignment.status === "endedEarly" ? t("agencies.endedOn", { date }) : t("agencies.endsOn", { status, date })}</>;
}

function EndReason({ assignment }: { assignment: AssignmentOutput }) {
  const { t } = useTranslation();
  if (assignment.endReason === null) return <>{t("agencies.noEnd")}</>;
  const who = assignment.endedByName ? ` (${assignment.endedByName})` : "";
  const note = assignment.endNote ? `: ${assignment.endNote}` : "";
  return <>{`${t(`agencies.endReasons.${assignment.endReason}`)}${who}${note}`}</>;
}

/**
 * An agency's assignments of clients in the caller's scope, current and ended: client, period, who assigned, where
 * it stands and why it ended. "Beëindigen" shows where the server says the caller may end one.
 */
export function AgencyAssignments({ agency }: { agency: AgencyOutput }) {
  const { t, i18n } = useTranslation();
  const assignments = useAgencyAssignments(agency.id);
  const [ending, setEnding] = useState<AssignmentOutput | null>(null);
  const [ended, setEnded] = useState<AssignmentOutput | null>(null);
  const items = assignments.data?.items ?? [];
  const date = (value: string) => formatDate(value, i18n.language);

  return (
    <section className="nv-section" aria-labelledby="agency-assignments-title">
      <Heading level={2} id="agency-assignments-title">
        {t("agencies.assignmentsTitle")}
      </Heading>
      <ProblemAlert error={assignments.error} />
      {assignments.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {ended && !ending ? (
        <Alert type="ok" role="status">
          {t("agencies.endDone", { client: ended.clientName, date: date(ended.endedOn ?? ended.endDate) })}
        </Alert>
      ) : null}
      {assignments.data && items.length === 0 ? <Paragraph>{t("agencies.noAgencyAssignments")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable
          id="agency-assignments"
          caption={t("agencies.assignmentsCaption", { name: agency.name })}
          headers={[
            t("agencies.clientField"),
            t("agencies.periodHeader"),
            t("agencies.assignedBy"),
            t("agencies.statusHeader"),
            t("agencies.endReasonHeader"),
            t("agencies.actionsHeader"),
          ]}
        >
          {items.map((item) => (
            <tr key={item.id} className="utrecht-table__row">
              <th scope="row" className={`${CELL} nv-table__row-header`}>
                <Link to={`/clients/${item.clientId}`} className="nl-link">
                  {item.clientName}
                </Link>
              </th>
              <td className={CELL}>{t("agencies.period", { start: date(item.startDate), end: date(item.plannedEndDate) })}</td>
              <td className={CELL}>{item.assignedByName ?? t("agencies.unknownPerson")}</td>
              <td className={CELL}>
                <Status assignment={item} />
              </td>
              <td className={CELL}>
                <EndReason assignment={item} />
              </td>
              <td className={CELL}>
                {item.abilities.end ? (
                  <SecondaryActionButton
                    type="button"
                    aria-label={t("agencies.endFor", { client: item.clientName })}
                    onClick={() => {
                      setEnded(null);
                      setEnding(item);
                    }}
                  >
                    {t("agencies.end")}
                  </SecondaryActionButton>
                ) : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {ending ? (
        <EndAssignmentForm
          key={ending.id}
          assignment={ending}
          onDone={(result) => {
            setEnding(null);
            setEnded(result);
          }}
        />
      ) : null}
    </section>
  );
}
