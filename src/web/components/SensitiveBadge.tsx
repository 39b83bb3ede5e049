import { useTranslation } from "react-i18next";

/** Marks a field as sensitive data (health, addiction, debts): only need-to-know staff see it, every read is logged. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return <span className="nv-badge nv-badge--sensitive">{t("sensitive.badge")}</span>;
}
