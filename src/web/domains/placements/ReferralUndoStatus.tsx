import type { PlacementUndoOutput } from "@shared/schemas/placements.js";
import { focusOnMount } from "@web/components/focus.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useUndoReferral } from "./api.js";

interface ReferralUndoStatusProps {
  placementId: string;
  /** From the server's `abilities.undo` of the referral: true while the host cannot see it yet. */
  canUndo: boolean;
  onUndone: (undone: PlacementUndoOutput) => void;
  /** Names what is undone, for screen readers when a page holds several. */
  context?: string;
  /** When given, the status takes focus as it appears (the button that led to it left the page). */
  focusKey?: string;
  children: ReactNode;
}

/** The status after a proposal to a host organisation, with "Ongedaan maken" while the host does not see it yet. */
export function ReferralUndoStatus({ placementId, canUndo, onUndone, context, focusKey, children }: ReferralUndoStatusProps) {
  const { t } = useTranslation();
  const undo = useUndoReferral();
  const status = (
    <UndoStatus
      canUndo={canUndo}
      busy={undo.isPending}
      error={undo.error}
      onUndo={() => undo.mutate(placementId, { onSuccess: onUndone })}
      wording={{ hint: t("undoReferral.hint"), tooLate: t("undoReferral.tooLate") }}
      {...(context ? { context } : {})}
    >
      {children}
    </UndoStatus>
  );
  if (!focusKey) return status;
  // A new key is a new status: its element is made afresh and takes focus again.
  return (
    <div key={focusKey} ref={focusOnMount} tabIndex={-1} className="nv-notice">
      {status}
    </div>
  );
}
