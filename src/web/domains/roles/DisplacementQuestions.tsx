import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { DISPLACEMENT_QUESTIONS, type RoleValues } from "./roleFormModel.js";

interface DisplacementQuestionsProps {
  answers: RoleValues["answers"];
  onChange: (answers: RoleValues["answers"]) => void;
  errors: Record<string, string>;
}

/** The displacement check in plain words: five yes/no questions about whether the work replaces paid work. */
export function DisplacementQuestions({ answers, onChange, errors }: DisplacementQuestionsProps) {
  const { t } = useTranslation();
  const choices = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  return (
    <section aria-labelledby="displacement-title" className="nv-panel nv-panel--quiet">
      <Heading level={3} id="displacement-title">
        {t("roleForm.displacementTitle")}
      </Heading>
      <Paragraph>{t("roleForm.displacementIntro")}</Paragraph>
      <Paragraph>{t("roleForm.displacementOutcome")}</Paragraph>
      {DISPLACEMENT_QUESTIONS.map((question) => (
        <ChoiceFieldset
          key={question}
          name={`displacementCheck.${question}`}
          legend={t(`roleForm.questions.${question}`)}
          type="radio"
          layout="inline"
          choices={choices}
          selected={answers[question] ? [answers[question]] : []}
          onChange={([value]) => onChange({ ...answers, [question]: value ?? "" })}
          error={errors[`displacementCheck.${question}`]}
        />
      ))}
    </section>
  );
}
