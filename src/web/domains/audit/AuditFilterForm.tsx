import { AUDIT_CATEGORIES } from "@shared/enums.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { PrimaryActionButton } from "@web/components/nlds.js";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useClientOptions, usePersonOptions } from "./pickerOptions.js";
import { SearchPicker } from "./SearchPicker.js";
import type { AuditFilters } from "./useAuditParams.js";

/** Every action with a label, as `client.read`, from the translations' `auditActions` tree (a test holds it complete). */
function actionsOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return prefix ? [prefix] : [];
  return Object.entries(tree).flatMap(([key, child]) => actionsOf(child, prefix ? `${prefix}.${key}` : key));
}

interface AuditFilterFormProps {
  filters: AuditFilters;
  /** The names of the chosen person and client, as the events shown give them. */
  names: { actor: string; client: string };
  onApply: (filters: AuditFilters) => void;
  errors: Record<string, string>;
}

/** The audit log filters: pickers for person, client, kind and period; applied on submit. Remounted when the URL's filters change. */
export function AuditFilterForm({ filters, names, onApply, errors }: AuditFilterFormProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [labels, setLabels] = useState(names);
  const set = (field: keyof AuditFilters) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const actions = actionsOf(i18n.getResource(i18n.language, "translation", "auditActions"))
    .map((action) => ({ value: action, label: t(`auditActions.${action}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="nv-filters nv-filters--audit" aria-label={t("audit.filtersLabel")} onSubmit={submit} noValidate>
      <SearchPicker
        name="actorId"
        label={t("audit.person")}
        searchHint={t("audit.personSearchHint")}
        value={draft.actorId}
        valueLabel={labels.actor}
        onChange={(id, label) => {
          set("actorId")(id);
          setLabels((current) => ({ ...current, actor: label }));
        }}
        useOptions={usePersonOptions}
        error={errors.actorId}
      />
      <SearchPicker
        name="clientId"
        label={t("audit.client")}
        searchHint={t("audit.clientSearchHint")}
        value={draft.clientId}
        valueLabel={labels.client}
        onChange={(id, label) => {
          set("clientId")(id);
          setLabels((current) => ({ ...current, client: label }));
        }}
        useOptions={useClientOptions}
        error={errors.clientId}
      />
      <SelectField
        name="category"
        label={t("audit.category")}
        value={draft.category}
        onChange={set("category")}
        error={errors.category}
        options={[
          { value: "", label: t("audit.allCategories") },
          ...AUDIT_CATEGORIES.map((c) => ({ value: c, label: t(`auditCategories.${c}`) })),
        ]}
      />
      <SelectField
        name="action"
        label={t("audit.action")}
        value={draft.action}
        onChange={set("action")}
        error={errors.action}
        options={[{ value: "", label: t("audit.allActions") }, ...actions]}
      />
      <TextField
        name="fromDate"
        type="date"
        label={t("audit.fromDate")}
        value={draft.fromDate}
        onChange={set("fromDate")}
        error={errors.fromDate}
      />
      <TextField name="toDate" type="date" label={t("audit.toDate")} value={draft.toDate} onChange={set("toDate")} error={errors.toDate} />
      <div className="nv-filters__actions">
        <PrimaryActionButton type="submit">{t("audit.apply")}</PrimaryActionButton>
        <Link to="/audit-log" className="nl-link">
          {t("audit.reset")}
        </Link>
      </div>
    </form>
  );
}
