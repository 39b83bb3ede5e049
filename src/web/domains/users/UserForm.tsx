import { USER_ROLES, type UserRole } from "@shared/enums.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Binding, BindingFields } from "./BindingFields.js";

/** What the user form holds. */
export interface UserFormValues extends Binding {
  email: string;
  displayName: string;
  role: UserRole;
  password: string;
}

const FIELDS = ["email", "displayName", "role", "password", "districts", "organisationId", "clientId", "agencyId"] as const;

interface UserFormProps {
  mode: "create" | "edit";
  initial: UserFormValues;
  onSubmit: (values: UserFormValues) => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
}

/** Account details, role and the binding that role needs. */
export function UserForm({ mode, initial, onSubmit, pending, error, submitLabel }: UserFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = useMemo(() => formErrorsOf(error, t, FIELDS), [error, t]);
  const set = (changes: Partial<UserFormValues>) => setValues((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        {mode === "create" ? (
          <TextField
            name="email"
            type="email"
            autoComplete="off"
            label={t("users.email")}
            value={values.email}
            onChange={(email) => set({ email })}
            error={errors.byField.email}
            required
          />
        ) : null}
        <TextField
          name="displayName"
          autoComplete="off"
          label={t("users.displayName")}
          value={values.displayName}
          onChange={(displayName) => set({ displayName })}
          error={errors.byField.displayName}
          required
        />
        <SelectField
          name="role"
          label={t("users.role")}
          description={t("users.roleHint")}
          value={values.role}
          onChange={(role) => set({ role: role as UserRole })}
          options={USER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          error={errors.byField.role}
        />
        <BindingFields role={values.role} binding={values} onChange={(binding) => set(binding)} errors={errors.byField} />
        <TextField
          name="password"
          type="password"
          autoComplete="new-password"
          label={mode === "create" ? t("users.password") : t("form.optional", { label: t("users.newPassword") })}
          description={t("password.newHint")}
          value={values.password}
          onChange={(password) => set({ password })}
          error={errors.byField.password}
          required={mode === "create"}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={pending}>
            {submitLabel}
          </PrimaryActionButton>
          <Link to="/users" className="nl-link">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
