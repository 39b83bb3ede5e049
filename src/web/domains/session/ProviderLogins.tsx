import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { providerLoginUrl, useLoginMethods } from "./api.js";

/**
 * The ways in besides the password form: "Inloggen met DigiD" for clients and "Inloggen als medewerker" for staff,
 * each only when the server has the provider configured. Plain links: the browser goes to the provider and back.
 */
export function ProviderLogins({ next }: { next: string }) {
  const { t } = useTranslation();
  const methods = useLoginMethods().data;
  if (!methods || (!methods.digid && !methods.staff)) return null;
  return (
    <section className="nv-provider-logins" aria-labelledby="provider-logins-title">
      <Heading level={2} id="provider-logins-title">
        {t("login.providers.title")}
      </Heading>
      {methods.digid ? (
        <div className="nv-provider-login">
          <Paragraph>{t("login.providers.digidIntro")}</Paragraph>
          <a href={providerLoginUrl("digid", next)} className="utrecht-button utrecht-button--primary-action nv-button-link">
            {t("login.providers.digid")}
          </a>
        </div>
      ) : null}
      {methods.staff ? (
        <div className="nv-provider-login">
          <Paragraph>{t("login.providers.staffIntro")}</Paragraph>
          <a href={providerLoginUrl("staff", next)} className="utrecht-button utrecht-button--secondary-action nv-button-link">
            {t("login.providers.staff")}
          </a>
        </div>
      ) : null}
      <Heading level={2}>{t("login.providers.passwordTitle")}</Heading>
    </section>
  );
}
