import { EXEMPTION_OBLIGATIONS } from "@shared/schemas/exemptions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useTranslation } from "react-i18next";

interface ObligationsFieldsetProps {
  name: string;
  selected: string[];
  onChange: (obligations: string[]) => void;
  error?: string | undefined;
}

/** What an exemption releases from: the tegenprestatie (art. 9 lid 1 sub c) and/or the work obligations (sub a and b). */
export function ObligationsFieldset({ name, selected, onChange, error }: ObligationsFieldsetProps) {
  const { t } = useTranslation();
  return (
    <ChoiceFieldset
      name={name}
      legend={t("exemptionForm.obligations")}
      description={t("exemptionForm.obligationsHint")}
      type="checkbox"
      choices={EXEMPTION_OBLIGATIONS.map((obligation) => ({
        value: obligation,
        label: t(`exemptionObligation.${obligation}`),
        hint: t(`exemptionObligationHint.${obligation}`),
      }))}
      selected={selected}
      onChange={onChange}
      error={error}
    />
  );
}
