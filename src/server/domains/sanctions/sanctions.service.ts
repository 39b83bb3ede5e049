import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database, SanctionHearingRow, SanctionRow, SanctionsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { AppError, notFound } from "@server/http/errors.js";
import { addMonths } from "@shared/dates.js";
import { SANCTION_BLOCKS, type SanctionProposalInput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { listClientExemptions } from "../exemptions/exemptions.repo.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import {
  clientNames,
  countImposedSince,
  countMissedIntakesBefore,
  findClientAppointment,
  findClientLetter,
  findClientPlacement,
  findClientPlan,
  findClientPlanStep,
  findSanction,
  insertSanction,
  latestEndedPlacement,
  letterDeliveries,
  listClientSanctions as listSanctionsOfClient,
  NOTHING_DECIDED_YET,
  pageSanctions,
  sanctionFactsOfClient,
  sanctionHearingsOf,
} from "./sanctions.repo.js";
import {
  assertMayPropose,
  assertNoExemptionPending,
  levelFor,
  type ProposalFacts,
  type SanctionFacts,
  type SanctionLevel,
} from "./sanctions.rules.js";
import { undoFactsOf } from "./sanctions.undo.js";

/** A sanction ground as the ordinance names it. */
export type Ground = Parameters<typeof levelFor>[0];

/** A sanction with what its presenter shows beside it. */
export interface SanctionView extends SanctionFacts {
  hearings: SanctionHearingRow[];
  clientName: string;
  names: Map<string, string>;
  proposedLevel: SanctionLevel;
}

/**
 * Loads what a proposal's rules look at: the client's exemptions, the linked placement, appointment, letter, plan
 * and plan step, the client's latest placement ending, earlier sanctions and the ordinance in force today.
 */
async function proposalFacts(db: Kysely<Database>, clientId: string, input: SanctionProposalInput, today: string): Promise<ProposalFacts> {
  const placement = input.placementId ? await findClientPlacement(db, clientId, input.placementId) : undefined;
  const appointment = input.appointmentId ? await findClientAppointment(db, clientId, input.appointmentId) : undefined;
  const letter = input.letterId ? await findClientLetter(db, clientId, input.letterId) : undefined;
  const reliedOn = [appointment?.invitation_letter_id ?? null, letter?.id ?? null];
  const deliveries = await letterDeliveries(db, reliedOn);
  return {
    today,
    maxFactsAgeDays: (await ordinanceOn(db, today)).maxFactsAgeDays,
    exemptions: await listClientExemptions(db, clientId),
    placement,
    appointment,
    earlierMissedIntakes: appointment?.invitation_sequence
      ? await countMissedIntakesBefore(db, clientId, appointment.invitation_sequence)
      : 0,
    letter,
    plan: input.planId ? await findClientPlan(db, clientId, input.planId) : undefined,
    planStep: input.planStepId ? await findClientPlanStep(db, clientId, input.planStepId) : undefined,
    latestEnding: await latestEndedPlacement(db, clientId),
    earlier: await sanctionFactsOfClient(db, clientId),
    reliedOnDeliveries: reliedOn.filter((id): id is string => id !== null).map((id) => deliveries.get(id) ?? "unknown"),
  };
}

/**
 * A consultant proposes a sanction. Refused (409, by code) when a full exemption covers the period, when the
 * ending it rests on is not determined (attributionPending) or not attributed to the client, when a ground lacks
 * its evidence (letterRequired, secondInvitationFirst, noObligation), when the facts were sanctioned before
 * (duplicateFact) or are too old (factsTooOld), when a linked letter was not delivered, or when the consultant
 * finds no culpability. Nothing about a refused proposal is stored, but the
 * refusal is audited with its code so that oversight can count how often each rule protected someone.
 */
export async function proposeSanction(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: SanctionProposalInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  try {
    assertMayPropose(input, await proposalFacts(db, clientId, input, today));
  } catch (error) {
    if (error instanceof AppError && (SANCTION_BLOCKS as readonly string[]).includes(error.code)) {
      await recordAudit(db, ctx, {
        action: "sanction.refused",
        category: "write",
        clientId,
        subjectType: "client",
        subjectId: clientId,
        details: { code: error.code, ground: input.ground },
      });
    }
    throw error;
  }
  const earlier = await countImposedSince(db, clientId, input.ground, addMonths(input.factsDate, -12));
  const row: SanctionsTable = {
    id: randomUUID(),
    client_id: clientId,
    ground: input.ground,
    facts_date: input.factsDate,
    facts: input.facts,
    appointment_id: input.appointmentId ?? null,
    placement_id: input.placementId ?? null,
    letter_id: input.letterId ?? null,
    plan_id: input.planId ?? null,
    plan_step_id: input.planStepId ?? null,
    not_done: input.notDone || null,
    culpability: input.culpability,
    circumstances: input.circumstances,
    children_interests: input.childrenInterests ?? null,
    urgent_reasons: input.urgentReasons ? 1 : 0,
    urgent_reasons_note: input.urgentReasonsNote ?? null,
    recurrence: earlier + 1,
    proposed_by: ctx.actor.id,
    proposed_at: nowIso(ctx.clock),
    status: "proposed",
    ...NOTHING_DECIDED_YET,
  };
  await inTransaction(db, async (trx) => {
    // A request for an exemption made meanwhile is seen: requests are made under the client row too.
    await lockClient(trx, clientId);
    assertNoExemptionPending(await listClientExemptions(trx, clientId));
    // The blocking grounds again, under the lock: an exemption, an attribution or a proposal on the same facts
    // recorded meanwhile counts (proposals are made under the client row; the unique indexes of 0008 and 0014
    // keep one sanction per fact even so).
    assertMayPropose(input, await proposalFacts(trx, clientId, input, today));
    await insertSanction(trx, row);
    await recordAudit(trx, ctx, {
      action: "sanction.propose",
      category: "write",
      clientId,
      subjectType: "sanction",
      subjectId: row.id,
      details: { ground: input.ground },
    });
  });
  return row.id;
}

/** A sanction of a client the actor may see, or 404. */
export async function requireVisibleSanction(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<SanctionRow> {
  const row = await findSanction(db, id);
  if (!row) throw notFound("sanction");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** The delivery status of a sanction's latest hearing invitation, if it has one. */
export async function invitationDelivery(db: Kysely<Database>, sanction: SanctionRow): Promise<string | null> {
  if (!sanction.hearing_letter_id) return null;
  return (await letterDeliveries(db, [sanction.hearing_letter_id])).get(sanction.hearing_letter_id) ?? null;
}

/** Loads what the presenter and the abilities look at for each sanction (undoing its latest letter step too), once for all of them. */
export async function viewsOf(db: Kysely<Database>, rows: SanctionRow[], today: string): Promise<SanctionView[]> {
  if (rows.length === 0) return [];
  const hearings = await sanctionHearingsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await displayNamesOf(db, [
    ...rows.flatMap((r) => [r.proposed_by, r.decided_by, r.urgent_reasons_lapsed_by]),
    ...[...hearings.values()].flat().map((h) => h.recorded_by),
  ]);
  const clients = await clientNames(
    db,
    rows.map((r) => r.client_id),
  );
  const deliveries = await letterDeliveries(
    db,
    rows.map((r) => r.hearing_letter_id),
  );
  const undo = await undoFactsOf(db, rows);
  const ordinance = await ordinanceOn(db, today);
  return rows.map((sanction) => ({
    sanction,
    invitationDelivery: sanction.hearing_letter_id ? (deliveries.get(sanction.hearing_letter_id) ?? null) : null,
    hearings: hearings.get(sanction.id) ?? [],
    hearingVersions: (hearings.get(sanction.id) ?? []).length,
    undo: undo.get(sanction.id) ?? null,
    today,
    clientName: clients.get(sanction.client_id) ?? "",
    names,
    proposedLevel: levelFor(sanction.ground as Ground, sanction.recurrence, sanction.culpability, ordinance),
  }));
}

/** One sanction in scope, ready to present (not audited: used after a write the audit already records). */
export async function loadSanction(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<SanctionView> {
  const [view] = await viewsOf(db, [await requireVisibleSanction(db, ctx, id)], ctx.clock.today());
  if (!view) throw notFound("sanction");
  return view;
}

/** A client's sanctions, newest first: benefit data, so the read is audited as sensitive. */
export async function listClientSanctions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<SanctionView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listSanctionsOfClient(db, clientId);
  await recordAudit(db, ctx, {
    action: "sanction.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return viewsOf(db, rows, ctx.clock.today());
}

/** One sanction, its read audited as sensitive. */
export async function readSanction(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<SanctionView> {
  const view = await loadSanction(db, ctx, id);
  await recordAudit(db, ctx, {
    action: "sanction.read",
    category: "read:sensitive",
    clientId: view.sanction.client_id,
    subjectType: "sanction",
    subjectId: id,
  });
  return view;
}

/** Sanctions in the actor's scope with a status, e.g. the proposals waiting for a team lead's decision. */
export async function listSanctionsByStatus(
  db: Kysely<Database>,
  ctx: RequestContext,
  status: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ views: SanctionView[]; total: number }> {
  const { rows, total } = await pageSanctions(db, ctx.actor, status, page, pageSize);
  await recordAudit(db, ctx, {
    action: "sanction.listByStatus",
    category: "read:sensitive",
    details: { status: status ?? null, count: rows.length },
  });
  return { views: await viewsOf(db, rows, ctx.clock.today()), total };
}
