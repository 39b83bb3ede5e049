import type { DecisionOutput, ObjectionOutput } from "@shared/schemas/decisions.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatLongDate } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";

/** Where an objection stands, for staff: received, late or not, the date to decide by, or its outcome. */
export function ObjectionStatus({ objection }: { objection: ObjectionOutput | null }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatLongDate(value, i18n.language);
  if (!objection) return <span className="nv-muted">{t("decisions.noObjection")}</span>;
  const lines = [t("decisions.objection.received", { date: date(objection.receivedOn) })];
  if (!objection.onTime) lines.push(t("decisions.objection.late"));
  lines.push(
    objection.outcome
      ? t(`objectionOutcome.${objection.outcome}`)
      : t(objection.postponed ? "decisions.objection.decideByPostponed" : "decisions.objection.decideBy", {
          date: date(objection.decideBy),
        }),
  );
  return (
    <>
      <ul className="nv-link-list">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Link to={`/objections/${objection.id}`} className="nl-link">
        {t("decisions.openObjection")}
      </Link>
    </>
  );
}

/** A decision as staff read it: what, on which basis, who decided when, the letter and the objection. */
export function DecisionFacts({ decision }: { decision: DecisionOutput }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatLongDate(value, i18n.language);
  const rows: [string, ReactNode][] = [
    [t("decisions.facts.summary"), decision.summary],
    [t("decisions.facts.legalBasis"), decision.legalBasis],
    [t("decisions.facts.decided"), t("decisions.decidedBy", { date: date(decision.decidedOn), name: decision.decidedBy })],
    [t("decisions.facts.takesEffectOn"), date(decision.takesEffectOn)],
    [
      t("decisions.facts.letter"),
      decision.letterId ? (
        <LetterPdfLink
          key="letter"
          letterId={decision.letterId}
          label={t("decisions.letter")}
          context={t(`decisionType.${decision.type}`)}
        />
      ) : (
        <span key="letter" className="nv-muted">
          {t("decisions.noLetter")}
        </span>
      ),
    ],
    [
      t("decisions.facts.objectionTerm"),
      decision.objectionTermEndsOn
        ? t("decisions.objectionTermEndsOn", { date: date(decision.objectionTermEndsOn) })
        : t("decisions.appealOnly"),
    ],
    [t("decisions.facts.objection"), <ObjectionStatus key="objection" objection={decision.objection} />],
  ];
  return (
    <>
      <FactsList rows={rows} />
      {decision.replacesDecisionId ? <Paragraph className="nv-small">{t("decisions.replaces")}</Paragraph> : null}
    </>
  );
}

/** A decision in plain words for the client: what it means, the letter, until when they can object, and their objection. */
export function DecisionPlain({ decision, today }: { decision: DecisionOutput; today: string }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatLongDate(value, i18n.language);
  const { objection } = decision;
  let remedy: string;
  if (!decision.objectionTermEndsOn) remedy = t("myDecisions.appeal");
  else if (objection) remedy = "";
  else if (decision.objectionTermEndsOn >= today) remedy = t("myDecisions.objectUntil", { date: date(decision.objectionTermEndsOn) });
  else remedy = t("myDecisions.termPassed", { date: date(decision.objectionTermEndsOn) });
  return (
    <>
      <Paragraph>{t(`decisionPlain.${decision.type}`)}</Paragraph>
      <Paragraph>{decision.summary}</Paragraph>
      <Paragraph>{t("myDecisions.decidedOn", { date: date(decision.decidedOn) })}</Paragraph>
      {decision.letterId ? (
        <Paragraph>
          <LetterPdfLink letterId={decision.letterId} label={t("myDecisions.letter")} context={t(`decisionType.${decision.type}`)} />
        </Paragraph>
      ) : null}
      {remedy ? <Paragraph>{remedy}</Paragraph> : null}
      {objection ? (
        <Paragraph>
          {objection.outcome
            ? t(`myDecisions.outcome.${objection.outcome}`)
            : t("myDecisions.objected", { received: date(objection.receivedOn), decideBy: date(objection.decideBy) })}
        </Paragraph>
      ) : null}
    </>
  );
}
