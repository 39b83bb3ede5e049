import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { AllowanceLimits } from "./AllowanceLimits.js";
import { useOrdinance } from "./api.js";
import { OrdinanceVersionForm } from "./OrdinanceVersionForm.js";
import { OrdinanceVersionsTable } from "./OrdinanceVersionsTable.js";

/** The municipality's ordinance: the version in force, every version, and adding one from a date on (admins). */
export function OrdinancePage() {
  const { t, i18n } = useTranslation();
  const ordinance = useOrdinance();
  const data = ordinance.data;

  return (
    <>
      <PageHeading>{t("ordinance.title")}</PageHeading>
      <Paragraph>{t("ordinance.intro")}</Paragraph>
      <ProblemAlert error={ordinance.error} />
      {ordinance.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data ? (
        <>
          <section aria-labelledby="ordinance-current-title">
            <Heading level={2} id="ordinance-current-title">
              {t("ordinance.currentTitle")}
            </Heading>
            <Paragraph>
              {t("ordinance.current", { version: data.current.version, date: formatLongDate(data.current.effectiveFrom, i18n.language) })}
            </Paragraph>
            <OrdinanceVersionsTable versions={data.versions} current={data.current.version} />
          </section>
          {/* Keyed by the version in force, so the form starts again from the rules in force when they change. */}
          <OrdinanceVersionForm key={data.current.version} current={data.current} />
        </>
      ) : null}
      <AllowanceLimits />
    </>
  );
}
