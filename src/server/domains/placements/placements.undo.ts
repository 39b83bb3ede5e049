import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, PlacementAgreementsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { systemFindClient } from "../clients/clients.repo.js";
import { findDecision, withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { assertWithinLimits, committedHours } from "../plans/capacity.js";
import { type PlacementUndoAbilities, placementPolicy } from "./placements.policy.js";
import {
  clearMunicipalitySignature,
  countSanctionsOnPlacement,
  currentAgreement,
  deleteAgreement,
  hasExpenses,
  type PlacementWithNames,
  updatePlacement,
} from "./placements.repo.js";
import {
  assertAgreementUndoable,
  assertAttributionUndoable,
  assertMayActForOrganisation,
  assertSignatureUndoable,
} from "./placements.rules.js";
import { lockParties, requireVisiblePlacement } from "./placements.service.js";

/** The letter of a decision, which an undo withdraws with the decision. */
async function letterOfDecision(db: Kysely<Database>, decisionId: string | null): Promise<string> {
  const decision = decisionId ? await findDecision(db, decisionId) : undefined;
  return requireFound(decision?.letter_id, "letter");
}

/**
 * What the caller can undo of a placement now: by the route's policy and the rule its undo asserts, and only while the
 * letter is inside and theirs to undo (`mayWithdrawAll`).
 */
export async function placementUndoAbilities(
  db: Kysely<Database>,
  ctx: RequestContext,
  placement: PlacementWithNames,
  agreement: PlacementAgreementsTable | undefined,
): Promise<PlacementUndoAbilities> {
  const acts = placementPolicy.act.allows(ctx.actor) && passes(() => assertMayActForOrganisation(ctx.actor, placement.organisation_id));
  const decides = placementPolicy.undoDecision.allows(ctx.actor);
  const expensesRecorded = agreement?.version === 1 && (await hasExpenses(db, placement.id));
  const agreementUndoable =
    acts && agreement !== undefined && passes(() => assertAgreementUndoable({ placement, agreement, expensesRecorded }));
  const signatureUndoable = decides && passes(() => assertSignatureUndoable(placement, agreement));
  const attributionUndoable = decides && placement.status === "ended" && passes(() => assertAttributionUndoable(placement, 0));
  return {
    undoAgreement: agreementUndoable && agreement !== undefined && (await mayWithdrawAll(db, ctx, [agreement.letter_id])),
    undoSignature: signatureUndoable && (await mayWithdrawAll(db, ctx, [await letterOfDecision(db, agreement?.decision_id ?? null)])),
    undoAttribution:
      attributionUndoable &&
      (await countSanctionsOnPlacement(db, placement.id)) === 0 &&
      (await mayWithdrawAll(db, ctx, [await letterOfDecision(db, placement.attribution_decision_id)])),
  };
}

/**
 * Undoes the latest agreement version while its letter is still inside: the version is removed (its letter kept,
 * withdrawn) and the placement is as before it: a start goes back to accepted, not started, and a later version gives
 * back the hours of the one before. The guidance hours stay with the placement, which was agreed already. Hours put
 * back that are more than now must still fit the client's capacity and the norm. Under the placement's parties' locks
 * (as the signing) and the letter's.
 */
export async function undoAgreementVersion(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await requireVisiblePlacement(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockParties(trx, id);
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    const found = await currentAgreement(trx, id);
    assertAgreementUndoable({ placement, agreement: found, expensesRecorded: await hasExpenses(trx, id) });
    const agreement = requireFound(found, "agreement");
    const hoursBefore = agreement.hours_before ?? placement.hours_per_week;
    if (hoursBefore > placement.hours_per_week) {
      const client = requireFound(await systemFindClient(trx, placement.client_id), "client");
      const asked = (await committedHours(trx, client.id, id)) + hoursBefore;
      await assertWithinLimits(trx, client, asked, ctx.clock.today());
    }
    await withdrawLetters(trx, ctx, [agreement.letter_id]);
    await deleteAgreement(trx, agreement.id);
    const starting = agreement.version === 1;
    await updatePlacement(trx, id, {
      status: starting ? "accepted" : "active",
      hours_per_week: hoursBefore,
      ...(starting ? { started_on: null } : {}),
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "placement.undoAgreement",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { version: agreement.version, letterId: agreement.letter_id },
    });
  });
}

/**
 * Undoes the municipality's signature of the current agreement while its decision letter is still inside: the
 * signature is taken off, the placement agreement decision marked withdrawn (never made known, it never took effect),
 * the letter kept, withdrawn. The other parties' signatures stay. Under the placement's parties' locks and the letter's.
 */
export async function undoMunicipalitySignature(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await requireVisiblePlacement(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockParties(trx, id);
    const placement = await requireVisiblePlacement(trx, ctx, id);
    const found = await currentAgreement(trx, id);
    assertSignatureUndoable(placement, found);
    const agreement = requireFound(found, "agreement");
    const letterId = await letterOfDecision(trx, agreement.decision_id);
    await withdrawLetters(trx, ctx, [letterId]);
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, nowIso(ctx.clock));
    await clearMunicipalitySignature(trx, agreement.id);
    await recordAudit(trx, ctx, {
      action: "placement.undoSignature",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { party: "municipality", version: agreement.version, decisionId: agreement.decision_id, letterId },
    });
  });
}

/**
 * Undoes the attribution of an ending to the client while its decision letter is still inside: the decision is marked
 * withdrawn, the letter kept, withdrawn, and the ending waits again, undetermined, for the consultant (the client's
 * side and the host's account stay). Under the placement's parties' locks (which a sanction proposal waits on too)
 * and the letter's.
 */
export async function undoAttribution(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await requireVisiblePlacement(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockParties(trx, id);
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertAttributionUndoable(placement, await countSanctionsOnPlacement(trx, id));
    const letterId = await letterOfDecision(trx, placement.attribution_decision_id);
    await withdrawLetters(trx, ctx, [letterId]);
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, nowIso(ctx.clock));
    await updatePlacement(trx, id, {
      attributable_to: "undetermined",
      attribution_reasons: null,
      attribution_client_account: null,
      attribution_heard_on: null,
      attribution_channel: null,
      attribution_determined_by: null,
      attribution_determined_on: null,
      attribution_decision_id: null,
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "placement.undoAttribution",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { decisionId: placement.attribution_decision_id, letterId },
    });
  });
}
