import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import type { ClientSideInput, PlacementFeedbackInput } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { insertFeedback } from "../feedback/feedback.repo.js";
import { listStartedPlacementsOfClient, type PlacementWithNames, recordClientSide } from "./placements.repo.js";
import { assertClientSideNotGiven, assertFeedbackNotGiven, assertPlacementStatusAllows } from "./placements.rules.js";
import { requireVisiblePlacement } from "./placements.service.js";

/** A client's started placements (running and ended), newest first: the client's own, or those in a consultant's scope. */
export async function listClientPlacements(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<PlacementWithNames[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  return listStartedPlacementsOfClient(db, ctx.actor, clientId);
}

/**
 * The client gives their own account of why an ended placement ended, optionally with a reason from a short list. It
 * is kept with the ending (once: 409 clientSideGiven) and shown to the consultant when they determine the attribution.
 */
export async function giveClientSide(db: Kysely<Database>, ctx: RequestContext, id: string, input: ClientSideInput): Promise<void> {
  await inTransaction(db, async (trx) => {
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertPlacementStatusAllows(placement, "giveClientSide");
    assertClientSideNotGiven(placement);
    const recorded = await recordClientSide(trx, id, {
      client_side_account: input.account,
      client_side_reason: input.reason ?? null,
      client_side_given_on: ctx.clock.today(),
      updated_at: nowIso(ctx.clock),
    });
    // A parallel request recorded it between the read and the write.
    if (!recorded) assertClientSideNotGiven({ client_side_account: "" });
    await recordAudit(trx, ctx, {
      action: "placement.clientSide",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
    });
  });
}

/**
 * The client rates a running or ended placement and its organisation (1–5) with words if they like, once (409
 * feedbackGiven, held by a unique index under parallel requests). The host never sees it with the client's name.
 */
export async function givePlacementFeedback(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: PlacementFeedbackInput,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertPlacementStatusAllows(placement, "giveFeedback");
    assertFeedbackNotGiven(placement);
    // A parallel rating loses to the unique index, refused as feedbackGiven (db/errors.ts).
    await insertFeedback(trx, {
      id: randomUUID(),
      placement_id: id,
      client_id: placement.client_id,
      organisation_id: placement.organisation_id,
      rating: input.rating,
      comment: input.comment || null,
      given_on: ctx.clock.today(),
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "placement.feedback",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
    });
  });
}
