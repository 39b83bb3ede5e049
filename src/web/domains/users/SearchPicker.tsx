import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { TextField } from "@web/components/fields.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Option {
  value: string;
  label: string;
}

interface SearchPickerProps {
  name: string;
  searchLabel: string;
  legend: string;
  selected: string | null;
  /** How to show the current choice when it is not among the search results. */
  selectedLabel: string | null;
  onSelect: (value: string, label: string) => void;
  useOptions: (q: string) => { options: Option[]; loading: boolean };
  error?: string;
}

/** Search, then choose one result with radio buttons: a picker that works with keyboard and screen reader. */
export function SearchPicker({ name, searchLabel, legend, selected, selectedLabel, onSelect, useOptions, error }: SearchPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const debounced = useDebouncedValue(q.trim(), 300);
  const { options, loading } = useOptions(debounced);
  const current = selected && !options.some((o) => o.value === selected) ? [{ value: selected, label: selectedLabel ?? selected }] : [];
  const choices = [...current, ...options];

  return (
    <div className="nv-picker">
      <TextField name={`${name}-search`} type="search" label={searchLabel} value={q} onChange={setQ} autoComplete="off" />
      <p className="nv-visually-hidden" role="status">
        {loading ? t("app.loading") : t("picker.results", { count: options.length })}
      </p>
      {choices.length > 0 ? (
        <ChoiceFieldset
          name={name}
          legend={legend}
          type="radio"
          choices={choices}
          selected={selected ? [selected] : []}
          error={error}
          onChange={([value]) => {
            const choice = choices.find((c) => c.value === value);
            if (choice) onSelect(choice.value, choice.label);
          }}
        />
      ) : (
        <p className={error ? "nv-error-text" : "nv-muted"} id={`field-${name}`} tabIndex={-1}>
          {error ?? t("picker.none")}
        </p>
      )}
    </div>
  );
}
