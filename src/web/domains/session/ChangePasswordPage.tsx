import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { type FieldError, formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useChangePassword } from "./api.js";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/** Lets any logged-in user choose a new password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const serverErrors = useMemo(() => formErrorsOf(change.error, t, FIELDS), [change.error, t]);
  const list = localErrors.length > 0 ? localErrors : serverErrors.list;
  const byField = localErrors.length > 0 ? Object.fromEntries(localErrors.map((e) => [e.name, e.message])) : serverErrors.byField;

  function set(name: (typeof FIELDS)[number]) {
    return (value: string) => setValues((current) => ({ ...current, [name]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    // Two typings of the new password must match; the server never sees the second one.
    const mismatch = values.newPassword !== values.confirmPassword;
    setLocalErrors(mismatch ? [{ name: "confirmPassword", message: t("password.mismatch") }] : []);
    if (mismatch) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setDone(true);
          setValues({ currentPassword: "", newPassword: "", confirmPassword: "" });
        },
      },
    );
  }

  return (
    <div className="nv-narrow">
      <PageHeading>{t("password.title")}</PageHeading>
      <Paragraph>{t("password.intro")}</Paragraph>
      <ErrorSummary errors={list} />
      <ProblemAlert error={serverErrors.other} />
      {done ? (
        <Alert type="ok" role="status">
          {t("password.changed")}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t("password.current")}
          value={values.currentPassword}
          onChange={set("currentPassword")}
          error={byField.currentPassword}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t("password.new")}
          description={t("password.newHint")}
          value={values.newPassword}
          onChange={set("newPassword")}
          error={byField.newPassword}
          required
        />
        <TextField
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          label={t("password.confirm")}
          value={values.confirmPassword}
          onChange={set("confirmPassword")}
          error={byField.confirmPassword}
          required
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={change.isPending}>
            {t("password.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </div>
  );
}
