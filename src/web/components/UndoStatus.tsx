import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "./Alert.js";
import { SecondaryActionButton } from "./nlds.js";
import { ProblemAlert } from "./ProblemAlert.js";

interface UndoStatusProps {
  /** What the action did, and what follows (links to the letters, printing). */
  children: ReactNode;
  /** From the server's `abilities.undo`: shown only while the letter has not left the building. */
  canUndo: boolean;
  onUndo: () => void;
  busy: boolean;
  error: unknown;
  /** Names what is undone, for screen readers when a page holds several (e.g. the client's name). */
  context?: string;
  /** What undoing depends on and what is too late, when it is not a letter (a proposal to a host organisation). */
  wording?: { hint: string; tooLate: string };
}

/** The status after an action that sends a letter or proposal, with "Ongedaan maken" while the server allows it. */
export function UndoStatus({ children, canUndo, onUndo, busy, error, context, wording }: UndoStatusProps) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="ok" role="status">
        {children}
        {canUndo ? (
          <>
            <p className="nv-alert-text">{wording?.hint ?? t("undo.hint")}</p>
            <SecondaryActionButton type="button" busy={busy} onClick={onUndo}>
              {t("undo.button")}
              {context ? <span className="nv-visually-hidden"> ({context})</span> : null}
            </SecondaryActionButton>
          </>
        ) : (
          <p className="nv-alert-text">{wording?.tooLate ?? t("undo.tooLate")}</p>
        )}
      </Alert>
      <ProblemAlert error={error} />
    </>
  );
}
