import type { ProposalOutput } from "@shared/schemas/matching.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField } from "@web/components/fields.js";
import { focusOnMount } from "@web/components/focus.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { type FieldError, formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDecideProposal } from "./api.js";

const FIELDS = ["reason"] as const;
const CONTROLS = { reason: "rejectReason" };

interface RejectProposalFormProps {
  proposal: ProposalOutput;
  onDone: (rejected: ProposalOutput | null) => void;
}

/** Not following a proposal: the reason is required, so the next plan and the team lead can learn from it. */
export function RejectProposalForm({ proposal, onDone }: RejectProposalFormProps) {
  const { t } = useTranslation();
  const decide = useDecideProposal(proposal.id);
  const [reason, setReason] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const serverErrors = useMemo(() => formErrorsOf(decide.error, t, FIELDS, CONTROLS), [decide.error, t]);
  const list = localErrors.length > 0 ? localErrors : serverErrors.list;
  const byField = localErrors.length > 0 ? Object.fromEntries(localErrors.map((e) => [e.name, e.message])) : serverErrors.byField;

  function submit(event: FormEvent) {
    event.preventDefault();
    const tooShort = reason.trim().length < 3;
    setLocalErrors(tooShort ? [{ name: "rejectReason", message: t("fieldErrors.rejectReason.too_small") }] : []);
    if (tooShort) return;
    decide.mutate({ kind: "reject", reason: reason.trim() }, { onSuccess: (rejected) => onDone(rejected) });
  }

  return (
    <section className="nv-panel" aria-labelledby="reject-proposal-title">
      {/* The form opens below the table: the keyboard goes with it, and again for another proposal. */}
      <Heading key={proposal.id} level={3} id="reject-proposal-title" ref={focusOnMount} tabIndex={-1} className="nv-panel__title">
        {t("proposals.rejectTitle", { name: proposal.clientName, role: proposal.roleTitle })}
      </Heading>
      <Paragraph>{t("proposals.rejectIntro")}</Paragraph>
      <ErrorSummary errors={list} />
      <ProblemAlert error={serverErrors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextAreaField
          name="rejectReason"
          label={t("proposals.rejectReasonLabel")}
          description={t("proposals.rejectReasonHint")}
          value={reason}
          onChange={setReason}
          error={byField.rejectReason}
          rows={3}
          required
        />
        <FormActions submitLabel={t("proposals.rejectSubmit")} busy={decide.isPending} onCancel={() => onDone(null)} />
      </form>
    </section>
  );
}
