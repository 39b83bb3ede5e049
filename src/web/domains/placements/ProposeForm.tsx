import { placementCreateInput } from "@shared/schemas/placements.js";
import { ApiError } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useProposePlacement } from "./api.js";
import { ReferralUndoStatus } from "./ReferralUndoStatus.js";
import { RolePicker } from "./RolePicker.js";

const FIELDS = ["roleId", "hoursPerWeek", "guidanceOverrideReason"] as const;

/** A consultant proposes the client for a role; when the organisation's guidance hours run out, a reason lets it through. */
export function ProposeForm({ clientId, clientName }: { clientId: string; clientName: string }) {
  const { t } = useTranslation();
  const propose = useProposePlacement();
  const [roleId, setRoleId] = useState<string | null>(null);
  const [roleLabel, setRoleLabel] = useState<string | null>(null);
  const [role, setRole] = useState<{ title: string; organisationName: string } | null>(null);
  const [hours, setHours] = useState("");
  const [override, setOverride] = useState("");
  const [askOverride, setAskOverride] = useState(false);
  // The proposal last undone, to say so where its status was.
  const [undone, setUndone] = useState<{ role: string; organisation: string } | null>(null);
  const confirmation = useConfirmation({
    title: t("sendProposal.title"),
    body: role
      ? t("sendProposal.placement", { organisation: role.organisationName, name: clientName, role: role.title })
      : t("sendProposal.placementChosen", { name: clientName, role: roleLabel ?? "" }),
    confirmLabel: t("sendProposal.send"),
  });
  const errors = useMemo(() => formErrorsOf(confirmation.invalid ?? propose.error, t, FIELDS), [confirmation.invalid, propose.error, t]);
  const guidanceExceeded = propose.error instanceof ApiError && propose.error.problem.code === "guidanceExceeded";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The proposal goes to the host organisation: asked first.
    confirmation.ask(send, {
      form: event.currentTarget,
      schema: placementCreateInput,
      body: {
        clientId,
        roleId: roleId ?? "",
        hoursPerWeek: hours.trim() === "" ? undefined : (toNumber(hours) as number),
        guidanceOverrideReason: askOverride ? override : undefined,
      },
    });
  }

  function send(input: z.input<typeof placementCreateInput>) {
    setUndone(null);
    propose.mutate(input, {
      onSuccess: () => {
        setRoleId(null);
        setHours("");
        setOverride("");
        setAskOverride(false);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problem.code === "guidanceExceeded") setAskOverride(true);
      },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="propose-title">
      <Heading level={3} id="propose-title" className="nv-panel__title">
        {t("propose.title")}
      </Heading>
      <Paragraph>{t("propose.intro")}</Paragraph>
      {propose.isSuccess ? (
        <ReferralUndoStatus
          placementId={propose.data.id}
          canUndo={propose.data.abilities.undo}
          onUndone={() => {
            setUndone({ role: propose.data.roleTitle, organisation: propose.data.organisationName });
            propose.reset();
          }}
        >
          <p className="nv-alert-text">
            {t("propose.done", { role: propose.data.roleTitle, organisation: propose.data.organisationName })}
          </p>
        </ReferralUndoStatus>
      ) : null}
      {undone ? (
        <Alert type="ok" role="status">
          {t("undoReferral.done", undone)}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      {guidanceExceeded ? null : <ProblemAlert error={errors.other} />}
      {guidanceExceeded ? (
        <Alert type="warning" role="alert">
          {t("propose.guidanceExceeded")}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <RolePicker
          clientId={clientId}
          selected={roleId}
          selectedLabel={roleLabel}
          onSelect={(value, label, chosen) => {
            setRoleId(value);
            setRoleLabel(label);
            setRole(chosen ?? null);
          }}
          error={errors.byField.roleId}
        />
        <TextField
          name="hoursPerWeek"
          inputMode="decimal"
          label={t("form.optional", { label: t("propose.hours") })}
          description={t("propose.hoursHint")}
          value={hours}
          onChange={setHours}
          error={errors.byField.hoursPerWeek}
          className="nv-input--short"
          autoComplete="off"
        />
        {askOverride ? (
          <TextAreaField
            name="guidanceOverrideReason"
            label={t("propose.overrideReason")}
            description={t("propose.overrideHint")}
            value={override}
            onChange={setOverride}
            error={errors.byField.guidanceOverrideReason}
            rows={3}
          />
        ) : null}
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={propose.isPending}>
            {t("propose.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}
