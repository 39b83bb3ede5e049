import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { formatAppointmentTime } from "@web/components/format.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { useInvitationBatch, useInviteClients, useRecheckBatch, useUndoInvitations } from "./api.js";
import { InvitationProblem } from "./InvitationProblem.js";

/**
 * Invites one client to an intake from the record, e.g. again after a missed intake or a returned letter: after a
 * question, since it sends a registered letter; undone from the status message until the letter is printed. `needed`:
 * the client waits for an intake (none planned or held).
 */
export function InviteClientBox({ client, again, needed }: { client: ClientOutput; again: boolean; needed: boolean }) {
  const { t, i18n } = useTranslation();
  const invite = useInviteClients();
  const undo = useUndoInvitations();
  const recheck = useRecheckBatch();
  const batch = useInvitationBatch(invite.data);
  const [undone, setUndone] = useState(false);
  const name = `${client.givenName} ${client.familyName}`;
  const confirmation = useConfirmation({
    title: t("invite.confirmTitle", { count: 1 }),
    body: t("invite.confirmOne", { name }),
    confirmLabel: t("invite.confirmSend", { count: 1 }),
  });
  const result = batch.data?.items[0];

  if (result && batch.data) {
    const batchId = batch.data.batchId;
    return (
      <UndoStatus
        canUndo={batch.data.abilities.undo}
        busy={undo.isPending}
        error={undo.error}
        context={name}
        onUndo={() =>
          undo.mutate(batchId, {
            onSuccess: () => {
              invite.reset();
              setUndone(true);
            },
          })
        }
      >
        <p className="nv-alert-text">
          {t("invite.oneDone", {
            when: formatAppointmentTime(result.appointment.startsAt, i18n.language),
            location: result.appointment.location,
          })}
        </p>
        <p className="nv-alert-text nv-cell-actions">
          <LetterPdfLink letterId={result.letterId} label={t("invite.printLetter")} onDownload={() => recheck(batchId)} />
          <Link to={clientTabPath(client.id, "letters")} className="nl-link">
            {t("invite.toLetters")}
          </Link>
        </p>
      </UndoStatus>
    );
  }

  // Stays on the page after an invitation (its status and undo), and offers inviting only while no intake is planned.
  if (!needed) return null;
  return (
    <>
      {undone ? (
        <Alert type="ok" role="status">
          {t("invite.undone", { count: 1 })}
        </Alert>
      ) : null}
      <div className="nv-panel nv-panel--quiet">
        <Paragraph>{again ? t("invite.againIntro") : t("invite.oneIntro")}</Paragraph>
        <InvitationProblem error={invite.error} />
        <PrimaryActionButton
          type="button"
          busy={invite.isPending}
          onClick={() =>
            confirmation.ask(() => {
              setUndone(false);
              invite.mutate({ clientIds: [client.id] });
            })
          }
        >
          {again ? t("invite.again") : t("invite.one")}
        </PrimaryActionButton>
      </div>
      {confirmation.dialog}
    </>
  );
}
