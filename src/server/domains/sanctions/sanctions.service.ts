import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import type { Database, SanctionObjectionRow, SanctionRow, SanctionsTable } from "@server/db/schema.js";
import { AppError, conflict, notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths, todayInAmsterdam } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { SANCTION_BLOCKS, type SanctionDecisionInput, type SanctionProposalInput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { listClientExemptions } from "../exemptions/exemptions.repo.js";
import { prepareLetter, storeLetter } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import {
  clientNames,
  countImposedSince,
  findClientAppointment,
  findClientLetter,
  findClientPlacement,
  findObjection,
  findObjectionOf,
  findSanction,
  insertObjection,
  insertSanction,
  letterDateOf,
  letterDeliveries,
  listClientSanctions as listSanctionsOfClient,
  objectionsOf,
  pageSanctions,
  updateOpenObjection,
  updateSanction,
  updateSanctionWhere,
} from "./sanctions.repo.js";
import {
  assertDecided,
  assertHeardInPast,
  assertLowersSanction,
  assertMayDecide,
  assertMayExtend,
  assertMayHear,
  assertMayInvite,
  assertMayObject,
  assertMayPropose,
  assertMayReconsider,
  assertNoExemptionInForce,
  assertObjectionOpen,
  decidedTerms,
  levelFor,
  type ProposalFacts,
  type SanctionFacts,
  type SanctionLevel,
} from "./sanctions.rules.js";

const OBJECTION_WEEKS_DAYS = 42;
type Ground = Parameters<typeof levelFor>[0];

/** A sanction with what its presenter shows beside it. */
export interface SanctionView extends SanctionFacts {
  clientName: string;
  names: Map<string, string>;
  proposedLevel: SanctionLevel;
}

/** Loads what a proposal's rules look at: the client's exemptions and the linked placement, appointment and letter. */
async function proposalFacts(db: Kysely<Database>, clientId: string, input: SanctionProposalInput, today: string): Promise<ProposalFacts> {
  const placement = input.placementId ? await findClientPlacement(db, clientId, input.placementId) : undefined;
  const appointment = input.appointmentId ? await findClientAppointment(db, clientId, input.appointmentId) : undefined;
  const letter = input.letterId ? await findClientLetter(db, clientId, input.letterId) : undefined;
  const reliedOn = [appointment?.invitation_letter_id ?? null, letter?.id ?? null];
  const deliveries = await letterDeliveries(db, reliedOn);
  return {
    today,
    exemptions: await listClientExemptions(db, clientId),
    placement,
    appointment,
    letter,
    reliedOnDeliveries: reliedOn.filter((id): id is string => id !== null).map((id) => deliveries.get(id) ?? "unknown"),
  };
}

/**
 * A consultant proposes a sanction. Refused (409, by code) when a full exemption covers the period, when the
 * linked placement's ending is attributable to the organisation, health or caregiving, when a linked letter was
 * not delivered, or when the consultant finds no culpability. Nothing about a refused proposal is stored, but the
 * refusal is audited with its code so that oversight can count how often each rule protected someone.
 */
export async function proposeSanction(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: SanctionProposalInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const today = todayInAmsterdam();
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
    culpability: input.culpability,
    circumstances: input.circumstances,
    children_interests: input.childrenInterests ?? null,
    urgent_reasons: input.urgentReasons ? 1 : 0,
    urgent_reasons_note: input.urgentReasonsNote ?? null,
    recurrence: earlier + 1,
    proposed_by: ctx.actor.id,
    proposed_at: new Date().toISOString(),
    status: "proposed",
    hearing_letter_id: null,
    hearing_respond_by: null,
    hearing_held_on: null,
    hearing_channel: null,
    hearing_record: null,
    hearing_recorded_by: null,
    outcome: null,
    decision_reasons: null,
    level: null,
    percentage: null,
    months: null,
    ordinance_version: null,
    decided_by: null,
    decided_at: null,
    decision_letter_id: null,
    reconsider_by: null,
    reconsidered_on: null,
    reconsideration_outcome: null,
    reconsideration_note: null,
    revoked: 0,
  };
  await db.transaction().execute(async (trx) => {
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
async function invitationDelivery(db: Kysely<Database>, sanction: SanctionRow): Promise<string | null> {
  if (!sanction.hearing_letter_id) return null;
  return (await letterDeliveries(db, [sanction.hearing_letter_id])).get(sanction.hearing_letter_id) ?? null;
}

/** Loads what the presenter and the abilities look at for each sanction, once for all of them. */
export async function viewsOf(db: Kysely<Database>, rows: SanctionRow[]): Promise<SanctionView[]> {
  if (rows.length === 0) return [];
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => [r.proposed_by, r.decided_by]),
  );
  const clients = await clientNames(
    db,
    rows.map((r) => r.client_id),
  );
  const deliveries = await letterDeliveries(
    db,
    rows.map((r) => r.hearing_letter_id),
  );
  const objections = await objectionsOf(
    db,
    rows.map((r) => r.id),
  );
  const ordinance = await ordinanceOn(db);
  const today = todayInAmsterdam();
  return rows.map((sanction) => ({
    sanction,
    invitationDelivery: sanction.hearing_letter_id ? (deliveries.get(sanction.hearing_letter_id) ?? null) : null,
    objection: objections.get(sanction.id) ?? null,
    today,
    clientName: clients.get(sanction.client_id) ?? "",
    names,
    proposedLevel: levelFor(sanction.ground as Ground, sanction.recurrence, sanction.culpability, ordinance),
  }));
}

/** One sanction in scope, ready to present (not audited: used after a write the audit already records). */
export async function loadSanction(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<SanctionView> {
  const [view] = await viewsOf(db, [await requireVisibleSanction(db, ctx, id)]);
  if (!view) throw notFound("sanction");
  return view;
}

/** Invites the client to a hearing by registered letter, with the ordinance's response term. */
export async function inviteToHearing(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayInvite(sanction, await invitationDelivery(db, sanction));
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const respondBy = addDays(todayInAmsterdam(), (await ordinanceOn(db)).hearingResponseDays);
  const letter = await prepareLetter(ctx, {
    client,
    kind: "sanctionHearing",
    template: "sanction-hearing",
    registered: true,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      facts: sanction.facts,
      respondBy: formatDutchDate(respondBy),
      phone: municipality.phone,
      consultantName: ctx.actor.displayName,
    },
  });
  await db.transaction().execute(async (trx) => {
    await storeLetter(trx, ctx, letter);
    await updateSanction(trx, id, { hearing_letter_id: letter.id, hearing_respond_by: respondBy });
    await recordAudit(trx, ctx, {
      action: "sanction.inviteToHearing",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
    });
  });
}

/** Records the client's response: in person, by phone, in writing, or (by the client themselves) through the portal. */
export async function recordHearing(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { heldOn: string; channel: string; record: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayHear(sanction);
  assertHeardInPast(input.heldOn, todayInAmsterdam());
  const channel = ctx.actor.role === "client" ? "portal" : input.channel;
  await db.transaction().execute(async (trx) => {
    const heard = await updateSanctionWhere(
      trx,
      id,
      { column: "hearing_record", is: null },
      { hearing_held_on: input.heldOn, hearing_channel: channel, hearing_record: input.record, hearing_recorded_by: ctx.actor.id },
    );
    if (!heard) throw conflict("alreadyHeard", "The hearing was recorded meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.hearing",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { channel },
    });
  });
}

/**
 * A second person decides. Refused to the proposer (403 sameDecisionMaker), without a hearing record unless the
 * delivered invitation's term has passed (409 hearingRequired), and while a full exemption is in force. The
 * decision applies the ordinance in force and records its version; the decision letter is issued with it.
 */
export async function decideSanction(db: Kysely<Database>, ctx: RequestContext, id: string, input: SanctionDecisionInput): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  const today = todayInAmsterdam();
  assertMayDecide(sanction, ctx.actor, await invitationDelivery(db, sanction), today);
  if (input.outcome !== "refrained")
    assertNoExemptionInForce(await listClientExemptions(db, sanction.client_id), [sanction.facts_date, today]);
  const ordinance: Ordinance = await ordinanceOn(db, today);
  const terms = decidedTerms(input, levelFor(sanction.ground as Ground, sanction.recurrence, sanction.culpability, ordinance));
  await db.transaction().execute(async (trx) => {
    const decided = await updateSanctionWhere(
      trx,
      id,
      { column: "status", is: "proposed" },
      {
        status: "decided",
        outcome: input.outcome,
        decision_reasons: input.reasons,
        ...terms,
        ordinance_version: ordinance.version,
        decided_by: ctx.actor.id,
        decided_at: new Date().toISOString(),
        reconsider_by: input.outcome === "refrained" ? null : addMonths(today, 3),
      },
    );
    if (!decided) throw conflict("sanctionDecided", "This sanction was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.decide",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { outcome: input.outcome, ordinanceVersion: ordinance.version },
    });
  });
  await issueDecisionLetter(db, ctx, id);
}

class IssuedMeanwhile extends Error {}

const firstOfNextMonth = (date: string) => `${addMonths(`${date.slice(0, 8)}01`, 1)}`;

/** The decision letter, made once: asking again returns the same letter. */
export async function issueDecisionLetter(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertDecided(sanction);
  if (sanction.decision_letter_id) return sanction.decision_letter_id;
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const decider = (await displayNamesOf(db, [sanction.decided_by])).get(sanction.decided_by ?? "") ?? "";
  const decidedOn = (sanction.decided_at ?? todayInAmsterdam()).slice(0, 10);
  const letterDate = todayInAmsterdam();
  const letter = await prepareLetter(ctx, {
    client,
    kind: "sanctionDecision",
    template: "sanction-decision",
    registered: true,
    letterDate,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      imposed: sanction.outcome !== "refrained",
      percentage: sanction.percentage ?? 0,
      months: sanction.months ?? 0,
      monthWord: sanction.months === 1 ? "maand" : "maanden",
      startsOn: formatDutchDate(firstOfNextMonth(letterDate)),
      facts: sanction.facts,
      hearing: sanction.hearing_record ?? "U heeft niet gereageerd op onze uitnodiging voor een gesprek.",
      circumstances: sanction.circumstances,
      childrenInterests: sanction.children_interests,
      reasons: sanction.decision_reasons,
      decidedOn: formatDutchDate(decidedOn),
      ordinanceVersion: sanction.ordinance_version,
      objectionDeadline: formatDutchDate(addDays(letterDate, OBJECTION_WEEKS_DAYS)),
      objectionAddress: municipality.objectionAddress,
      phone: municipality.phone,
      decidedBy: decider,
    },
  });
  try {
    await db.transaction().execute(async (trx) => {
      await storeLetter(trx, ctx, letter);
      const stored = await updateSanctionWhere(trx, id, { column: "decision_letter_id", is: null }, { decision_letter_id: letter.id });
      if (!stored) throw new IssuedMeanwhile();
    });
    return letter.id;
  } catch (error) {
    if (!(error instanceof IssuedMeanwhile)) throw error;
    // Another request issued it meanwhile: theirs is the one letter, and this one was never stored.
    const issued = (await findSanction(db, id))?.decision_letter_id;
    if (!issued) throw error;
    return issued;
  }
}

/** Records the reconsideration due within three months of an imposed sanction. */
export async function reconsider(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: string; note: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayReconsider(sanction);
  await db.transaction().execute(async (trx) => {
    const done = await updateSanctionWhere(
      trx,
      id,
      { column: "reconsidered_on", is: null },
      { reconsidered_on: todayInAmsterdam(), reconsideration_outcome: input.outcome, reconsideration_note: input.note },
    );
    if (!done) throw conflict("alreadyReconsidered", "This sanction was reconsidered meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.reconsider",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { outcome: input.outcome },
    });
  });
}

/** Registers an objection: late ones (after six weeks from the day after the letter's date) are flagged, not refused. */
export async function registerObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { receivedOn: string; grounds: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  const today = todayInAmsterdam();
  const receivedOn = ctx.actor.role === "client" ? today : input.receivedOn;
  assertMayObject(sanction, (await findObjectionOf(db, id)) ?? null, receivedOn, today);
  const letterDate = await letterDateOf(db, sanction.decision_letter_id ?? "");
  const objectionId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertObjection(trx, {
      id: objectionId,
      sanction_id: id,
      received_on: receivedOn,
      grounds: input.grounds,
      late: receivedOn > addDays(letterDate, OBJECTION_WEEKS_DAYS) ? 1 : 0,
      decide_by: addDays(receivedOn, OBJECTION_WEEKS_DAYS),
      extended: 0,
      outcome: null,
      outcome_on: null,
      outcome_note: null,
      registered_by: ctx.actor.id,
      created_at: new Date().toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: "objection.register",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "objection",
      subjectId: objectionId,
    });
  });
}

async function requireObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
): Promise<{ objection: SanctionObjectionRow; sanction: SanctionRow }> {
  const objection = await findObjection(db, id);
  if (!objection) throw notFound("objection");
  return { objection, sanction: await requireVisibleSanction(db, ctx, objection.sanction_id) };
}

/** Extends the six-week decision term once by six weeks (Awb 7:10). */
export async function extendObjection(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const { objection, sanction } = await requireObjection(db, ctx, id);
  assertMayExtend(objection);
  await db.transaction().execute(async (trx) => {
    const extended = await updateOpenObjection(trx, id, { extended: 1, decide_by: addDays(objection.decide_by, OBJECTION_WEEKS_DAYS) });
    if (!extended) throw conflict("objectionDecided", "This objection was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "objection.extend",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "objection",
      subjectId: id,
    });
  });
  return sanction.id;
}

/** Records the decision on objection; it adjusts the sanction (revoked when upheld, lowered when partly upheld). */
export async function decideObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: string; note: string; percentage?: number | null | undefined; months?: number | null | undefined },
): Promise<string> {
  const { objection, sanction } = await requireObjection(db, ctx, id);
  assertObjectionOpen(objection);
  if (input.outcome === "partlyUpheld") assertLowersSanction(sanction, input);
  await db.transaction().execute(async (trx) => {
    const decided = await updateOpenObjection(trx, id, {
      outcome: input.outcome,
      outcome_on: todayInAmsterdam(),
      outcome_note: input.note,
    });
    if (!decided) throw conflict("objectionDecided", "This objection was decided meanwhile.");
    if (input.outcome === "upheld") await updateSanction(trx, sanction.id, { revoked: 1 });
    if (input.outcome === "partlyUpheld")
      await updateSanction(trx, sanction.id, {
        percentage: input.percentage ?? sanction.percentage,
        months: input.months ?? sanction.months,
      });
    await recordAudit(trx, ctx, {
      action: "objection.decide",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "objection",
      subjectId: id,
      details: { outcome: input.outcome },
    });
  });
  return sanction.id;
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
  return viewsOf(db, rows);
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
  return { views: await viewsOf(db, rows), total };
}
