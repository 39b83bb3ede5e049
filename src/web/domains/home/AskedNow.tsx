import type { ClientOverview } from "@shared/schemas/overview.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { placeAddress, weekParts } from "./when.js";

/** A step's or placement's period in words: from a date, or from one date to another. */
export function usePeriod() {
  const { t, i18n } = useTranslation();
  return (from: string | null, until: string | null) => {
    if (!from) return null;
    const start = formatLongDate(from, i18n.language);
    return until
      ? t("start.asked.fromUntil", { from: start, until: formatLongDate(until, i18n.language) })
      : t("start.asked.from", { date: start });
  };
}

/** One placement: where (organisation and address), when, how many hours, and the contact person there. */
export function PlacementFacts({ placement }: { placement: ClientOverview["placements"][number] }) {
  const { t, i18n } = useTranslation();
  const period = usePeriod();
  return (
    <>
      <Paragraph>
        <strong>{t("start.asked.placementTitle", { role: placement.roleTitle, organisation: placement.organisationName })}</strong>
      </Paragraph>
      <ul className="nv-start__facts">
        <li>{placeAddress(t, placement)}</li>
        {placement.weekdayParts.length ? <li>{t("start.asked.when", { parts: weekParts(t, placement.weekdayParts) })}</li> : null}
        <li>{t("start.asked.hours", { hours: formatHours(placement.hoursPerWeek, i18n.language) })}</li>
        {period(placement.startDate, placement.endDate) ? <li>{period(placement.startDate, placement.endDate)}</li> : null}
        {placement.status === "accepted" ? <li>{t("start.asked.startsSoon")}</li> : null}
        {placement.contactPerson ? <li>{t("start.asked.contact", { name: placement.contactPerson })}</li> : null}
      </ul>
    </>
  );
}

/** What is asked of the client now: the running plan steps and their placement. */
export function AskedNow({ steps, placements }: Pick<ClientOverview, "steps" | "placements">) {
  const { t, i18n } = useTranslation();
  const period = usePeriod();
  const nothing = steps.length === 0 && placements.length === 0;
  return (
    <section aria-labelledby="asked-title" className="nv-start__block">
      <Heading level={2} id="asked-title">
        {t("start.asked.title")}
      </Heading>
      {nothing ? <Paragraph>{t("start.asked.none")}</Paragraph> : null}
      {placements.map((placement) => (
        <PlacementFacts key={placement.id} placement={placement} />
      ))}
      {steps.length ? (
        <ul className="nv-start__list">
          {steps.map((step) => (
            <li key={step.id}>
              <strong>{step.title}</strong>
              <br />
              {t("start.asked.hours", { hours: formatHours(step.hoursPerWeek, i18n.language) })}
              {period(step.startDate, step.endDate) ? (
                <>
                  <br />
                  {period(step.startDate, step.endDate)}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {nothing ? null : (
        <Paragraph>
          <Link to="/my-plan" className="nl-link">
            {t("start.asked.more")}
          </Link>
        </Paragraph>
      )}
    </section>
  );
}
