import { type MatchPlanOutput, PROPOSAL_STATUSES, type ProposalOutput } from "@shared/schemas/matching.js";
import { Alert } from "@web/components/Alert.js";
import { SelectField } from "@web/components/fields.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { usePagedSearch } from "@web/components/usePagedSearch.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePlacement } from "../placements/api.js";
import { ReferralUndoStatus } from "../placements/ReferralUndoStatus.js";
import { AcceptProposalButton } from "./AcceptProposalButton.js";
import { type ProposalStatus, useProposals } from "./api.js";
import { Notice } from "./Notice.js";
import { ProposalsTable } from "./ProposalsTable.js";
import { RejectProposalForm } from "./RejectProposalForm.js";

const rejectButtonId = (id: string) => `proposal-reject-${id}`;

/** The placement a followed proposal became, with undo while the host does not see it yet (its abilities say so). */
function FollowedNotice({ proposal, placementId, onUndone }: { proposal: ProposalOutput; placementId: string; onUndone: () => void }) {
  const { t } = useTranslation();
  const placement = usePlacement(placementId);
  return (
    <ReferralUndoStatus
      placementId={placementId}
      canUndo={placement.data?.abilities.undo ?? false}
      onUndone={onUndone}
      focusKey={`${proposal.id}-${proposal.status}`}
      context={t("proposals.context", { name: proposal.clientName, role: proposal.roleTitle })}
    >
      <p className="nv-alert-text">
        {t("proposals.decided.accepted", { name: proposal.clientName, role: proposal.roleTitle, organisation: proposal.organisationName })}
      </p>
      <p className="nv-alert-text">
        <Link to={`/placements/${placementId}`} className="nl-link">
          {t("proposals.toPlacement")}
        </Link>
      </p>
    </ReferralUndoStatus>
  );
}

function DecidedNotice({ proposal, onUndone }: { proposal: ProposalOutput; onUndone: () => void }) {
  const { t } = useTranslation();
  if (proposal.status === "accepted" && proposal.placementId) {
    return <FollowedNotice proposal={proposal} placementId={proposal.placementId} onUndone={onUndone} />;
  }
  return (
    <Notice focusKey={`${proposal.id}-${proposal.status}`}>
      <p className="nv-alert-text">
        {t(`proposals.decided.${proposal.status}`, {
          name: proposal.clientName,
          role: proposal.roleTitle,
          organisation: proposal.organisationName,
        })}
      </p>
    </Notice>
  );
}

/** The plan's proposals, filtered by status and paged; caseworkers follow them or not, with a reason. */
export function ProposalsSection({ plan }: { plan: MatchPlanOutput }) {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = usePagedSearch(["status", "district", "consultantId"] as const);
  const status = (PROPOSAL_STATUSES as readonly string[]).includes(values.status) ? (values.status as ProposalStatus) : undefined;
  const filters = { status, district: values.district || undefined, consultantId: values.consultantId || undefined };
  const proposals = useProposals(plan.id, { ...filters, page, pageSize }, plan.status === "done");
  const groups = proposals.data?.groups ?? [];
  const districts = (plan.summary?.shortfall ?? []).map((row) => row.district);
  const [rejecting, setRejecting] = useState<ProposalOutput | null>(null);
  const [decided, setDecided] = useState<ProposalOutput | null>(null);
  const [stepError, setStepError] = useState<unknown>(null);
  // The followed proposal last undone: it is open again, and the page says so.
  const [undone, setUndone] = useState<ProposalOutput | null>(null);
  const mayDecide = proposals.data?.abilities.decide ?? false;
  const { pending, accepted, rejected } = plan.proposals;

  function closeReject(result: ProposalOutput | null) {
    const id = rejecting?.id;
    setRejecting(null);
    if (result) {
      setUndone(null);
      setDecided(result);
      return;
    }
    // Cancelled: back to the button that opened the form.
    if (id) setTimeout(() => document.getElementById(rejectButtonId(id))?.focus(), 0);
  }

  const actions = (proposal: ProposalOutput) =>
    proposal.abilities.follow || proposal.abilities.reject ? (
      <>
        {proposal.abilities.follow ? (
          <AcceptProposalButton
            proposal={proposal}
            onDone={(result, error) => {
              setStepError(error);
              setUndone(null);
              setDecided(result);
              if (result && rejecting?.id === proposal.id) setRejecting(null);
            }}
          />
        ) : null}
        {proposal.abilities.reject ? (
          <SecondaryActionButton
            type="button"
            id={rejectButtonId(proposal.id)}
            aria-expanded={rejecting?.id === proposal.id}
            onClick={() => {
              setDecided(null);
              setStepError(null);
              setRejecting(proposal);
            }}
          >
            {t("proposals.reject")}
            <span className="nv-visually-hidden"> ({t("proposals.context", { name: proposal.clientName, role: proposal.roleTitle })})</span>
          </SecondaryActionButton>
        ) : null}
      </>
    ) : null;

  return (
    <section aria-labelledby="proposals-title" className="nv-stack">
      <Heading level={2} id="proposals-title">
        {t("proposals.title")}
      </Heading>
      <Paragraph>{mayDecide ? t("proposals.intro") : t("proposals.introReadOnly")}</Paragraph>
      <Paragraph>{t("proposals.counts", { pending, accepted, rejected })}</Paragraph>
      <form className="nv-filters nv-filters--narrow" aria-label={t("proposals.filtersLabel")} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="consultantId"
          label={t("proposals.filterConsultant")}
          value={values.consultantId}
          onChange={(next) => update({ consultantId: next })}
          options={[
            { value: "", label: t("proposals.allConsultants") },
            ...groups
              .filter((group) => group.consultantId)
              .map((group) => ({ value: group.consultantId ?? "", label: group.consultantName ?? "" })),
          ]}
        />
        {districts.length > 1 ? (
          <SelectField
            name="district"
            label={t("proposals.filterDistrict")}
            value={values.district}
            onChange={(next) => update({ district: next })}
            options={[{ value: "", label: t("proposals.allDistricts") }, ...districts.map((d) => ({ value: d, label: d }))]}
          />
        ) : null}
        <SelectField
          name="status"
          label={t("proposals.filterStatus")}
          value={status ?? ""}
          onChange={(next) => update({ status: next })}
          options={[
            { value: "", label: t("proposals.allStatuses") },
            ...PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) })),
          ]}
        />
      </form>
      {decided ? (
        <DecidedNotice
          proposal={decided}
          onUndone={() => {
            setUndone(decided);
            setDecided(null);
          }}
        />
      ) : null}
      {undone ? (
        <Alert type="ok" role="status">
          {t("undoReferral.done", { role: undone.roleTitle, organisation: undone.organisationName })}
        </Alert>
      ) : null}
      <ProblemAlert error={stepError} />
      <PagedResults
        query={proposals}
        name="proposals"
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
        empty={t("proposals.empty")}
      >
        {(data) => (
          <ProposalsTable
            proposals={data.items}
            groups={data.groups}
            caption={t("proposals.caption", { count: data.total })}
            actions={mayDecide ? actions : undefined}
          />
        )}
      </PagedResults>
      {rejecting ? <RejectProposalForm key={rejecting.id} proposal={rejecting} onDone={closeReject} /> : null}
    </section>
  );
}
