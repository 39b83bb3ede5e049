import { SINGLE_PARENT_GROUND } from "@shared/schemas/exemptions.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRequestExemption } from "./api.js";
import { useExemptionTypeOptions } from "./ExemptionForm.js";
import { toRequestInput } from "./exemptionFormModel.js";

const CONTROLS = { type: "requestType", reason: "requestReason", scope: "requestScope", childBirthDate: "requestChildBirthDate" };

/** The client asks for an exemption in their own words; a consultant decides and the client gets a letter. */
export function RequestExemptionForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const request = useRequestExemption(clientId);
  const typeOptions = useExemptionTypeOptions();
  const [type, setType] = useState("");
  const [reason, setReason] = useState("");
  const [scope, setScope] = useState("full");
  const [childBirthDate, setChildBirthDate] = useState("");
  const errors = useMemo(() => formErrorsOf(request.error, t, ["type", "reason", "scope", "childBirthDate"], CONTROLS), [request.error, t]);
  const singleParent = type === SINGLE_PARENT_GROUND;

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(toRequestInput({ type, reason, scope, childBirthDate }), {
      onSuccess: () => {
        setType("");
        setReason("");
        setScope("full");
        setChildBirthDate("");
      },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="exemption-request-title">
      <Heading level={4} id="exemption-request-title" className="nv-panel__title">
        {t("exemptionRequest.title")}
      </Heading>
      <Paragraph>{t("exemptionRequest.intro")}</Paragraph>
      {request.isSuccess ? (
        <Alert type="ok" role="status">
          {t("exemptionRequest.sent")}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <SelectField
          name="requestType"
          label={t("exemptionRequest.type")}
          value={type}
          onChange={setType}
          options={typeOptions}
          error={errors.byField.requestType}
        />
        {singleParent ? (
          <>
            <Paragraph>{t("exemptionRequest.singleParentIntro")}</Paragraph>
            <TextField
              name="requestChildBirthDate"
              type="date"
              label={t("exemptionRequest.childBirthDate")}
              description={t("exemptionRequest.childBirthDateHint")}
              value={childBirthDate}
              onChange={setChildBirthDate}
              error={errors.byField.requestChildBirthDate}
            />
          </>
        ) : null}
        <ChoiceFieldset
          name="requestScope"
          legend={t("exemptionRequest.scope")}
          type="radio"
          choices={[
            { value: "full", label: t("exemptionRequest.scopeFull") },
            { value: "partial", label: t("exemptionRequest.scopePartial") },
          ]}
          selected={[scope]}
          onChange={([value]) => setScope(value ?? "full")}
          error={errors.byField.requestScope}
        />
        <TextAreaField
          name="requestReason"
          label={t("exemptionRequest.reason")}
          description={t("exemptionRequest.reasonHint")}
          value={reason}
          onChange={setReason}
          error={errors.byField.requestReason}
          rows={4}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={request.isPending}>
            {t("exemptionRequest.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
