import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { formatAppointmentTime } from "@web/components/format.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { useInviteClients } from "./api.js";
import { InvitationProblem } from "./InvitationProblem.js";

/** Invites one client to an intake from the record, e.g. again after a missed intake or a returned letter. */
export function InviteClientBox({ client, again }: { client: ClientOutput; again: boolean }) {
  const { t, i18n } = useTranslation();
  const invite = useInviteClients();
  const result = invite.data?.items[0];

  if (result) {
    return (
      <Alert type="ok" role="status">
        <p className="nv-alert-text">
          {t("invite.oneDone", {
            when: formatAppointmentTime(result.appointment.startsAt, i18n.language),
            location: result.appointment.location,
          })}
        </p>
        <p className="nv-alert-text">
          <Link to={clientTabPath(client.id, "letters")} className="nl-link">
            {t("invite.toLetters")}
          </Link>
        </p>
      </Alert>
    );
  }

  return (
    <div className="nv-panel nv-panel--quiet">
      <Paragraph>{again ? t("invite.againIntro") : t("invite.oneIntro")}</Paragraph>
      <InvitationProblem error={invite.error} />
      <PrimaryActionButton type="button" busy={invite.isPending} onClick={() => invite.mutate({ clientIds: [client.id] })}>
        {again ? t("invite.again") : t("invite.one")}
      </PrimaryActionButton>
    </div>
  );
}
