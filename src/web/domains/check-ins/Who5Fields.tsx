import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SensitiveBadge } from "@web/components/SensitiveBadge.js";
import { useTranslation } from "react-i18next";
import { WHO5_ANSWERS, WHO5_ATTENTION_BELOW, WHO5_ITEM_ATTENTION_AT_MOST, WHO5_ITEMS, who5Raw } from "./checkInModel.js";

interface Who5FieldsProps {
  answers: string[];
  onChange: (answers: string[]) => void;
  errors: Record<string, string>;
}

/** The five WHO-5 statements about the last two weeks, each 0 (never) to 5 (all the time), with the raw score. */
export function Who5Fields({ answers, onChange, errors }: Who5FieldsProps) {
  const { t } = useTranslation();
  const raw = who5Raw(answers);
  const lowItem = answers.some((answer) => answer !== "" && Number(answer) <= WHO5_ITEM_ATTENTION_AT_MOST);
  const choices = WHO5_ANSWERS.map((value) => ({ value, label: value, hint: t(`who5.answers.${value}`) }));
  return (
    <fieldset className="nv-fieldset nv-fieldset--group">
      <legend className="nv-fieldset__legend">
        {t("who5.title")} <SensitiveBadge />
      </legend>
      <p className="nv-field-description">{t("who5.intro")}</p>
      <div className="nv-scores">
        {WHO5_ITEMS.map((item) => (
          <ChoiceFieldset
            key={item}
            name={`who5.${item}`}
            legend={t(`who5.items.${item}`)}
            type="radio"
            layout="scale"
            choices={choices}
            selected={answers[item] ? [answers[item]] : []}
            onChange={([value]) => onChange(answers.map((answer, i) => (i === item ? (value ?? "") : answer)))}
            error={errors[`who5.${item}`]}
          />
        ))}
      </div>
      <div aria-live="polite" className="nv-who5-score">
        {raw === null ? (
          <p className="nv-muted">{t("who5.scorePending")}</p>
        ) : raw < WHO5_ATTENTION_BELOW || lowItem ? (
          <Alert type="warning">
            <strong>{t("who5.score", { raw })}</strong> {raw < WHO5_ATTENTION_BELOW ? t("who5.low") : t("who5.lowItem")}
          </Alert>
        ) : (
          <p>
            <strong>{t("who5.score", { raw })}</strong> {t("who5.fine")}
          </p>
        )}
      </div>
    </fieldset>
  );
}
