import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockOrganisation, lockPlacement, lockRole } from "@server/db/locks.repo.js";
import type { ClientRow, Database, PlacementAgreementsTable, PlacementsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, notFound } from "@server/http/errors.js";
import type { Attribution, EndReason } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient, systemFindClient } from "../clients/clients.repo.js";
import { prepareLetter, storeLetter } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { assertWithinLimits, assertWorkFitsClient, committedHours, ROLE_WORK_FIELDS, workOfRole } from "../plans/capacity.js";
import { assertDurationWithin } from "../plans/plans.rules.js";
import { findVisibleRole, organisationOfRole, roleWorkOf } from "../roles/roles.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { agreementLetterData } from "./placements.letters.js";
import { referralHeldUntil } from "./placements.proposal-undo.js";
import {
  findOpenPlacement,
  findVisiblePlacement,
  guidanceDemand,
  guidanceHoursOf,
  insertAgreement,
  insertNote,
  insertPlacement,
  lastAgreementVersion,
  partiesOfPlacement,
  updatePlacement,
} from "./placements.repo.js";
import {
  assertEndedNotInFuture,
  assertGuidanceAvailable,
  assertGuidanceLevelFits,
  assertHoursWithinRole,
  assertMayActForOrganisation,
  assertNotAlreadyReferred,
  assertPlacementStatusAllows,
  assertRoleHasPlace,
  assertRoleMayTakePlacements,
  attributionAtEnding,
} from "./placements.rules.js";

/**
 * Locks what a placement's change may affect, in the order of locks.repo.ts: its organisation (guidance hours),
 * its client (capacity), then the placement itself (its status).
 */
export async function lockParties(trx: Kysely<Database>, id: string): Promise<void> {
  const parties = await partiesOfPlacement(trx, id);
  if (!parties) return;
  await lockOrganisation(trx, parties.organisation_id);
  await lockClient(trx, parties.client_id);
  await lockPlacement(trx, id);
}

/** The ending's columns of a placement that has not ended: no view, no determination, no side of the client's. */
export const NOT_ENDED = {
  client_side_account: null,
  client_side_reason: null,
  client_side_given_on: null,
  host_view_attribution: null,
  attribution_reasons: null,
  attribution_client_account: null,
  attribution_heard_on: null,
  attribution_channel: null,
  attribution_determined_by: null,
  attribution_determined_on: null,
  attribution_decision_id: null,
} as const satisfies Partial<PlacementsTable>;

/** One placement the actor may see, or 404. */
export async function requireVisiblePlacement(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const placement = await findVisiblePlacement(db, ctx.actor, id);
  if (!placement) throw notFound("placement");
  return placement;
}

/** The override reason is kept only when the override was needed. */
function overriddenReason(reason: string | undefined, committed: number, placementHours: number, supply: number): string | null {
  return reason && committed + placementHours > supply ? reason : null;
}

/**
 * Proposes (refers) a client to a role. Refused when the role may not take placements (displacement), is
 * full, offers less guidance than the client needs, would exceed the organisation's guidance hours (unless
 * overridden with a reason), would ask more hours than the client can do, or asks a longer day, more days or work
 * the client's limits rule out (`aboveDailyLimit`, `aboveDaysLimit`, `functionalLimit`).
 */
export async function proposePlacement(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: { clientId: string; roleId: string; hoursPerWeek?: number | undefined; guidanceOverrideReason?: string | undefined },
): Promise<string> {
  return inTransaction(db, async (trx) => {
    // Guidance hours are the organisation's, places the role's, capacity the client's: a parallel referral that
    // touches any of them waits here, then counts this one.
    const organisationId = await organisationOfRole(trx, input.roleId);
    if (organisationId) await lockOrganisation(trx, organisationId);
    await lockRole(trx, input.roleId);
    await lockClient(trx, input.clientId);
    const client = await requireVisibleClient(trx, ctx.actor, input.clientId);
    const role = await findVisibleRole(trx, ctx.actor, input.roleId);
    if (!role) throw invalidField("roleId", "unknownRole", "No such role");
    assertRoleMayTakePlacements(role);
    assertRoleHasPlace(role);
    assertNotAlreadyReferred(await findOpenPlacement(trx, client.id, role.id));
    const need = client.guidance_need;
    assertGuidanceLevelFits(role.guidance_level, need);
    const supply = await guidanceHoursOf(trx, role.organisation_id, ctx.clock.today());
    const ordinance = await ordinanceOn(trx, ctx.clock.today());
    const demand = await guidanceDemand(trx, role.organisation_id, ordinance.guidanceHoursPerLevel);
    const guidanceHours = ordinance.guidanceHoursPerLevel[need];
    assertGuidanceAvailable(supply, demand.committed, guidanceHours, input.guidanceOverrideReason);
    const hours = input.hoursPerWeek ?? role.hours_per_week;
    assertHoursWithinRole(hours, role.hours_per_week);
    await assertWithinLimits(trx, client, (await committedHours(trx, client.id)) + hours, ctx.clock.today());
    await assertWorkFitsClient(trx, client, workOfRole(role), ctx.clock.today(), ROLE_WORK_FIELDS);

    const overrideReason = overriddenReason(input.guidanceOverrideReason, demand.committed, guidanceHours, supply);
    const now = nowIso(ctx.clock);
    const row: PlacementsTable = {
      id: randomUUID(),
      client_id: client.id,
      role_id: role.id,
      organisation_id: role.organisation_id,
      status: "proposed",
      hours_per_week: hours,
      guidance_level: need,
      guidance_override_reason: overrideReason,
      proposed_by: ctx.actor.id,
      decision_reason: null,
      decided_by: null,
      started_on: null,
      ended_on: null,
      end_reason: null,
      end_note: null,
      attributable_to: null,
      ordinance_version: ordinance.version,
      ...NOT_ENDED,
      created_at: now,
      updated_at: now,
      held_until: referralHeldUntil(ctx),
    };
    await insertPlacement(trx, row);
    await recordAudit(trx, ctx, {
      action: "placement.propose",
      category: "write",
      clientId: client.id,
      subjectType: "placement",
      subjectId: row.id,
      details: { roleId: role.id, ...(overrideReason ? { guidanceOverride: true, guidanceOverrideReason: overrideReason } : {}) },
    });
    return row.id;
  });
}

/** The host (or a consultant on its behalf) accepts or declines a referral. */
export async function decideReferral(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  decision: "accepted" | "declined",
  reason?: string,
) {
  await inTransaction(db, async (trx) => {
    await lockParties(trx, id);
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    assertPlacementStatusAllows(placement, decision === "accepted" ? "accept" : "decline");
    if (decision === "accepted") {
      const supply = await guidanceHoursOf(trx, placement.organisation_id, ctx.clock.today());
      const { guidanceHoursPerLevel } = await ordinanceOn(trx, ctx.clock.today());
      const demand = await guidanceDemand(trx, placement.organisation_id, guidanceHoursPerLevel, id);
      assertGuidanceAvailable(
        supply,
        demand.committed,
        guidanceHoursPerLevel[placement.guidance_level],
        placement.guidance_override_reason ?? undefined,
      );
    }
    await updatePlacement(trx, id, {
      status: decision,
      decision_reason: reason ?? null,
      decided_by: ctx.actor.id,
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: `placement.${decision === "accepted" ? "accept" : "decline"}`,
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
    });
  });
}

/**
 * The limits an agreement keeps, in their order: when it asks more hours than the placement did, capacity and then the
 * ordinance's norm over everything asked of the client; at the start, the role's longest day, days and demands within
 * the client's limits in force then (a physician's advice may have come since the referral); and it ends at most the
 * ordinance's maximum duration after the placement started (its own start date for the first version).
 */
async function assertTermsWithinLimits(
  db: Kysely<Database>,
  ctx: RequestContext,
  client: ClientRow,
  placement: { id: string; role_id: string; hours_per_week: number; started_on: string | null },
  terms: AgreementTerms,
  starting: boolean,
): Promise<void> {
  const today = ctx.clock.today();
  if (starting) {
    const role = await roleWorkOf(db, placement.role_id);
    if (role) await assertWorkFitsClient(db, client, workOfRole(role), today, ROLE_WORK_FIELDS);
  }
  if (terms.hoursPerWeek > placement.hours_per_week) {
    const asked = (await committedHours(db, client.id, placement.id)) + terms.hoursPerWeek;
    await assertWithinLimits(db, client, asked, today, "agreement.hoursPerWeek");
  }
  const from = placement.started_on && placement.started_on < terms.startDate ? placement.started_on : terms.startDate;
  assertDurationWithin((await ordinanceOn(db, today)).maxDurationMonths, from, terms.endDate, "agreement.endDate");
}

interface AgreementTerms {
  startDate: string;
  endDate: string;
  hoursPerWeek: number;
  tasks: string;
  contactPerson: string;
  guidanceArrangement: string;
}

/**
 * Signs an agreement: version 1 starts an accepted placement, a later version changes an active one. A signed
 * version never changes; the client gets each as a PDF. Refused when it asks more than capacity or the norm allows,
 * or runs longer than the ordinance's maximum (`assertTermsWithinLimits`).
 */
export async function signAgreement(db: Kysely<Database>, ctx: RequestContext, id: string, terms: AgreementTerms, starting: boolean) {
  const placement = await requireVisiblePlacement(db, ctx, id);
  assertMayActForOrganisation(ctx.actor, placement.organisation_id);
  assertPlacementStatusAllows(placement, starting ? "start" : "signAgreement");
  const client = await systemFindClient(db, placement.client_id);
  if (!client) throw notFound("client");
  await assertTermsWithinLimits(db, ctx, client, placement, terms, starting);
  const version = (await lastAgreementVersion(db, id)) + 1;
  const consultantName = (await displayNamesOf(db, [client.consultant_id])).get(client.consultant_id ?? "");
  const today = ctx.clock.today();
  const now = nowIso(ctx.clock);
  // The agreement carries the signature of whoever records it only when that is a party's own: a host's member signs
  // for the host. Staff record the terms for the host; the parties then sign, each for itself (signAgreementAs), and
  // the letter names only the signatures actually given.
  const hostSigns = ctx.actor.role === "host";
  const row: PlacementAgreementsTable = {
    id: randomUUID(),
    placement_id: id,
    version,
    start_date: terms.startDate,
    end_date: terms.endDate,
    hours_per_week: terms.hoursPerWeek,
    tasks: terms.tasks,
    contact_person: terms.contactPerson,
    guidance_arrangement: terms.guidanceArrangement,
    letter_id: "",
    signed_by: ctx.actor.id,
    signed_at: now,
    client_signed_on: null,
    client_signed_by: null,
    host_signed_on: hostSigns ? today : null,
    host_signed_by: hostSigns ? ctx.actor.id : null,
    municipality_signed_on: null,
    municipality_signed_by: null,
    decision_id: null,
  };
  const letter = await prepareLetter(ctx, {
    client,
    kind: "placementAgreement",
    template: "placement-agreement",
    registered: false,
    data: { ...agreementLetterData(client, placement, row, consultantName), decision: null },
  });
  await inTransaction(db, async (trx) => {
    // Check again under the locks: the letter was rendered from what was read above.
    await lockParties(trx, id);
    const fresh = await requireVisiblePlacement(trx, ctx, id);
    assertPlacementStatusAllows(fresh, starting ? "start" : "signAgreement");
    await assertTermsWithinLimits(trx, ctx, client, fresh, terms, starting);
    // A version signed meanwhile is refused by the agreements' unique version (409 placementState).
    await storeLetter(trx, ctx, letter);
    await insertAgreement(trx, { ...row, letter_id: letter.id });
    await updatePlacement(trx, id, {
      status: "active",
      hours_per_week: terms.hoursPerWeek,
      ...(starting ? { started_on: terms.startDate } : {}),
      updated_at: now,
    });
    await recordAudit(trx, ctx, {
      action: starting ? "placement.start" : "placement.agreementVersion",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { version },
    });
  });
}

/**
 * Ends a placement with a reason and the account of whoever ends it. A regular ending is attributed to nobody at
 * once; any other waits, `undetermined`, on the consultant's work queue until the client is heard
 * (`attributePlacement`), keeping the ender's `attributableTo` as their view only. Staff may determine at once an
 * attribution that is not to the client (`attributionAtEnding`).
 */
export async function endPlacement(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { reason: EndReason; attributableTo?: Attribution | undefined; note?: string | undefined; endedOn?: string | undefined },
) {
  const endedOn = input.endedOn ?? ctx.clock.today();
  assertEndedNotInFuture(endedOn, ctx.clock.today());
  const attribution = attributionAtEnding(ctx.actor, input.reason, input.attributableTo);
  await inTransaction(db, async (trx) => {
    await lockParties(trx, id);
    const placement = await requireVisiblePlacement(trx, ctx, id);
    assertMayActForOrganisation(ctx.actor, placement.organisation_id);
    assertPlacementStatusAllows(placement, "end");
    await updatePlacement(trx, id, {
      status: "ended",
      ended_on: endedOn,
      end_reason: input.reason,
      attributable_to: attribution,
      host_view_attribution: input.attributableTo ?? null,
      end_note: input.note ?? null,
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "placement.end",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { reason: input.reason, attributableTo: attribution, ...(input.attributableTo ? { view: input.attributableTo } : {}) },
    });
  });
}

/** A note on how it goes (e.g. attendance problems), visible to the consultant. */
export async function addPlacementNote(db: Kysely<Database>, ctx: RequestContext, id: string, note: string) {
  const placement = await requireVisiblePlacement(db, ctx, id);
  assertMayActForOrganisation(ctx.actor, placement.organisation_id);
  await inTransaction(db, async (trx) => {
    await insertNote(trx, { id: randomUUID(), placement_id: id, author_id: ctx.actor.id, note, created_at: nowIso(ctx.clock) });
    await recordAudit(trx, ctx, {
      action: "placement.note",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
    });
  });
}
