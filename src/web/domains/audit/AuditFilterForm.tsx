import { AUDIT_CATEGORIES } from "@shared/enums.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { PrimaryActionButton } from "@web/components/nlds.js";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AuditFilters } from "./useAuditParams.js";

// Actions the server records today; the field also accepts any other action name.
export const KNOWN_ACTIONS = [
  "client.read",
  "client.list",
  "client.create",
  "client.update",
  "client.duplicateBsnAttempt",
  "session.create",
  "session.delete",
  "session.loginFailed",
  "user.create",
  "user.update",
  "user.passwordChange",
  "organisation.create",
] as const;

interface AuditFilterFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  errors: Record<string, string>;
}

/** The audit log filters; applied on submit, because an admin usually sets several at once. Remounted when the URL's filters change. */
export function AuditFilterForm({ filters, onApply, errors }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (field: keyof AuditFilters) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="nv-filters nv-filters--audit" aria-label={t("audit.filtersLabel")} onSubmit={submit} noValidate>
      <TextField
        name="clientId"
        label={t("audit.clientId")}
        description={t("audit.idHint")}
        value={draft.clientId}
        onChange={set("clientId")}
        error={errors.clientId}
        autoComplete="off"
      />
      <TextField
        name="actorId"
        label={t("audit.actorId")}
        description={t("audit.idHint")}
        value={draft.actorId}
        onChange={set("actorId")}
        error={errors.actorId}
        autoComplete="off"
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
      <TextField
        name="action"
        label={t("audit.action")}
        description={t("audit.actionHint")}
        value={draft.action}
        onChange={set("action")}
        error={errors.action}
        list="audit-actions"
        autoComplete="off"
      />
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
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
