import type { AccountabilityRequestOutput } from "@shared/schemas/accountability.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField } from "@web/components/fields.js";
import { toOptionalText } from "@web/components/formValues.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRespond } from "./api.js";

interface AnswerFormProps {
  request: AccountabilityRequestOutput;
  /** The client reads "I"; staff answer on the client's behalf. */
  audience: "client" | "staff";
  onDone: (answered: boolean) => void;
}

/** Answers an accountability request with one of two buttons, and optionally a few words. */
export function AnswerForm({ request, audience, onDone }: AnswerFormProps) {
  const { t } = useTranslation();
  const respond = useRespond(request.clientId);
  const [statement, setStatement] = useState("");
  const errors = useMemo(() => formErrorsOf(respond.error, t, ["statement"], { statement: "accountabilityStatement" }), [respond.error, t]);
  const context = audience === "staff" ? { context: "staff" } : {};

  function answer(continues: boolean) {
    respond.mutate({ id: request.id, input: { continues, statement: toOptionalText(statement) } }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="answer-title">
      <Heading level={4} id="answer-title" className="nv-panel__title">
        {t("accountability.answerTitle", { activity: request.activity })}
      </Heading>
      <Paragraph>{t("accountability.answerIntro", context)}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={(event) => event.preventDefault()} noValidate className="nv-form">
        <TextAreaField
          name="accountabilityStatement"
          label={t("form.optional", { label: t("accountability.statement") })}
          description={t("accountability.statementHint")}
          value={statement}
          onChange={setStatement}
          error={errors.byField.accountabilityStatement}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton
            type="button"
            busy={respond.isPending && respond.variables?.input.continues === true}
            onClick={() => answer(true)}
          >
            {t("accountability.continues", context)}
          </PrimaryActionButton>
          <SecondaryActionButton
            type="button"
            busy={respond.isPending && respond.variables?.input.continues === false}
            onClick={() => answer(false)}
          >
            {t("accountability.stopped", context)}
          </SecondaryActionButton>
          <SecondaryActionButton type="button" onClick={() => onDone(false)}>
            {t("form.cancel")}
          </SecondaryActionButton>
        </div>
      </form>
    </section>
  );
}
