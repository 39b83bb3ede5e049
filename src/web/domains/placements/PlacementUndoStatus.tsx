import type { PlacementOutput } from "@shared/schemas/placements.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { useTranslation } from "react-i18next";
import { type PlacementUndo, useUndoPlacementAction } from "./api.js";

const ABILITY: Record<PlacementUndo, "undoAgreement" | "undoSignature" | "undoAttribution"> = {
  agreement: "undoAgreement",
  signature: "undoSignature",
  attribution: "undoAttribution",
};

/**
 * What the caller can still undo of a placement, each with "Ongedaan maken" while its letter is inside (the server's
 * `abilities.undo…`): the start or a new agreement version, the municipality's signature, an attribution to the client.
 */
export function PlacementUndoStatus({ placement, onUndone }: { placement: PlacementOutput; onUndone: (message: string) => void }) {
  const { t } = useTranslation();
  const undo = useUndoPlacementAction(placement.id);
  const version = placement.agreements.at(-1)?.version ?? 1;
  const undoable = (Object.keys(ABILITY) as PlacementUndo[]).filter((what) => placement.abilities[ABILITY[what]]);
  return undoable.map((what) => (
    <UndoStatus
      key={what}
      canUndo
      busy={undo.isPending && undo.variables === what}
      error={undo.variables === what ? undo.error : null}
      onUndo={() => undo.mutate(what, { onSuccess: () => onUndone(t(`placementUndo.undone.${what}`, { version })) })}
      context={placement.clientGivenName}
    >
      <p className="nv-alert-text">{t(`placementUndo.undoable.${what}`, { version })}</p>
    </UndoStatus>
  ));
}
