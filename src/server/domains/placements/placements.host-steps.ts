import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import type { HostCheckInInput, IntroductionInput } from "@shared/schemas/host-partnership.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { recordHostCheckIn as storeHostCheckIn, recordIntroduction as storeIntroduction } from "./placements.repo.js";
import {
  assertHeldNotInFuture,
  assertHostCheckInNotRecorded,
  assertIntroductionNotRecorded,
  assertMayActForOrganisation,
  assertPlacementBegun,
  assertPlacementStatusAllows,
} from "./placements.rules.js";
import { requireVisiblePlacement } from "./placements.service.js";

/**
 * The host (or a consultant with it) records the introduction meeting before the start: the day, who attended, the
 * named contact person at the host, and the client's and the host's verdict. Once (409 introductionRecorded, held
 * under parallel requests by the conditional write), before the start (409 placementState), not in the future (400).
 */
export async function recordIntroduction(db: Kysely<Database>, ctx: RequestContext, id: string, input: IntroductionInput): Promise<void> {
  assertHeldNotInFuture(input.heldOn, ctx.clock.today());
  await inTransaction(db, async (trx) => {
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    assertPlacementStatusAllows(placement, "recordIntroduction");
    assertIntroductionNotRecorded(placement);
    const stored = await storeIntroduction(trx, id, {
      host_contact_person: input.contactPerson,
      introduction_held_on: input.heldOn,
      introduction_attendees: input.attendees,
      introduction_client_verdict: input.clientVerdict,
      introduction_host_verdict: input.hostVerdict,
      introduction_note: input.note || null,
      introduction_recorded_by: ctx.actor.id,
      updated_at: nowIso(ctx.clock),
    });
    // A parallel request recorded it, or the placement started, between the read and the write.
    if (!stored) assertIntroductionNotRecorded({ introduction_held_on: "meanwhile" });
    await recordAudit(trx, ctx, {
      action: "placement.introduction",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { clientVerdict: input.clientVerdict, hostVerdict: input.hostVerdict },
    });
  });
}

/**
 * The check-in with the host, due four weeks after the start (it waits on the consultant's work queue until held):
 * how it goes. Only while the placement runs, from its start date (409 placementNotBegun), once (409
 * hostCheckInRecorded).
 */
export async function recordHostCheckIn(db: Kysely<Database>, ctx: RequestContext, id: string, input: HostCheckInInput): Promise<void> {
  const today = ctx.clock.today();
  assertHeldNotInFuture(input.heldOn, today);
  await inTransaction(db, async (trx) => {
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    assertPlacementStatusAllows(placement, "recordHostCheckIn");
    assertPlacementBegun(placement, today);
    assertHostCheckInNotRecorded(placement);
    const stored = await storeHostCheckIn(trx, id, {
      host_check_in_held_on: input.heldOn,
      host_check_in_note: input.note,
      host_check_in_recorded_by: ctx.actor.id,
      updated_at: nowIso(ctx.clock),
    });
    if (!stored) assertHostCheckInNotRecorded({ host_check_in_held_on: "meanwhile" });
    await recordAudit(trx, ctx, {
      action: "placement.hostCheckIn",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
    });
  });
}
