import type { PlacementOutput } from "@shared/schemas/placements.js";
import { formatHours, formatLongDate, formatLongDateTime } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { AgreementSignatures } from "./AgreementSignatures.js";

/** The agreement versions, newest first, each with its three signatures; staff can download each as PDF. */
export function AgreementVersions({ placement, withPdf }: { placement: PlacementOutput; withPdf: boolean }) {
  const { t, i18n } = useTranslation();
  const versions = [...placement.agreements].reverse();
  return (
    <section aria-labelledby="versions-title" className="nv-panel nv-panel--quiet">
      <Heading level={2} id="versions-title" className="nv-panel__title">
        {t("agreement.versionsTitle")}
      </Heading>
      {versions.length === 0 ? <Paragraph>{t("agreement.noVersions")}</Paragraph> : null}
      {withPdf ? null : versions.length > 0 ? <Paragraph>{t("agreement.pdfFromMunicipality")}</Paragraph> : null}
      {versions.map((agreement) => (
        <div key={agreement.version} className="nv-version">
          <Heading level={3} className="nv-version__title">
            {t("agreement.version", { version: agreement.version, date: formatLongDateTime(agreement.signedAt, i18n.language) })}
          </Heading>
          <dl className="nv-facts">
            <div className="nv-facts__item">
              <dt>{t("agreement.period")}</dt>
              <dd>{`${formatLongDate(agreement.startDate, i18n.language)} – ${formatLongDate(agreement.endDate, i18n.language)}`}</dd>
            </div>
            <div className="nv-facts__item">
              <dt>{t("agreement.hoursPerWeek")}</dt>
              <dd>{formatHours(agreement.hoursPerWeek, i18n.language)}</dd>
            </div>
            <div className="nv-facts__item">
              <dt>{t("agreement.tasks")}</dt>
              <dd>{agreement.tasks}</dd>
            </div>
            <div className="nv-facts__item">
              <dt>{t("agreement.contactPerson")}</dt>
              <dd>{agreement.contactPerson}</dd>
            </div>
            <div className="nv-facts__item">
              <dt>{t("agreement.guidanceArrangement")}</dt>
              <dd>{agreement.guidanceArrangement}</dd>
            </div>
          </dl>
          <AgreementSignatures
            placementId={placement.id}
            agreement={agreement}
            clientName={placement.clientGivenName}
            roleTitle={placement.roleTitle}
          />
          {withPdf ? (
            <Paragraph>
              <LetterPdfLink
                letterId={agreement.letterId}
                label={t("agreement.pdf")}
                context={t("agreement.versionShort", { version: agreement.version })}
              />
            </Paragraph>
          ) : null}
        </div>
      ))}
    </section>
  );
}
