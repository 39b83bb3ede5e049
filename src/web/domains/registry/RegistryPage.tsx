import { Heading, Link, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { exportUrl, useStatePensionAges } from "./api.js";
import { ImportSection } from "./ImportSection.js";
import { PensionAgesSection } from "./PensionAgesSection.js";

/** The client registry for the functional administrator: import from and export to the benefits administration, and the state pension ages. */
export function RegistryPage() {
  const { t } = useTranslation();
  const ages = useStatePensionAges();
  return (
    <>
      <PageHeading>{t("registry.title")}</PageHeading>
      <Paragraph>{t("registry.intro")}</Paragraph>
      <ImportSection />
      <section className="nv-panel" aria-labelledby="registry-export-title">
        <Heading level={2} id="registry-export-title" className="nv-panel__title">
          {t("registry.export.title")}
        </Heading>
        <Paragraph>{t("registry.export.intro")}</Paragraph>
        <Paragraph>
          <Link href={exportUrl()} download>
            {t("registry.export.download")}
          </Link>
        </Paragraph>
      </section>
      <ProblemAlert error={ages.error} />
      {ages.data ? <PensionAgesSection key={ages.data.updatedAt} table={ages.data} /> : null}
    </>
  );
}
