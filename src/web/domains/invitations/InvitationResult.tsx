import { focusOnMount } from "@web/components/focus.js";
import { formatDateTime } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { batchLettersUrl, registeredMailListUrl } from "../letters/api.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import type { Invitations } from "./api.js";

interface InvitationResultProps {
  /** The batch these invitations were made in: its letters are printed together. */
  batchId: string;
  invitations: Invitations["items"];
  /** Client names by id, as they were in the selection. */
  names: ReadonlyMap<string, string>;
}

/** What the invitation did: per client the intake's time and place and the letter to send. Takes focus. */
export function InvitationResult({ batchId, invitations, names }: InvitationResultProps) {
  const { t, i18n } = useTranslation();
  const sorted = [...invitations].sort((a, b) => a.appointment.startsAt.localeCompare(b.appointment.startsAt));

  return (
    <section className="nv-result" aria-labelledby="invite-result-title">
      {/* Invitations are new each time, so the first one's id names this result: a new result takes focus again. */}
      <Heading key={invitations[0]?.id} level={2} id="invite-result-title" ref={focusOnMount} tabIndex={-1} className="nv-result__title">
        {t("invite.done", { count: invitations.length })}
      </Heading>
      <Paragraph>{t("invite.doneIntro")}</Paragraph>
      <ul className="nv-link-list" aria-label={t("invite.printActions")}>
        <li>
          <a href={batchLettersUrl(batchId)} download className="nl-link">
            {t("invite.printAll")}
          </a>
        </li>
        <li>
          <a href={registeredMailListUrl(batchId)} download className="nl-link">
            {t("invite.mailList")}
          </a>
        </li>
      </ul>
      <ScrollRegion labelledBy="invite-result-caption">
        <table className="utrecht-table utrecht-table--html-table nv-table">
          <caption id="invite-result-caption" className="utrecht-table__caption">
            {t("invite.resultCaption", { count: invitations.length })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {["client.name", "invite.intakeAt", "appointments.location", "invite.letter"].map((key) => (
                <th scope="col" className="utrecht-table__header-cell" key={key}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {sorted.map((invitation) => {
              const name = names.get(invitation.clientId) ?? invitation.clientId.slice(0, 8);
              return (
                <tr key={invitation.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell nv-table__row-header">
                    <Link to={clientTabPath(invitation.clientId, "letters")} className="nl-link">
                      {name}
                    </Link>
                    {invitation.sequence > 1 ? (
                      <span className="nv-cell-note">{t("invite.sequence", { count: invitation.sequence })}</span>
                    ) : null}
                  </th>
                  <td className="utrecht-table__cell nv-nowrap">{formatDateTime(invitation.appointment.startsAt, i18n.language)}</td>
                  <td className="utrecht-table__cell">{invitation.appointment.location}</td>
                  <td className="utrecht-table__cell">
                    <LetterPdfLink letterId={invitation.letterId} label={t("invite.letterPdf")} context={name} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
