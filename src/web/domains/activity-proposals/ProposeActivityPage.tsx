import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UploadForm } from "../documents/UploadForm.js";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { type ActivityProposalOutput, useActivityProposals } from "./api.js";
import { ProposalFacts, ProposalHeading } from "./ProposalFacts.js";
import { ProposeActivityForm } from "./ProposeActivityForm.js";

/** One of the client's own proposals: where it stands, the reasons, the letter, and evidence while it waits. */
function MyProposal({ proposal, onUploaded }: { proposal: ActivityProposalOutput; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  return (
    <article className="nv-panel" aria-labelledby={`proposal-${proposal.id}`}>
      <ProposalHeading proposal={proposal} level={3} />
      <ProposalFacts proposal={proposal} asClient />
      {proposal.decisionId ? (
        <Paragraph>
          <Link to={`/my-decisions#decision-${proposal.decisionId}`} className="nl-link">
            {t("activityProposals.toDecision")}
          </Link>
        </Paragraph>
      ) : null}
      {proposal.abilities.addEvidence && !uploading ? (
        <SecondaryActionButton type="button" onClick={() => setUploading(true)}>
          {t("activityProposals.addEvidence")}
          <span className="nv-visually-hidden"> ({proposal.place})</span>
        </SecondaryActionButton>
      ) : null}
      {proposal.abilities.addEvidence && uploading ? (
        <UploadForm
          path={`/activity-proposals/${proposal.id}/documents`}
          name={`evidence-${proposal.id}`}
          title={t("activityProposals.addEvidence")}
          onUploaded={onUploaded}
        />
      ) : null}
    </article>
  );
}

/** "Zelf iets voorstellen": the client proposes an activity of their own and sees what became of each proposal. */
export function ProposeActivityPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const clientId = me.role === "client" ? me.clientId : null;
  const proposals = useActivityProposals(clientId ?? "", clientId !== null);
  if (!clientId) return <NotFoundPage />;
  const items = proposals.data?.items ?? [];
  return (
    <div className="nv-narrow">
      <PageHeading>{t("activityProposals.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("activityProposals.intro")}</Paragraph>
      <Paragraph>{t("activityProposals.how")}</Paragraph>
      <section className="nv-stack" aria-labelledby="propose-title">
        <Heading level={2} id="propose-title">
          {t("activityProposals.formTitle")}
        </Heading>
        <ProposeActivityForm clientId={clientId} />
      </section>
      <section className="nv-stack" aria-labelledby="my-proposals-title">
        <Heading level={2} id="my-proposals-title">
          {t("activityProposals.mine")}
        </Heading>
        <ProblemAlert error={proposals.error} />
        {proposals.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
        {proposals.data && items.length === 0 ? <Paragraph>{t("activityProposals.none")}</Paragraph> : null}
        {items.map((proposal) => (
          <MyProposal key={proposal.id} proposal={proposal} onUploaded={() => void proposals.refetch()} />
        ))}
      </section>
    </div>
  );
}
