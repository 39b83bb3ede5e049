import { DISTRICTS } from "@shared/districts.js";
import { FiltersForm } from "@web/components/FiltersForm.js";
import { CheckboxField, SelectField, TextField } from "@web/components/fields.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { useEffect, useEffectEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import type { CaseloadParams } from "./useCaseloadParams.js";

interface CaseloadFiltersProps {
  params: CaseloadParams;
  onChange: (changes: Partial<CaseloadParams>) => void;
}

/** Search box and filters above the caseload; the search waits for a pause in typing. */
export function CaseloadFilters({ params, onChange }: CaseloadFiltersProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [q, setQ] = useState(params.q);
  const debouncedQ = useDebouncedValue(q.trim(), 300);

  // The history entry can change without typing (the menu link, back button): the box then shows its text.
  // Effect events read the latest text and URL without making either a reason to run.
  const showUrlText = useEffectEvent((urlQ: string) => {
    if (urlQ !== debouncedQ) setQ(urlQ);
  });
  useEffect(() => showUrlText(params.q), [params.q]);

  // Only a settled search text triggers a new query, not every change of the other filters.
  const search = useEffectEvent((text: string) => {
    if (text !== params.q) onChange({ q: text });
  });
  useEffect(() => search(debouncedQ), [debouncedQ]);

  // Admins see every district; consultants and team leads choose among their own.
  const districts = me.role === "admin" ? DISTRICTS : me.districts;

  return (
    <FiltersForm label={t("caseload.filtersLabel")} onSubmit={() => onChange({ q: q.trim() })}>
      <div className="nv-filters__search">
        <TextField
          name="q"
          type="search"
          label={t("caseload.search")}
          description={t("caseload.searchHint")}
          value={q}
          onChange={setQ}
          autoComplete="off"
        />
      </div>
      <SelectField
        name="district"
        label={t("caseload.district")}
        value={params.district}
        onChange={(district) => onChange({ district })}
        options={[{ value: "", label: t("caseload.allDistricts") }, ...districts.map((d) => ({ value: d, label: d }))]}
      />
      <SelectField
        name="cohort"
        label={t("caseload.cohort")}
        value={params.cohort}
        onChange={(cohort) => onChange({ cohort: cohort as CaseloadParams["cohort"] })}
        options={[
          { value: "", label: t("caseload.cohortAll") },
          { value: "true", label: t("caseload.cohortLong") },
          { value: "false", label: t("caseload.cohortShort") },
        ]}
      />
      <CheckboxField name="mine" label={t("caseload.mine")} checked={params.mine} onChange={(mine) => onChange({ mine })} />
    </FiltersForm>
  );
}
