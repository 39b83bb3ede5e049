import type { ProposalOutput } from "@shared/schemas/matching.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { PrimaryActionButton } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { useDecideProposal } from "./api.js";

interface AcceptProposalButtonProps {
  proposal: ProposalOutput;
  onDone: (accepted: ProposalOutput | null, error: unknown) => void;
}

/** Follows a proposal: the client is referred to the role under every referral rule. */
export function AcceptProposalButton({ proposal, onDone }: AcceptProposalButtonProps) {
  const { t } = useTranslation();
  const decide = useDecideProposal(proposal.id);
  const confirmation = useConfirmation({
    title: t("sendProposal.title"),
    body: t("sendProposal.placement", { organisation: proposal.organisationName, name: proposal.clientName, role: proposal.roleTitle }),
    confirmLabel: t("sendProposal.send"),
  });
  // Following it sends the referral to the host organisation: asked first.
  const accept = () =>
    confirmation.ask(() =>
      decide.mutate({ kind: "accept" }, { onSuccess: (accepted) => onDone(accepted, null), onError: (error) => onDone(null, error) }),
    );
  return (
    <>
      <PrimaryActionButton type="button" busy={decide.isPending} onClick={accept}>
        {t("proposals.accept")}
        <span className="nv-visually-hidden"> ({t("proposals.context", { name: proposal.clientName, role: proposal.roleTitle })})</span>
      </PrimaryActionButton>
      {confirmation.dialog}
    </>
  );
}
