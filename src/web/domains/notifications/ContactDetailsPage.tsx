import {
  type ContactDetailsOutput,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  PREFERRED_LANGUAGES,
  type PreferredLanguage,
} from "@shared/schemas/notifications.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useChangeContactDetails, useContactDetails } from "./api.js";

const FIELDS = ["phone", "email", "preferredLanguage", "notificationChannel"] as const;

interface Values {
  phone: string;
  email: string;
  preferredLanguage: PreferredLanguage;
  notificationChannel: NotificationChannel;
}

function valuesOf(data: ContactDetailsOutput): Values {
  return {
    phone: data.phone ?? "",
    email: data.email ?? "",
    preferredLanguage: data.preferredLanguage,
    notificationChannel: data.notificationChannel,
  };
}

/** "Mijn contactgegevens": the client changes their phone, e-mail, language and how they get messages. */
export function ContactDetailsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const contact = useContactDetails(me.clientId);
  const change = useChangeContactDetails(me.clientId);
  const [values, setValues] = useState<Values | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useMemo(() => formErrorsOf(change.error, t, FIELDS), [change.error, t]);

  useEffect(() => {
    if (contact.data) setValues(valuesOf(contact.data));
  }, [contact.data]);

  function set<K extends keyof Values>(name: K) {
    return (value: Values[K]) => setValues((current) => (current ? { ...current, [name]: value } : current));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setSaved(false);
    change.mutate(
      {
        phone: values.phone.trim() === "" ? null : values.phone,
        email: values.email.trim() === "" ? null : values.email,
        preferredLanguage: values.preferredLanguage,
        notificationChannel: values.notificationChannel,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <div className="nv-narrow">
      <PageHeading>{t("contactDetails.title")}</PageHeading>
      <Paragraph>{t("contactDetails.intro")}</Paragraph>
      <ProblemAlert error={contact.error} />
      {contact.isPending && me.clientId ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      {saved ? (
        <Alert type="ok" role="status">
          {t("contactDetails.saved")}
        </Alert>
      ) : null}
      {values && contact.data?.abilities.edit ? (
        <form onSubmit={submit} noValidate className="nv-form">
          <TextField
            name="phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            label={t("contactDetails.phone")}
            description={t("contactDetails.phoneHint")}
            value={values.phone}
            onChange={set("phone")}
            error={errors.byField.phone}
          />
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            label={t("contactDetails.email")}
            description={t("contactDetails.emailHint")}
            value={values.email}
            onChange={set("email")}
            error={errors.byField.email}
          />
          <ChoiceFieldset
            name="notificationChannel"
            type="radio"
            legend={t("contactDetails.channel")}
            description={t("contactDetails.channelHint")}
            choices={NOTIFICATION_CHANNELS.map((value) => ({ value, label: t(`contactDetails.channels.${value}`) }))}
            selected={[values.notificationChannel]}
            onChange={(selected) =>
              set("notificationChannel")((selected[0] as NotificationChannel | undefined) ?? values.notificationChannel)
            }
            error={errors.byField.notificationChannel}
          />
          <ChoiceFieldset
            name="preferredLanguage"
            type="radio"
            legend={t("contactDetails.language")}
            description={t("contactDetails.languageHint")}
            choices={PREFERRED_LANGUAGES.map((value) => ({ value, label: t(`contactDetails.languages.${value}`) }))}
            selected={[values.preferredLanguage]}
            onChange={(selected) => set("preferredLanguage")((selected[0] as PreferredLanguage | undefined) ?? values.preferredLanguage)}
            error={errors.byField.preferredLanguage}
          />
          <div className="nv-form__actions">
            <PrimaryActionButton type="submit" busy={change.isPending}>
              {t("contactDetails.submit")}
            </PrimaryActionButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
