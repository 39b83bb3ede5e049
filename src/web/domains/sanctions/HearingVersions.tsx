import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import { formatLongDate, formatLongDateTime } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";

interface HearingVersionsProps {
  sanction: SanctionOutput;
  /** The level of this list's heading, one below the panel it stands in. */
  level: 4 | 5;
}

/**
 * Every version of a sanction's hearing record, oldest first: who recorded it and when, and which version a
 * correction corrects. Nothing is overwritten, so the decider reads what was said and how the record changed.
 */
export function HearingVersions({ sanction, level }: HearingVersionsProps) {
  const { t, i18n } = useTranslation();
  const { versions } = sanction.hearing;
  if (versions.length === 0) return null;
  const titleId = `hearing-versions-${sanction.id}`;
  return (
    <section aria-labelledby={titleId} className="nv-panel nv-panel--quiet">
      <Heading level={level} id={titleId} className="nv-panel__title">
        {t("hearingVersions.title", { count: versions.length })}
      </Heading>
      <ol className="nv-stack" aria-labelledby={titleId}>
        {versions.map((version) => (
          <li key={version.version} className="nv-version">
            <Paragraph>
              <strong>{t("hearingVersions.version", { version: version.version })}</strong>{" "}
              {t("hearingVersions.recorded", {
                by: version.recordedBy ?? t("hearingVersions.unknownRecorder"),
                at: formatLongDateTime(version.recordedAt, i18n.language),
              })}{" "}
              {t("hearingVersions.held", {
                date: formatLongDate(version.heldOn, i18n.language),
                channel: t(`hearingChannel.${version.channel}`),
              })}
              {version.correctionOf === null ? null : <> {t("hearingVersions.corrects", { version: version.correctionOf })}</>}
            </Paragraph>
            <Paragraph>{version.record}</Paragraph>
          </li>
        ))}
      </ol>
    </section>
  );
}
