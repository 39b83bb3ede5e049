import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClients, lockPlacements } from "@server/db/locks.repo.js";
import type { Database, LettersTable } from "@server/db/schema.js";
import { notFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.js";
import { systemFindClient } from "../clients/clients.repo.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { displayNamesOf } from "../users/users.repo.js";
import { OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";
import { displacementLetterData } from "./placements.letters.js";
import { openPlacementsOfRole, updatePlacement } from "./placements.repo.js";
import { NOT_ENDED } from "./placements.service.js";

/**
 * When a role turns out to replace paid work (a complaint upheld, or a later review rejects it), its placements stop
 * at once: no client goes on doing work that displaces a paid job. Every open placement of the role ends that day,
 * the running ones and the referrals not yet started alike: `ended`, reason `roleRejected`, attributable to the
 * organisation (it is never the client's doing, so no sanction can rest on it, and the attribution is determined,
 * not waiting for the consultant). A referral is ended rather than declined: declining is the host's answer, and
 * this is the municipality's decision about the role. Ending frees the client's hours and the organisation's guidance
 * hours, and each client's consultant finds the ending on the work queue (`placementEndedByDisplacement`).
 */

type OpenPlacement = Awaited<ReturnType<typeof openPlacementsOfRole>>[number];

/** The letters rendered before the transaction, by placement, with the status each was rendered for. */
export type DisplacementLetters = Map<string, { status: string; letter: LettersTable }>;

async function displacementLetter(db: Kysely<Database>, ctx: RequestContext, placement: OpenPlacement): Promise<LettersTable> {
  const client = await systemFindClient(db, placement.client_id);
  if (!client) throw notFound("client");
  const consultantName = (await displayNamesOf(db, [client.consultant_id])).get(client.consultant_id ?? "");
  return prepareLetter(ctx, {
    client,
    kind: "placementEnded",
    template: "placement-ended-displacement",
    registered: false,
    data: displacementLetterData(client, placement, ctx.clock.today(), consultantName),
  });
}

/** Renders the letter of every open placement of a role, before the transaction that ends them (rendering is slow). */
export async function prepareDisplacementLetters(db: Kysely<Database>, ctx: RequestContext, roleId: string): Promise<DisplacementLetters> {
  const letters: DisplacementLetters = new Map();
  for (const placement of await openPlacementsOfRole(db, roleId)) {
    letters.set(placement.id, { status: placement.status, letter: await displacementLetter(db, ctx, placement) });
  }
  return letters;
}

/** A placement a rejection ended: its status before and the letter that told the client, which an undo takes back. */
export const endedPlacementSchema = z.object({
  placementId: z.string(),
  statusBefore: z.enum(OPEN_PLACEMENT_STATUSES),
  letterId: z.string(),
});
export type EndedPlacement = z.infer<typeof endedPlacementSchema>;

/**
 * Ends the open placements of a role just rejected for displacement, with a letter to each client; returns which, each
 * with its status before and its letter. Letters of a rejection that can be undone are held back for a while.
 * The attribution is determined with the rejection's reason, by whoever rejected the role.
 * Runs in the caller's transaction, which holds the locks of the role's organisation and the role (so no referral is
 * added, accepted or started meanwhile); it then locks the clients and the placements, in the order of locks.repo.ts.
 * A placement whose letter was rendered for another status, or not at all (a referral that won the race for the role
 * lock), gets its letter made here.
 */
export async function endPlacementsOfRejectedRole(
  trx: Kysely<Database>,
  ctx: RequestContext,
  roleId: string,
  prepared: DisplacementLetters,
  reason: string,
  undoable = false,
): Promise<EndedPlacement[]> {
  // Under the organisation's lock no placement of the role changes status, so this set and their statuses stand.
  const placements = await openPlacementsOfRole(trx, roleId);
  await lockClients(
    trx,
    placements.map((p) => p.client_id),
  );
  await lockPlacements(
    trx,
    placements.map((p) => p.id),
  );
  const endedOn = ctx.clock.today();
  const now = nowIso(ctx.clock);
  const ended: EndedPlacement[] = [];
  for (const placement of placements) {
    const ready = prepared.get(placement.id);
    const rendered = ready && ready.status === placement.status ? ready.letter : await displacementLetter(trx, ctx, placement);
    const letter = undoable ? holdForUndo(ctx, rendered) : rendered;
    await updatePlacement(trx, placement.id, {
      status: "ended",
      ended_on: endedOn,
      end_reason: "roleRejected",
      // Determined at once, by whoever rejected the role, for the reason they gave: never the client's doing.
      attributable_to: "organisation",
      attribution_reasons: reason,
      attribution_determined_by: ctx.actor.id,
      attribution_determined_on: endedOn,
      updated_at: now,
    });
    await storeLetter(trx, ctx, letter);
    await recordAudit(trx, ctx, {
      action: "placement.end",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: placement.id,
      details: { reason: "roleRejected", attributableTo: "organisation", roleId, previousStatus: placement.status, letterId: letter.id },
    });
    // Open placements only (openPlacementsOfRole), so the status before is one a placement can be put back in.
    ended.push({
      placementId: placement.id,
      statusBefore: endedPlacementSchema.shape.statusBefore.parse(placement.status),
      letterId: letter.id,
    });
  }
  return ended;
}

/**
 * Puts the placements a rejection ended back as they were before it (their status, no ending), when the rejection is
 * undone. Runs in the caller's transaction, which holds the locks of the role's organisation, the role, the clients
 * and the placements, and has withdrawn the letters.
 */
export async function restorePlacementsOfRejectedRole(
  trx: Kysely<Database>,
  ctx: RequestContext,
  roleId: string,
  ended: readonly (EndedPlacement & { clientId: string })[],
): Promise<void> {
  const now = nowIso(ctx.clock);
  for (const { placementId, clientId, statusBefore, letterId } of ended) {
    await updatePlacement(trx, placementId, {
      ...NOT_ENDED,
      status: statusBefore,
      ended_on: null,
      end_reason: null,
      attributable_to: null,
      updated_at: now,
    });
    await recordAudit(trx, ctx, {
      action: "placement.undoRoleRejection",
      category: "write",
      clientId,
      subjectType: "placement",
      subjectId: placementId,
      details: { roleId, status: statusBefore, letterId },
    });
  }
}
