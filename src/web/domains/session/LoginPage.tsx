import { ApiError } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { type FieldError, problemMessage } from "@web/components/problems.js";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { providerLogoutUrl, useLogin, useMe } from "./api.js";
import { ProviderLogins } from "./ProviderLogins.js";

// Only same-app paths are followed after login, so a crafted link cannot send users elsewhere.
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** Login with email address and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const next = safeNext(params.get("next"));
  const loggedOut = params.get("loggedOut");
  const providerToLeave = loggedOut === "digid" || loggedOut === "staff" ? loggedOut : null;

  // Just logged out (the cached user may not be forgotten yet): stay here to say so.
  if (me.data && !login.isPending && !loggedOut) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ name: "email", message: t("login.emailRequired") });
    if (!password) missing.push({ name: "password", message: t("login.passwordRequired") });
    setErrors(missing);
    if (missing.length > 0) return;
    login.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  }

  const byField = Object.fromEntries(errors.map((error) => [error.name, error.message]));
  const failure = login.error;
  const failureText =
    failure instanceof ApiError && failure.status === 401 ? t("login.badCredentials") : failure ? problemMessage(t, failure) : null;

  return (
    <div className="nv-narrow">
      <PageHeading>{t("login.title")}</PageHeading>
      {loggedOut ? (
        <Alert type="ok" role="status">
          {t("login.loggedOut")}{" "}
          {providerToLeave ? <a href={providerLogoutUrl(providerToLeave)}>{t(`login.alsoLogOut.${providerToLeave}`)}</a> : null}
        </Alert>
      ) : null}
      <ProviderLogins next={next} />
      <Paragraph>{t("login.intro")}</Paragraph>
      <ErrorSummary errors={errors} />
      {failureText ? (
        <Alert type="error" role="alert">
          {failureText}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={byField.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={byField.password}
          required
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={login.isPending}>
            {t("login.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </div>
  );
}
