import { LOGIN_REFUSAL_REASONS, type LoginRefusalReason } from "@shared/schemas/login-methods.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

/**
 * Where the server sends the browser when a login through DigiD or the staff provider ends without a session. The
 * text says what to do next and, for DigiD, never whether the BSN is known anywhere.
 */
export function LoginRefusedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const given = params.get("reason");
  const reason: LoginRefusalReason = LOGIN_REFUSAL_REASONS.find((r) => r === given) ?? "failed";
  return (
    <div className="nv-narrow">
      <PageHeading>{t("loginRefused.title")}</PageHeading>
      <Paragraph>{t(`loginRefused.${reason}`)}</Paragraph>
      <Paragraph>
        <Link to="/login">{t("loginRefused.back")}</Link>
      </Paragraph>
    </div>
  );
}
