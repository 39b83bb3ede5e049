import { todayInAmsterdam } from "@shared/dates.js";
import type { DecisionOutput } from "@shared/schemas/decisions.js";
import { Alert } from "@web/components/Alert.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useClientDecisions } from "./api.js";
import { DecisionFacts, DecisionPlain } from "./DecisionFacts.js";
import { ObjectionForm } from "./ObjectionForm.js";

const buttonId = (id: string) => `object-${id}`;

interface DecisionsListProps {
  clientId: string;
  /** The client's own view: plain words, and their own objection. */
  asClient: boolean;
  /** The level of each decision's heading, under the page's or tab's own. */
  level: 2 | 3;
}

/** A client's decisions, newest first, each with its letter, objection term and objection; the objection form opens under one. */
export function DecisionsList({ clientId, asClient, level }: DecisionsListProps) {
  const { t, i18n } = useTranslation();
  const decisions = useClientDecisions(clientId);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = decisions.data?.items ?? [];
  const today = todayInAmsterdam();
  const { hash } = useLocation();
  const loaded = decisions.data !== undefined;

  useEffect(() => {
    // A link to one decision (from its sanction) lands on its heading once the list is there.
    if (loaded && hash.startsWith("#decision-")) document.getElementById(hash.slice(1))?.focus();
  }, [loaded, hash]);

  function close(decisionId: string, saved: boolean) {
    setOpen(null);
    setNotice(saved ? (asClient ? t("objectionForm.savedClient") : t("objectionForm.saved")) : null);
    // Back where the user was: the button, or (once it is gone) the decision's heading.
    setTimeout(() => (document.getElementById(buttonId(decisionId)) ?? document.getElementById(`decision-${decisionId}`))?.focus(), 0);
  }

  function objectButton(decision: DecisionOutput) {
    return (
      <SecondaryActionButton
        type="button"
        id={buttonId(decision.id)}
        aria-expanded={open === decision.id}
        onClick={() => {
          setNotice(null);
          setOpen(decision.id);
        }}
      >
        {asClient ? t("decisions.objectClient") : t("decisions.object")}
        <span className="nv-visually-hidden"> ({t(`decisionType.${decision.type}`)})</span>
      </SecondaryActionButton>
    );
  }

  return (
    <div className="nv-stack">
      <ProblemAlert error={decisions.error} />
      {notice ? (
        <Alert type="ok" role="status">
          {notice}
        </Alert>
      ) : null}
      {decisions.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {decisions.data && items.length === 0 ? <Paragraph>{asClient ? t("myDecisions.empty") : t("decisions.empty")}</Paragraph> : null}
      {items.map((decision) => (
        <article key={decision.id} className="nv-panel nv-decision" aria-labelledby={`decision-${decision.id}`}>
          <Heading level={level} id={`decision-${decision.id}`} tabIndex={-1} className="nv-panel__title">
            {asClient ? t(`decisionTitle.${decision.type}`) : t(`decisionType.${decision.type}`)}
            <span className="nv-cell-note">{formatLongDate(decision.decidedOn, i18n.language)}</span>
          </Heading>
          {asClient ? <DecisionPlain decision={decision} today={today} /> : <DecisionFacts decision={decision} />}
          {decision.abilities.object && open !== decision.id ? objectButton(decision) : null}
          {open === decision.id ? (
            <ObjectionForm decision={decision} asClient={asClient} onDone={(saved) => close(decision.id, saved)} />
          ) : null}
        </article>
      ))}
    </div>
  );
}
