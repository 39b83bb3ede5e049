import { SelectField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";
import { RUNGS } from "./intakeModel.js";

interface LadderFieldsProps {
  rung: string;
  growthRung: string;
  onChange: (changes: { ladderRung?: string; growthRung?: string }) => void;
  errors: Record<string, string>;
  /** At a check-in the re-assessment is optional: an empty choice means "not assessed again". */
  optional?: boolean;
}

/** The participation ladder: the rung the client stands on now and where they could be in a year. */
export function LadderFields({ rung, growthRung, onChange, errors, optional = false }: LadderFieldsProps) {
  const { t } = useTranslation();
  const options = RUNGS.map((value) => ({ value, label: t("ladder.rungOption", { rung: value, name: t(`ladder.rungs.${value}`) }) }));
  const empty = { value: "", label: optional ? t("ladder.notAssessed") : t("ladder.choose") };
  const label = (key: string) => (optional ? t("form.optional", { label: t(key) }) : t(key));
  return (
    <div className="nv-form__grid">
      <SelectField
        name="ladderRung"
        label={label("ladder.rung")}
        description={t("ladder.rungHint")}
        value={rung}
        onChange={(ladderRung) => onChange({ ladderRung })}
        options={[empty, ...options]}
        error={errors.ladderRung}
      />
      <SelectField
        name="growthRung"
        label={label("ladder.growthRung")}
        description={t("ladder.growthRungHint")}
        value={growthRung}
        onChange={(value) => onChange({ growthRung: value })}
        options={[empty, ...options]}
        error={errors.growthRung}
      />
    </div>
  );
}
