import { DISTRICTS } from "@shared/districts.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useStartMatchPlan } from "./api.js";

const FIELDS = ["district"] as const;

/** Starts a plan: a team lead for one of their districts, an administrator for a district or the whole city. */
export function StartPlanForm({ cityWide }: { cityWide: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const start = useStartMatchPlan();
  // Who may plan the whole city plans any district; a team lead plans the districts of their team.
  const districts = cityWide ? DISTRICTS : me.districts;
  const options = [
    ...(cityWide ? [{ value: "", label: t("matchPlans.wholeCity") }] : []),
    ...districts.map((d) => ({ value: d, label: d })),
  ];
  const [district, setDistrict] = useState(options[0]?.value ?? "");
  const errors = useMemo(() => formErrorsOf(start.error, t, FIELDS), [start.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    start.mutate(district || null, { onSuccess: (plan) => navigate(`/match-plans/${plan.id}`) });
  }

  return (
    <section aria-labelledby="start-plan-title" className="nv-panel">
      <Heading level={2} id="start-plan-title" className="nv-panel__title">
        {t("matchPlans.startTitle")}
      </Heading>
      <Paragraph>{cityWide ? t("matchPlans.startIntroAdmin") : t("matchPlans.startIntro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <SelectField
          name="district"
          label={t("matchPlans.district")}
          value={district}
          onChange={setDistrict}
          options={options}
          error={errors.byField.district}
        />
        <FormActions submitLabel={t("matchPlans.start")} busy={start.isPending} />
      </form>
    </section>
  );
}
