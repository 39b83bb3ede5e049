import { Alert } from "@web/components/Alert.js";
import { focusOnMount } from "@web/components/focus.js";
import { formatDateTime } from "@web/components/format.js";
import { Heading } from "@web/components/nlds.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { batchLettersUrl, registeredMailListUrl } from "../letters/api.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { type Invitations, useInvitationBatch, useRecheckBatch, useUndoInvitations } from "./api.js";

interface InvitationResultProps {
  /** The batch as the invitation answered it: its letters are printed together, or it is undone together. */
  initial: Invitations;
  /** Client names by id, as they were in the selection. */
  names: ReadonlyMap<string, string>;
}

/**
 * What the invitation did: per client the intake's time and place and the letter to send, and "Ongedaan maken" while
 * no letter has left the building. Takes focus.
 */
export function InvitationResult({ initial, names }: InvitationResultProps) {
  const { t, i18n } = useTranslation();
  const batch = useInvitationBatch(initial).data ?? initial;
  const undo = useUndoInvitations();
  const recheck = useRecheckBatch();
  const { batchId, items: invitations } = batch;
  const withdrawn = batch.withdrawnAt !== null;
  const sorted = [...invitations].sort((a, b) => a.appointment.startsAt.localeCompare(b.appointment.startsAt));

  return (
    <section className="nv-result" aria-labelledby="invite-result-title">
      {/* Invitations are new each time, so the first one's id names this result: a new result takes focus again. */}
      <Heading key={invitations[0]?.id} level={2} id="invite-result-title" ref={focusOnMount} tabIndex={-1} className="nv-result__title">
        {t("invite.done", { count: invitations.length })}
      </Heading>
      {withdrawn ? (
        <Alert type="ok" role="status">
          {t("invite.undone", { count: invitations.length })}
        </Alert>
      ) : (
        <UndoStatus canUndo={batch.abilities.undo} busy={undo.isPending} error={undo.error} onUndo={() => undo.mutate(batchId)}>
          <p className="nv-alert-text">{t("invite.doneIntro")}</p>
          <ul className="nv-link-list" aria-label={t("invite.printActions")}>
            <li>
              <a href={batchLettersUrl(batchId)} download className="nl-link" onClick={() => recheck(batchId)}>
                {t("invite.printAll")}
              </a>
            </li>
            <li>
              <a href={registeredMailListUrl(batchId)} download className="nl-link">
                {t("invite.mailList")}
              </a>
            </li>
          </ul>
        </UndoStatus>
      )}
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
                    {withdrawn ? (
                      <span className="nv-status nv-status--withdrawn">{t("letters.withdrawn")}</span>
                    ) : (
                      <LetterPdfLink
                        letterId={invitation.letterId}
                        label={t("invite.letterPdf")}
                        context={name}
                        onDownload={() => recheck(batchId)}
                      />
                    )}
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
