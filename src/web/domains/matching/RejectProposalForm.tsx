import { PROPOSAL_REJECT_REASONS, type ProposalOutput, type ProposalRejectReason, proposalRejectInput } from "@shared/schemas/matching.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextAreaField } from "@web/components/fields.js";
import { focusOnMount } from "@web/components/focus.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { type FieldError, formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDecideProposal } from "./api.js";

const FIELDS = ["reasonCode", "reason"] as const;
const CONTROLS = { reasonCode: "rejectReasonCode", reason: "rejectReason" };

interface RejectProposalFormProps {
  proposal: ProposalOutput;
  onDone: (rejected: ProposalOutput | null) => void;
}

/**
 * Not following a proposal: a reason from the list is required (and words for "another reason"), so the next plan
 * and the team lead can learn from it. The shared schema checks the form as the server does.
 */
export function RejectProposalForm({ proposal, onDone }: RejectProposalFormProps) {
  const { t } = useTranslation();
  const decide = useDecideProposal(proposal.id);
  const [reasonCode, setReasonCode] = useState<ProposalRejectReason | "">("");
  const [reason, setReason] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const serverErrors = useMemo(() => formErrorsOf(decide.error, t, FIELDS, CONTROLS), [decide.error, t]);
  const list = localErrors.length > 0 ? localErrors : serverErrors.list;
  const byField = localErrors.length > 0 ? Object.fromEntries(localErrors.map((e) => [e.name, e.message])) : serverErrors.byField;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { reasonCode: reasonCode || undefined, reason: reason.trim() || undefined };
    const parsed = proposalRejectInput.safeParse(input);
    if (!parsed.success) {
      const errors: FieldError[] = [];
      const paths = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      if (paths.has("reasonCode")) errors.push({ name: CONTROLS.reasonCode, message: t("fieldErrors.required") });
      if (paths.has("reason"))
        errors.push({ name: CONTROLS.reason, message: t(reason.trim() ? "fieldErrors.rejectReason.too_small" : "fieldErrors.required") });
      setLocalErrors(errors);
      return;
    }
    setLocalErrors([]);
    decide.mutate({ kind: "reject", ...parsed.data }, { onSuccess: (rejected) => onDone(rejected) });
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
        <SelectField
          name={CONTROLS.reasonCode}
          label={t("proposals.rejectReasonCodeLabel")}
          value={reasonCode}
          onChange={(value) => setReasonCode(value as ProposalRejectReason | "")}
          error={byField[CONTROLS.reasonCode]}
          required
          options={[
            { value: "", label: t("proposals.chooseReason") },
            ...PROPOSAL_REJECT_REASONS.map((code) => ({ value: code, label: t(`proposals.rejectReasons.${code}`) })),
          ]}
        />
        <TextAreaField
          name={CONTROLS.reason}
          label={t("proposals.rejectReasonLabel")}
          description={t("proposals.rejectReasonHint")}
          value={reason}
          onChange={setReason}
          error={byField[CONTROLS.reason]}
          rows={3}
          required={reasonCode === "other"}
        />
        <FormActions submitLabel={t("proposals.rejectSubmit")} busy={decide.isPending} onCancel={() => onDone(null)} />
      </form>
    </section>
  );
}
