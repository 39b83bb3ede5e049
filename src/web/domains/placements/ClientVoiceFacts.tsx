import type { PlacementOutput } from "@shared/schemas/placements.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";

type Voice = Pick<PlacementOutput, "clientSide" | "clientFeedback">;

/** What the client wrote themselves about the ending, in the portal: their words, the reason they chose and when. */
export function ClientSideFacts({ placement }: { placement: Voice }) {
  const { t, i18n } = useTranslation();
  const side = placement.clientSide;
  if (!side) return <Paragraph>{t("clientVoice.noClientSide")}</Paragraph>;
  return (
    <blockquote className="nv-panel">
      <Paragraph className="nv-prewrap">{side.account}</Paragraph>
      {side.reason ? <Paragraph>{t("clientVoice.clientSideReason", { reason: t(`mySide.reasons.${side.reason}`) })}</Paragraph> : null}
      <Paragraph className="nv-muted">{t("clientVoice.clientSideGiven", { date: formatLongDate(side.givenOn, i18n.language) })}</Paragraph>
    </blockquote>
  );
}

/** For the municipality: the client's own side of an ending and their rating of the placement (never shown to the host). */
export function ClientVoiceFacts({ placement }: { placement: Voice }) {
  const { t, i18n } = useTranslation();
  const feedback = placement.clientFeedback;
  if (!placement.clientSide && !feedback) return null;
  return (
    <section className="nv-section" aria-labelledby="client-voice-title">
      <Heading level={2} id="client-voice-title">
        {placement.clientSide ? t("clientVoice.clientSideTitle") : t("clientVoice.feedbackTitle")}
      </Heading>
      {placement.clientSide ? <ClientSideFacts placement={placement} /> : null}
      {feedback ? (
        <>
          {placement.clientSide ? <Heading level={3}>{t("clientVoice.feedbackTitle")}</Heading> : null}
          <Paragraph>
            {t("clientVoice.feedback", { rating: feedback.rating, date: formatLongDate(feedback.givenOn, i18n.language) })}
          </Paragraph>
          {feedback.comment ? <Paragraph className="nv-prewrap">{feedback.comment}</Paragraph> : null}
        </>
      ) : null}
    </section>
  );
}
