import type { ClientOverview } from "@shared/schemas/overview.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";

/** A phone number as a link the phone can dial. */
function PhoneLink({ number }: { number: string }) {
  return (
    <a href={`tel:${number.replace(/[^\d+]/g, "")}`} className="nl-link nv-nowrap">
      {number}
    </a>
  );
}

/** The client's consultant and how to reach them: their own number when known, the team's number always. */
export function ConsultantContact({ consultant, teamPhone }: { consultant: ClientOverview["consultant"]; teamPhone: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="consultant-title" className="nv-start__block">
      <Heading level={2} id="consultant-title">
        {t("start.consultant.title")}
      </Heading>
      {consultant ? (
        <>
          <Paragraph>{t("start.consultant.name", { name: consultant.name })}</Paragraph>
          <ul className="nv-start__facts">
            {consultant.phone ? (
              <li>
                {t("start.consultant.phone")} <PhoneLink number={consultant.phone} />
              </li>
            ) : null}
            <li>
              {t("start.consultant.email")}{" "}
              <a href={`mailto:${consultant.email}`} className="nl-link">
                {consultant.email}
              </a>
            </li>
            <li>
              {t(consultant.phone ? "start.consultant.teamPhoneToo" : "start.consultant.teamPhone")} <PhoneLink number={teamPhone} />
            </li>
          </ul>
        </>
      ) : (
        <Paragraph>
          {t("start.consultant.none")} <PhoneLink number={teamPhone} />
        </Paragraph>
      )}
    </section>
  );
}
