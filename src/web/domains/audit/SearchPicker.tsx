import { fieldId, SelectField, TextField } from "@web/components/fields.js";
import { FormFieldErrorMessage, SubtleButton } from "@web/components/nlds.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface PickerOption {
  id: string;
  label: string;
}

interface SearchPickerProps {
  name: string;
  label: string;
  searchHint: string;
  /** The chosen id, or "" for none. */
  value: string;
  /** The chosen one's name, when known. */
  valueLabel: string;
  onChange: (id: string, label: string) => void;
  /** The matches for a search text (at least two characters). */
  useOptions: (q: string) => { options: PickerOption[]; isFetching: boolean };
  /** The server's message about the chosen value, e.g. an id in the address that is no id. */
  error?: string | undefined;
}

/** Picks one person or client by typing part of a name and choosing from the matches: no ids to paste. */
export function SearchPicker({ name, label, searchHint, value, valueLabel, onChange, useOptions, error }: SearchPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const { options } = useOptions(q.trim());
  if (value) {
    return (
      <div className="nv-picker" id={fieldId(name)} tabIndex={-1}>
        {error ? <FormFieldErrorMessage>{error}</FormFieldErrorMessage> : null}
        <p className="nv-picker__chosen">
          <span className="nv-picker__label">{label}</span> {t("audit.selected", { name: valueLabel || value.slice(0, 8) })}
        </p>
        <SubtleButton type="button" onClick={() => onChange("", "")}>
          {t("audit.clear")}
          <span className="nv-visually-hidden"> ({label})</span>
        </SubtleButton>
      </div>
    );
  }
  const searching = q.trim().length >= 2;
  return (
    <div className="nv-picker">
      <TextField name={`${name}Search`} type="search" label={label} description={searchHint} value={q} onChange={setQ} autoComplete="off" />
      {searching ? (
        options.length > 0 ? (
          <SelectField
            name={name}
            label={t("audit.choose", { count: options.length })}
            value=""
            onChange={(id) => onChange(id, options.find((o) => o.id === id)?.label ?? "")}
            options={[{ value: "", label: "—" }, ...options.map((o) => ({ value: o.id, label: o.label }))]}
          />
        ) : (
          <p className="nv-muted" aria-live="polite">
            {t("audit.noMatches")}
          </p>
        )
      ) : null}
    </div>
  );
}
