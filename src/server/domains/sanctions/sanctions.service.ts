import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import type { Database, SanctionObjectionRow, SanctionRow, SanctionsTable } from "@server/db/schema.js";
import { conflict, forbidden, invalidField, notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths, todayInAmsterdam } from "@shared/dates.js";
import type { SanctionDecisionInput, SanctionProposalInput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient, visibleClients } from "../clients/clients.repo.js";
import { prepareLetter, storeLetter } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { decidedTerms, levelFor, NOT_ATTRIBUTABLE } from "./sanctions.rules.js";

const OBJECTION_WEEKS_DAYS = 42;

/** A full exemption binding on the date of the conduct or today: a sanction is out of the question. */
async function hasFullExemption(db: Kysely<Database>, clientId: string, dates: string[]): Promise<boolean> {
  for (const date of dates) {
    const row = await db
      .selectFrom("exemptions")
      .select("id")
      .where("client_id", "=", clientId)
      .where("scope", "=", "full")
      .where("status", "in", ["active", "ended"])
      .where("start_date", "<=", date)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", date)]))
      .where((eb) => eb.or([eb("ended_on", "is", null), eb("ended_on", ">=", date)]))
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/**
 * Refuses a proposal by a named rule: nothing about the proposal is stored, but the refusal is audited (with its
 * code) so that oversight can count how often each rule protected someone.
 */
async function refuse(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  code: string,
  detail: string,
  ground: string,
): Promise<never> {
  await recordAudit(db, ctx, {
    action: "sanction.refused",
    category: "write",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { code, ground },
  });
  throw conflict(code, detail);
}

async function isDelivered(db: Kysely<Database>, letterId: string): Promise<boolean> {
  const letter = await db.selectFrom("letters").select("delivery_status").where("id", "=", letterId).executeTakeFirst();
  return letter?.delivery_status === "delivered";
}

/**
 * A consultant proposes a sanction. Refused (409, by code) when a full exemption covers the period, when the
 * linked placement's ending is attributable to the organisation, health or caregiving, when a linked letter was
 * not delivered, or when the consultant finds no culpability.
 */
export async function proposeSanction(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: SanctionProposalInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const today = todayInAmsterdam();
  if (input.factsDate > today) throw invalidField("factsDate", "dateInFuture", "The conduct must have taken place");
  if (input.ground === "stoppedPlacementWithoutReason" && !input.placementId)
    throw invalidField("placementId", "required", "Link the placement that ended");
  if (input.ground === "missedAppointments" && !input.appointmentId)
    throw invalidField("appointmentId", "required", "Link the missed appointment");

  if (input.culpability === "none")
    await refuse(db, ctx, clientId, "notCulpable", "Without any culpability no sanction may be imposed.", input.ground);
  if (await hasFullExemption(db, clientId, [input.factsDate, today])) {
    await refuse(db, ctx, clientId, "activeExemption", "The client has a full exemption covering this period.", input.ground);
  }
  if (input.placementId) {
    const placement = await db
      .selectFrom("placements")
      .select(["status", "attributable_to"])
      .where("id", "=", input.placementId)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    if (!placement) throw invalidField("placementId", "unknownPlacement", "Not a placement of this client");
    if ((NOT_ATTRIBUTABLE as readonly string[]).includes(placement.attributable_to ?? "")) {
      await refuse(
        db,
        ctx,
        clientId,
        "dropoutNotAttributable",
        `The placement ended attributable to ${placement.attributable_to}: no ground for a sanction.`,
        input.ground,
      );
    }
    if (placement.status !== "ended") throw conflict("placementNotEnded", "The placement has not ended.");
  }
  const letters: string[] = [];
  if (input.appointmentId) {
    const appointment = await db
      .selectFrom("appointments")
      .select("status")
      .where("id", "=", input.appointmentId)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    if (!appointment) throw invalidField("appointmentId", "unknownAppointment", "Not an appointment of this client");
    if (appointment.status !== "missed") throw conflict("appointmentNotMissed", "The appointment was not missed.");
    const invitation = await db
      .selectFrom("invitations")
      .select("letter_id")
      .where("appointment_id", "=", input.appointmentId)
      .executeTakeFirst();
    if (invitation) letters.push(invitation.letter_id);
  }
  if (input.letterId) {
    const letter = await db
      .selectFrom("letters")
      .select("id")
      .where("id", "=", input.letterId)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    if (!letter) throw invalidField("letterId", "unknownLetter", "Not a letter to this client");
    letters.push(input.letterId);
  }
  for (const letterId of letters) {
    if (!(await isDelivered(db, letterId)))
      await refuse(
        db,
        ctx,
        clientId,
        "letterNotDelivered",
        "The linked letter was not delivered: the client may not have known.",
        input.ground,
      );
  }

  const yearBefore = addMonths(input.factsDate, -12);
  const earlier = await db
    .selectFrom("sanctions")
    .select("id")
    .where("client_id", "=", clientId)
    .where("ground", "=", input.ground)
    .where("outcome", "in", ["imposed", "imposedLower"])
    .where("revoked", "=", 0)
    .where("facts_date", ">=", yearBefore)
    .execute();
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
    recurrence: earlier.length + 1,
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
    await trx.insertInto("sanctions").values(row).execute();
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

export async function requireVisibleSanction(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<SanctionRow> {
  const row = await db.selectFrom("sanctions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("sanction");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** Invites the client to a hearing by registered letter, with the ordinance's response term. */
export async function inviteToHearing(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  if (sanction.status !== "proposed") throw conflict("sanctionDecided", "This sanction has been decided.");
  if (sanction.hearing_letter_id) {
    const previous = await db
      .selectFrom("letters")
      .select("delivery_status")
      .where("id", "=", sanction.hearing_letter_id)
      .executeTakeFirstOrThrow();
    // A new invitation only when the last one did not reach the client.
    if (!["returned", "notCollected"].includes(previous.delivery_status))
      throw conflict("hearingAlreadyInvited", "The client has been invited to a hearing already.");
  }
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
    await trx.updateTable("sanctions").set({ hearing_letter_id: letter.id, hearing_respond_by: respondBy }).where("id", "=", id).execute();
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
  if (sanction.status !== "proposed") throw conflict("sanctionDecided", "This sanction has been decided.");
  if (input.heldOn > todayInAmsterdam()) throw invalidField("heldOn", "dateInFuture", "Record a hearing that took place");
  const channel = ctx.actor.role === "client" ? "portal" : input.channel;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("sanctions")
      .set({ hearing_held_on: input.heldOn, hearing_channel: channel, hearing_record: input.record, hearing_recorded_by: ctx.actor.id })
      .where("id", "=", id)
      .execute();
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
  if (sanction.proposed_by === ctx.actor.id) throw forbidden("sameDecisionMaker", "The one who proposed a sanction cannot decide it.");
  if (sanction.status !== "proposed") throw conflict("sanctionDecided", "This sanction has been decided.");
  const today = todayInAmsterdam();
  if (!sanction.hearing_record) {
    const termPassed =
      sanction.hearing_letter_id &&
      sanction.hearing_respond_by &&
      sanction.hearing_respond_by < today &&
      (await isDelivered(db, sanction.hearing_letter_id));
    if (!termPassed)
      throw conflict(
        "hearingRequired",
        "Hear the client first; only a delivered invitation whose term has passed without a response allows deciding without a hearing.",
      );
  }
  if (input.outcome !== "refrained" && (await hasFullExemption(db, sanction.client_id, [sanction.facts_date, today]))) {
    throw conflict("activeExemption", "The client has a full exemption covering this period.");
  }
  const ordinance = await ordinanceOn(db, today);
  const level = levelFor(sanction.ground as Parameters<typeof levelFor>[0], sanction.recurrence, sanction.culpability, ordinance);
  const terms = decidedTerms(input, level);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("sanctions")
      .set({
        status: "decided",
        outcome: input.outcome,
        decision_reasons: input.reasons,
        ...terms,
        ordinance_version: ordinance.version,
        decided_by: ctx.actor.id,
        decided_at: new Date().toISOString(),
        reconsider_by: input.outcome === "refrained" ? null : addMonths(today, 3),
      })
      .where("id", "=", id)
      .where("status", "=", "proposed")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict("sanctionDecided", "This sanction was decided meanwhile.");
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

const firstOfNextMonth = (date: string) => `${addMonths(date.slice(0, 8) + "01", 1)}`;

/** The decision letter, made once: asking again returns the same letter. */
export async function issueDecisionLetter(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  if (sanction.status !== "decided") throw conflict("sanctionNotDecided", "Decide the sanction first.");
  if (sanction.decision_letter_id) return sanction.decision_letter_id;
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const decider = await db.selectFrom("users").select("display_name").where("id", "=", sanction.decided_by!).executeTakeFirstOrThrow();
  const decidedOn = sanction.decided_at!.slice(0, 10);
  const letterDate = todayInAmsterdam();
  const imposed = sanction.outcome !== "refrained";
  const letter = await prepareLetter(ctx, {
    client,
    kind: "sanctionDecision",
    template: "sanction-decision",
    registered: true,
    letterDate,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      imposed,
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
      decidedBy: decider.display_name,
    },
  });
  try {
    await db.transaction().execute(async (trx) => {
      await storeLetter(trx, ctx, letter);
      const updated = await trx
        .updateTable("sanctions")
        .set({ decision_letter_id: letter.id })
        .where("id", "=", id)
        .where("decision_letter_id", "is", null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new IssuedMeanwhile();
    });
    return letter.id;
  } catch (error) {
    if (!(error instanceof IssuedMeanwhile)) throw error;
    // Another request issued it meanwhile: theirs is the one letter, and this one was never stored.
    return (await db.selectFrom("sanctions").select("decision_letter_id").where("id", "=", id).executeTakeFirstOrThrow())
      .decision_letter_id!;
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
  if (!sanction.reconsider_by) throw conflict("nothingToReconsider", "Only an imposed sanction is reconsidered.");
  if (sanction.reconsidered_on) throw conflict("alreadyReconsidered", "This sanction has been reconsidered.");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("sanctions")
      .set({ reconsidered_on: todayInAmsterdam(), reconsideration_outcome: input.outcome, reconsideration_note: input.note })
      .where("id", "=", id)
      .execute();
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
  if (!sanction.decision_letter_id) throw conflict("sanctionNotDecided", "An objection is made against a decision letter.");
  const receivedOn = ctx.actor.role === "client" ? todayInAmsterdam() : input.receivedOn;
  if (receivedOn > todayInAmsterdam()) throw invalidField("receivedOn", "dateInFuture", "The objection must have been received");
  const letter = await db
    .selectFrom("letters")
    .select("letter_date")
    .where("id", "=", sanction.decision_letter_id)
    .executeTakeFirstOrThrow();
  const existing = await db.selectFrom("sanction_objections").select("id").where("sanction_id", "=", id).executeTakeFirst();
  if (existing) throw conflict("objectionExists", "An objection against this decision is registered already.");
  await db.transaction().execute(async (trx) => {
    const objectionId = randomUUID();
    await trx
      .insertInto("sanction_objections")
      .values({
        id: objectionId,
        sanction_id: id,
        received_on: receivedOn,
        grounds: input.grounds,
        late: receivedOn > addDays(letter.letter_date, OBJECTION_WEEKS_DAYS) ? 1 : 0,
        decide_by: addDays(receivedOn, OBJECTION_WEEKS_DAYS),
        extended: 0,
        outcome: null,
        outcome_on: null,
        outcome_note: null,
        registered_by: ctx.actor.id,
        created_at: new Date().toISOString(),
      })
      .execute();
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
  const objection = await db.selectFrom("sanction_objections").selectAll().where("id", "=", id).executeTakeFirst();
  if (!objection) throw notFound("objection");
  return { objection, sanction: await requireVisibleSanction(db, ctx, objection.sanction_id) };
}

/** Extends the six-week decision term once by six weeks (Awb 7:10). */
export async function extendObjection(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const { objection, sanction } = await requireObjection(db, ctx, id);
  if (objection.extended) throw conflict("alreadyExtended", "The decision term can be extended once.");
  if (objection.outcome) throw conflict("objectionDecided", "This objection has been decided.");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("sanction_objections")
      .set({ extended: 1, decide_by: addDays(objection.decide_by, OBJECTION_WEEKS_DAYS) })
      .where("id", "=", id)
      .execute();
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
  if (objection.outcome) throw conflict("objectionDecided", "This objection has been decided.");
  if (input.outcome === "partlyUpheld") {
    if (input.percentage === null || input.percentage === undefined)
      throw invalidField("percentage", "required", "Say what remains of the sanction");
    if (input.percentage > (sanction.percentage ?? 0)) throw invalidField("percentage", "notLower", "Partly upheld lowers the sanction");
    if ((input.months ?? sanction.months ?? 0) > (sanction.months ?? 0))
      throw invalidField("months", "notLower", "Partly upheld shortens the sanction");
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("sanction_objections")
      .set({ outcome: input.outcome, outcome_on: todayInAmsterdam(), outcome_note: input.note })
      .where("id", "=", id)
      .execute();
    if (input.outcome === "upheld") await trx.updateTable("sanctions").set({ revoked: 1 }).where("id", "=", sanction.id).execute();
    if (input.outcome === "partlyUpheld")
      await trx
        .updateTable("sanctions")
        .set({ percentage: input.percentage!, months: input.months ?? sanction.months })
        .where("id", "=", sanction.id)
        .execute();
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
export async function listClientSanctions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<SanctionRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await db.selectFrom("sanctions").selectAll().where("client_id", "=", clientId).orderBy("proposed_at", "desc").execute();
  await recordAudit(db, ctx, {
    action: "sanction.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return rows;
}

/** One sanction, its read audited as sensitive. */
export async function readSanction(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<SanctionRow> {
  const row = await requireVisibleSanction(db, ctx, id);
  await recordAudit(db, ctx, {
    action: "sanction.read",
    category: "read:sensitive",
    clientId: row.client_id,
    subjectType: "sanction",
    subjectId: id,
  });
  return row;
}

/** Sanctions in the actor's scope with a status, e.g. the proposals waiting for a team lead's decision. */
export async function listSanctionsByStatus(
  db: Kysely<Database>,
  ctx: RequestContext,
  status: string | undefined,
  page: number,
  pageSize: number,
) {
  let base = db.selectFrom("sanctions").where("client_id", "in", visibleClients(db, ctx.actor).select("clients.id"));
  if (status) base = base.where("status", "=", status);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("proposed_at")
    .orderBy("id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  await recordAudit(db, ctx, {
    action: "sanction.listByStatus",
    category: "read:sensitive",
    details: { status: status ?? null, count: rows.length },
  });
  return { rows, total: Number(total) };
}
