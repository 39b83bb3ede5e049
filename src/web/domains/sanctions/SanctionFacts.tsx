import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import { formatLongDate } from "@web/components/format.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";

function Lines({ lines }: { lines: string[] }) {
  return (
    <ul className="nv-link-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** Where the sanction stands: proposed, decided, or revoked on objection. */
export function SanctionStatus({ sanction }: { sanction: Pick<SanctionOutput, "status" | "revoked"> }) {
  const { t } = useTranslation();
  const status = sanction.revoked ? "revoked" : sanction.status;
  return <span className={`nv-status nv-status--${status}`}>{t(`sanctionStatus.${status}`)}</span>;
}

/** The hearing: not invited yet, invited by registered letter (respond-by date, delivery), or heard. */
export function HearingText({ hearing }: { hearing: SanctionOutput["hearing"] }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatLongDate(value, i18n.language);
  const lines: string[] = [];
  if (hearing.letterId) {
    lines.push(t("sanctions.hearing.invited", { date: date(hearing.respondBy) }));
    if (hearing.letterDelivery) lines.push(t("sanctions.hearing.letter", { status: t(`deliveryStatus.${hearing.letterDelivery}`) }));
  } else if (!hearing.heldOn) {
    lines.push(t("sanctions.hearing.notInvited"));
  }
  if (hearing.heldOn)
    lines.push(t("sanctions.hearing.held", { date: date(hearing.heldOn), channel: t(`hearingChannel.${hearing.channel ?? "inPerson"}`) }));
  return <Lines lines={lines} />;
}

/** What the ordinance gives for this ground, recurrence and culpability. */
export function ProposedLevelText({ sanction }: { sanction: Pick<SanctionOutput, "proposedLevel" | "recurrence"> }) {
  const { t } = useTranslation();
  const { percentage, months, ordinanceVersion } = sanction.proposedLevel;
  return (
    <Lines
      lines={[
        t("sanctions.level", { percentage, count: months }),
        t("sanctions.ordinanceVersion", { version: ordinanceVersion }),
        ...(sanction.recurrence > 1 ? [t("sanctions.recurrence", { count: sanction.recurrence })] : []),
      ]}
    />
  );
}

/** The decision: outcome, level, who decided and when, the letter, the reconsideration, and the link to the decision record. */
export function DecisionText({ sanction }: { sanction: SanctionOutput }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null | undefined) => formatLongDate(value, i18n.language);
  if (!sanction.outcome) return <span className="nv-muted">{t("sanctions.notDecided")}</span>;
  const lines = [t(`sanctionOutcome.${sanction.outcome}`)];
  if (sanction.outcome !== "refrained" && sanction.percentage !== null)
    lines.push(t("sanctions.level", { percentage: sanction.percentage, count: sanction.months ?? 0 }));
  if (sanction.urgentReasonsLapsed) lines.push(t("sanctions.urgentReasonsLapsed", { reasons: sanction.urgentReasonsLapsed.reasons }));
  if (sanction.decidedBy) lines.push(t("sanctions.decidedBy", { name: sanction.decidedBy, date: date(sanction.decidedAt) }));
  if (sanction.reconsiderBy && !sanction.reconsideredOn) lines.push(t("sanctions.reconsiderBy", { date: date(sanction.reconsiderBy) }));
  if (sanction.reconsideredOn && sanction.reconsiderationOutcome) {
    lines.push(t(`sanctions.reconsidered.${sanction.reconsiderationOutcome}`, { date: date(sanction.reconsideredOn) }));
  }
  if (sanction.revoked) lines.push(t("sanctions.revoked"));
  // The decision record (besluit): where the letter's remedy and any objection live.
  const { decisionId } = sanction;
  return (
    <>
      <Lines lines={lines} />
      {decisionId ? (
        <Link to={`${clientTabPath(sanction.clientId, "decisions")}#decision-${decisionId}`} className="nl-link nv-block-link">
          {t("sanctions.toDecision")}
          <span className="nv-visually-hidden"> ({t(`sanctionGround.${sanction.ground}`)})</span>
        </Link>
      ) : null}
      {sanction.decisionLetterId ? (
        <LetterPdfLink
          letterId={sanction.decisionLetterId}
          label={t("sanctions.decisionLetter")}
          context={t(`sanctionGround.${sanction.ground}`)}
        />
      ) : null}
    </>
  );
}
