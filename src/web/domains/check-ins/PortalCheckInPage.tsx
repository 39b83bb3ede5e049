import type { PortalCheckInInput } from "@shared/schemas/check-ins.js";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { CheckboxField, TextAreaField } from "@web/components/fields.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import type { CheckIn } from "./api.js";
import { WHO5_ANSWERS, WHO5_ITEMS } from "./checkInModel.js";

const FIELDS = ["howItGoes", ...WHO5_ITEMS.map((i) => `who5.${i}`), "who5", "needsHelp", "helpNote"] as const;

/** "Hoe gaat het?": the client's own short check-in, in plain words, for their own record and their consultant. */
export function PortalCheckInPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const clientId = me.clientId ?? "";
  const action = useMutation({
    mutationFn: (input: PortalCheckInInput) => api<CheckIn>(`/clients/${clientId}/portal-check-ins`, { method: "POST", body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["check-ins", clientId] }),
  });
  const [howItGoes, setHowItGoes] = useState("");
  const [answers, setAnswers] = useState<string[]>(["", "", "", "", ""]);
  const [needsHelp, setNeedsHelp] = useState(false);
  const [helpNote, setHelpNote] = useState("");
  const errors = useMemo(() => formErrorsOf(action.error, t, FIELDS), [action.error, t]);
  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate({
      howItGoes: howItGoes.trim() || null,
      // An unanswered question goes as null, so the server names it.
      who5: answers.map((a) => (a === "" ? null : Number(a))) as number[],
      needsHelp,
      helpNote: needsHelp ? helpNote.trim() || null : null,
    });
  }

  if (action.isSuccess) {
    return (
      <div className="nv-narrow">
        <PageHeading>{t("portalCheckIn.title")}</PageHeading>
        <Alert type="ok" role="status">
          <Paragraph>{action.data.needsHelp ? t("portalCheckIn.savedHelp") : t("portalCheckIn.saved")}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/" className="nl-link">
            {t("client.backToHome")}
          </Link>
        </Paragraph>
      </div>
    );
  }

  const choices = WHO5_ANSWERS.map((value) => ({ value, label: t(`portalCheckIn.answers.${value}`) }));
  return (
    <div className="nv-narrow">
      <PageHeading>{t("portalCheckIn.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("portalCheckIn.intro")}</Paragraph>
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextAreaField
          name="howItGoes"
          label={t("portalCheckIn.howItGoes")}
          description={t("portalCheckIn.howItGoesHint")}
          value={howItGoes}
          onChange={setHowItGoes}
          error={errors.byField.howItGoes}
          rows={3}
        />
        <fieldset className="nv-fieldset nv-fieldset--group">
          <legend className="nv-fieldset__legend">{t("portalCheckIn.who5Title")}</legend>
          <p className="nv-field-description">{t("portalCheckIn.who5Intro")}</p>
          {errors.byField.who5 ? <Alert type="error">{errors.byField.who5}</Alert> : null}
          {WHO5_ITEMS.map((item) => (
            <ChoiceFieldset
              key={item}
              name={`who5.${item}`}
              legend={t(`who5.items.${item}`)}
              type="radio"
              choices={choices}
              selected={answers[item] ? [answers[item]] : []}
              onChange={([value]) => setAnswers((current) => current.map((a, i) => (i === item ? (value ?? "") : a)))}
              error={errors.byField[`who5.${item}`]}
            />
          ))}
        </fieldset>
        <CheckboxField
          name="needsHelp"
          label={t("portalCheckIn.needsHelp")}
          description={t("portalCheckIn.needsHelpHint")}
          checked={needsHelp}
          onChange={setNeedsHelp}
        />
        {needsHelp ? (
          <TextAreaField
            name="helpNote"
            label={t("portalCheckIn.helpNote")}
            value={helpNote}
            onChange={setHelpNote}
            error={errors.byField.helpNote}
            rows={3}
          />
        ) : null}
        <Paragraph>{t("portalCheckIn.urgent")}</Paragraph>
        <FormActions submitLabel={t("portalCheckIn.submit")} busy={action.isPending} />
      </form>
    </div>
  );
}
