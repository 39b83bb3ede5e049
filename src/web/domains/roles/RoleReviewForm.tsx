import { complaintDecisionInput, displacementReviewInput } from "@shared/schemas/roles.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { type FormErrors, formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDecideComplaint, useReviewRole, useRoleComplaints } from "./api.js";

const REVIEW_FIELDS = ["outcome", "reason"] as const;
const COMPLAINT_FIELDS = ["outcome", "reason"] as const;

// Both forms can be on one page: the complaint form's controls get their own ids, and its errors point there.
function prefixed(errors: FormErrors): FormErrors {
  const rename = (name: string) => (name ? `complaint${name.charAt(0).toUpperCase()}${name.slice(1)}` : name);
  return {
    byField: Object.fromEntries(Object.entries(errors.byField).map(([name, message]) => [rename(name), message])),
    list: errors.list.map((error) => ({ ...error, name: rename(error.name) })),
    other: errors.other,
  };
}

/**
 * A team lead decides a role that needs review: approve or reject, with the reason. With `rejectOnly`, a later review
 * of an approved role: rejecting it stops its placements.
 */
export function RoleReviewForm({
  roleId,
  roleTitle,
  placesTaken,
  onReviewed,
  rejectOnly = false,
}: {
  roleId: string;
  roleTitle: string;
  /** The role's proposed, accepted and active placements: a rejection ends each, with a letter. */
  placesTaken: number;
  onReviewed: (message: string) => void;
  rejectOnly?: boolean;
}) {
  const { t } = useTranslation();
  const review = useReviewRole(roleId);
  const [chosen, setOutcome] = useState("");
  const outcome = rejectOnly ? "rejected" : chosen;
  const [reason, setReason] = useState("");
  // Rejecting ends the role's placements and referrals, each with a letter to its client: asked first.
  const confirmation = useConfirmation({
    title: placesTaken === 1 ? t("sendLetter.title") : t("sendLetter.manyTitle"),
    body: t("sendLetter.roleEnds", { count: placesTaken, role: roleTitle }),
    confirmLabel: placesTaken === 1 ? t("sendLetter.send") : t("sendLetter.manySend"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? review.error, t, REVIEW_FIELDS),
    [confirmation.invalid, review.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { outcome: outcome as "approved", reason };
    const save = () => review.mutate(input, { onSuccess: (role) => onReviewed(t(`roleReview.done.${role.status}`)) });
    if (outcome === "rejected" && placesTaken > 0)
      confirmation.ask(save, { form: event.currentTarget, schema: displacementReviewInput, body: input });
    else save();
  }

  return (
    <section className="nv-panel" aria-labelledby="review-title">
      <Heading level={2} id="review-title" className="nv-panel__title">
        {t(rejectOnly ? "roleReview.rejectTitle" : "roleReview.title")}
      </Heading>
      {rejectOnly ? <Paragraph>{t("roleReview.rejectIntro")}</Paragraph> : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        {rejectOnly ? null : (
          <ChoiceFieldset
            name="outcome"
            legend={t("roleReview.outcome")}
            type="radio"
            choices={["approved", "rejected"].map((value) => ({ value, label: t(`roleReview.outcomes.${value}`) }))}
            selected={outcome ? [outcome] : []}
            onChange={([value]) => setOutcome(value ?? "")}
            error={errors.byField.outcome}
          />
        )}
        <TextAreaField
          name="reason"
          label={t("roleReview.reason")}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={review.isPending}>
            {t(rejectOnly ? "roleReview.rejectSubmit" : "roleReview.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}

/** A team lead decides an open displacement complaint about the role: upheld rejects the role, dismissed lifts the suspension. */
export function ComplaintDecisionForm({
  roleId,
  roleTitle,
  placesTaken,
  onDecided,
}: {
  roleId: string;
  roleTitle: string;
  placesTaken: number;
  onDecided: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const decide = useDecideComplaint();
  const complaints = useRoleComplaints(roleId, true);
  const open = (complaints.data?.items ?? []).filter((c) => c.status === "open");
  const [chosen, setChosen] = useState("");
  const complaintId = chosen || open[0]?.id || "";
  const [outcome, setOutcome] = useState("");
  const [reason, setReason] = useState("");
  // An upheld complaint rejects the role; that ends the role's placements and referrals, each with a letter to its client: asked first.
  const confirmation = useConfirmation({
    title: placesTaken === 1 ? t("sendLetter.title") : t("sendLetter.manyTitle"),
    body: t("sendLetter.roleEnds", { count: placesTaken, role: roleTitle }),
    confirmLabel: placesTaken === 1 ? t("sendLetter.send") : t("sendLetter.manySend"),
  });
  const errors = useMemo(
    () => prefixed(formErrorsOf(confirmation.invalid ?? decide.error, t, COMPLAINT_FIELDS)),
    [confirmation.invalid, decide.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const decision = { outcome: outcome as "upheld", reason };
    const save = () =>
      decide.mutate(
        { complaintId: complaintId.trim(), ...decision },
        { onSuccess: (complaint) => onDecided(t(`complaintDecision.done.${complaint.status}`)) },
      );
    if (outcome === "upheld" && placesTaken > 0)
      confirmation.ask(save, { form: event.currentTarget, schema: complaintDecisionInput, body: decision });
    else save();
  }

  return (
    <section className="nv-panel" aria-labelledby="complaint-decision-title">
      <Heading level={2} id="complaint-decision-title" className="nv-panel__title">
        {t("complaintDecision.title")}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <ChoiceFieldset
          name="complaintId"
          legend={t("complaintDecision.which")}
          type="radio"
          choices={open.map((c) => ({
            value: c.id,
            label: t("complaintDecision.filed", {
              date: formatLongDate(c.createdAt, i18n.language),
              kind: t(`complaintDecision.kinds.${c.filerKind}`),
              description: c.description,
            }),
          }))}
          selected={complaintId ? [complaintId] : []}
          onChange={([value]) => setChosen(value ?? "")}
        />
        <ChoiceFieldset
          name="complaintOutcome"
          legend={t("complaintDecision.outcome")}
          type="radio"
          choices={["upheld", "dismissed"].map((value) => ({ value, label: t(`complaintDecision.outcomes.${value}`) }))}
          selected={outcome ? [outcome] : []}
          onChange={([value]) => setOutcome(value ?? "")}
          error={errors.byField.complaintOutcome}
        />
        <TextAreaField
          name="complaintReason"
          label={t("complaintDecision.reason")}
          value={reason}
          onChange={setReason}
          error={errors.byField.complaintReason}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={decide.isPending}>
            {t("complaintDecision.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}
