import { FiltersForm } from "@web/components/FiltersForm.js";
import { CheckboxField, SelectField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { type CohortParams, MIN_YEARS_CHOICES } from "./useCohortParams.js";

interface CohortFiltersProps {
  params: CohortParams;
  onChange: (changes: Partial<CohortParams>) => void;
}

/** Who to invite: years on benefit, district, never invited, own clients. Applied at once. */
export function CohortFilters({ params, onChange }: CohortFiltersProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <FiltersForm label={t("invite.filtersLabel")}>
      <SelectField
        name="minYears"
        label={t("invite.minYears")}
        value={params.minYears}
        onChange={(minYears) => onChange({ minYears })}
        options={MIN_YEARS_CHOICES.map((value) => ({
          value,
          label: value ? t("invite.minYearsOption", { count: Number(value) }) : t("invite.minYearsAny"),
        }))}
      />
      <SelectField
        name="district"
        label={t("caseload.district")}
        value={params.district}
        onChange={(district) => onChange({ district })}
        options={[{ value: "", label: t("caseload.allDistricts") }, ...me.districts.map((d) => ({ value: d, label: d }))]}
      />
      <CheckboxField
        name="notInvited"
        label={t("invite.notInvited")}
        checked={params.notInvited}
        onChange={(notInvited) => onChange({ notInvited })}
      />
      <CheckboxField name="mine" label={t("caseload.mine")} checked={params.mine} onChange={(mine) => onChange({ mine })} />
    </FiltersForm>
  );
}
