import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockAgendas, lockClients } from "@server/db/locks.repo.js";
import type { AppointmentsTable, ClientRow, Database, InvitationsTable, LettersTable, UserRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, invalidField, notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { addDays, dutchTime, dutchWeekdayDate, isoWeekday } from "@shared/dates.js";
import type { Kysely } from "kysely";
import { clientsWithPlannedIntake, insertAppointments, listAvailability, takenStarts } from "../appointments/appointments.repo.js";
import { freeSlots, type Slot } from "../appointments/slots.js";
import { recordAudit } from "../audit/audit.service.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { listStatePensionAges } from "../registry/pension-ages.repo.js";
import { findUserById } from "../users/users.repo.js";
import { fullyExemptAmong, insertInvitation, lastInvitationSequences, visibleClientsAmong } from "./invitations.repo.js";
import { assertInvitable } from "./invitations.rules.js";

const PLANNING_HORIZON_DAYS = 12 * 7;

/** Three working days from today: time for registered mail to arrive. */
export function defaultEarliestDate(today: string): string {
  let date = today;
  for (let workdays = 0; workdays < 3; ) {
    date = addDays(date, 1);
    if (isoWeekday(date) <= 5) workdays++;
  }
  return date;
}

export interface InvitationResult {
  invitation: InvitationsTable;
  appointment: AppointmentsTable;
}

/** What one invitation request made: the invitations, and the batch their letters are printed in. */
export interface InvitationBatch {
  batchId: string;
  results: InvitationResult[];
}

/** Whose agenda an intake goes in: the inviting consultant's, or else the client's own consultant's. */
function agendaOwner(ctx: RequestContext, client: ClientRow): string {
  if (ctx.actor.role === "consultant") return ctx.actor.id;
  if (!client.consultant_id)
    throw conflict("noConsultant", "A client without an assigned consultant cannot be invited by a team lead or admin.");
  return client.consultant_id;
}

async function allocateSlots(db: Kysely<Database>, consultantId: string, count: number, earliestDate: string): Promise<Slot[]> {
  const blocks = await listAvailability(db, consultantId);
  if (blocks.length === 0) throw conflict("noAvailability", "Set your weekly availability before inviting clients.");
  const taken = await takenStarts(db, consultantId, `${earliestDate}T00:00:00`);
  const slots: Slot[] = [];
  for (const slot of freeSlots(blocks, earliestDate, PLANNING_HORIZON_DAYS, taken)) {
    slots.push(slot);
    if (slots.length === count) return slots;
  }
  throw conflict(
    "noFreeSlots",
    `Only ${slots.length} free intake slots in the next 12 weeks for ${count} invitations. Add availability or invite fewer clients.`,
  );
}

/** One planned intake per client: a client who has one is not invited again. */
async function assertNoPlannedIntake(db: Kysely<Database>, ids: string[]): Promise<void> {
  const pending = await clientsWithPlannedIntake(db, ids);
  if (pending.length > 0) {
    throw conflict(
      "alreadyInvited",
      `${pending.length} of the selected clients already have a planned intake.`,
      pending.map((id) => ({ name: `clientIds[${ids.indexOf(id)}]`, code: "alreadyInvited", reason: "Has a planned intake" })),
    );
  }
}

interface PreparedInvitation {
  appointment: AppointmentsTable;
  letter: LettersTable;
  invitation: InvitationsTable;
}

/** One consultant's share of an invitation request: the clients whose intakes go in that agenda. */
interface AgendaGroup {
  consultantId: string;
  consultant: UserRow | undefined;
  clients: ClientRow[];
}

/** The appointment, letter and invitation of each client of a group, in the given slots. */
async function prepareGroup(
  ctx: RequestContext,
  batchId: string,
  group: AgendaGroup,
  slots: Slot[],
  lastSequence: Map<string, number>,
  now: string,
): Promise<PreparedInvitation[]> {
  const prepared: PreparedInvitation[] = [];
  for (const [i, client] of group.clients.entries()) {
    const slot = slots[i];
    if (!slot) throw new Error("allocateSlots gave fewer slots than clients");
    const sequence = (lastSequence.get(client.id) ?? 0) + 1;
    const appointment: AppointmentsTable = {
      id: randomUUID(),
      client_id: client.id,
      consultant_id: group.consultantId,
      kind: "intake",
      starts_at: slot.startsAt,
      ends_at: slot.endsAt,
      location: slot.location,
      status: "planned",
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    };
    const letter = await prepareLetter(ctx, {
      client,
      kind: "invitation",
      template: "invitation",
      registered: true,
      data: {
        givenName: client.given_name,
        familyName: client.family_name,
        appointmentDate: dutchWeekdayDate(slot.startsAt),
        appointmentTime: dutchTime(slot.startsAt),
        location: slot.location,
        consultantName: group.consultant?.display_name ?? "uw consulent",
        phone: municipality.phone,
        isSecondInvitation: sequence > 1,
      },
    });
    const invitation: InvitationsTable = {
      id: randomUUID(),
      client_id: client.id,
      sequence,
      appointment_id: appointment.id,
      letter_id: letter.id,
      batch_id: batchId,
      created_by: ctx.actor.id,
      created_at: now,
    };
    prepared.push({ appointment, letter, invitation });
  }
  return prepared;
}

const sameSlots = (prepared: PreparedInvitation[], slots: Slot[]) =>
  prepared.every((p, i) => p.appointment.starts_at === slots[i]?.startsAt && p.appointment.location === slots[i]?.location);

/**
 * Invites clients to an intake: for each, the next free slot in the consultant's agenda (never double-booked),
 * a registered invitation letter in plain Dutch, and the invitation itself. All or nothing.
 */
export async function inviteClients(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: { clientIds: string[]; earliestDate?: string | undefined },
): Promise<InvitationBatch> {
  if (input.earliestDate && input.earliestDate <= ctx.clock.today()) {
    throw invalidField("earliestDate", "notInFuture", "Intakes are planned from tomorrow on");
  }
  const ids = [...new Set(input.clientIds)];
  const clients = await visibleClientsAmong(db, ctx.actor, ids);
  if (clients.length !== ids.length) throw notFound("client");
  const pensionAges = await listStatePensionAges(db);
  for (const client of clients) assertInvitable(client, ctx.clock.today(), pensionAges, `clientIds[${ids.indexOf(client.id)}]`);
  const exempt = await fullyExemptAmong(db, ids, ctx.clock.today());
  if (exempt.length > 0) {
    throw conflict(
      "activeExemption",
      `${exempt.length} of the selected clients have a full exemption in force and are not invited.`,
      exempt.map((id) => ({ name: `clientIds[${ids.indexOf(id)}]`, code: "activeExemption", reason: "Fully exempt" })),
    );
  }
  await assertNoPlannedIntake(db, ids);
  const lastSequence = await lastInvitationSequences(db, ids);

  const earliestDate = input.earliestDate ?? defaultEarliestDate(ctx.clock.today());
  const byConsultant = new Map<string, ClientRow[]>();
  for (const client of clients.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))) {
    const owner = agendaOwner(ctx, client);
    byConsultant.set(owner, [...(byConsultant.get(owner) ?? []), client]);
  }
  const groups: AgendaGroup[] = [];
  for (const [consultantId, group] of byConsultant)
    groups.push({ consultantId, consultant: await findUserById(db, consultantId), clients: group });

  // Letters are rendered before the transaction, in the slots free at that moment.
  const now = nowIso(ctx.clock);
  const batchId = randomUUID();
  const prepared: PreparedInvitation[][] = [];
  for (const group of groups)
    prepared.push(
      await prepareGroup(
        ctx,
        batchId,
        group,
        await allocateSlots(db, group.consultantId, group.clients.length, earliestDate),
        lastSequence,
        now,
      ),
    );

  const stored = await inTransaction(db, async (trx) => {
    // A parallel invitation of the same client waits here, then finds the planned intake this one made.
    await lockClients(trx, ids);
    await assertNoPlannedIntake(trx, ids);
    // A parallel invitation into the same agenda waits here, then sees the slots that one took.
    await lockAgendas(
      trx,
      groups.map((g) => g.consultantId),
    );
    const final: PreparedInvitation[] = [];
    for (const [i, group] of groups.entries()) {
      const slots = await allocateSlots(trx, group.consultantId, group.clients.length, earliestDate);
      const early = prepared[i] ?? [];
      // Someone booked one of the chosen slots meanwhile: these clients get the next free ones, in new letters.
      final.push(...(sameSlots(early, slots) ? early : await prepareGroup(ctx, batchId, group, slots, lastSequence, now)));
    }
    await insertAppointments(
      trx,
      final.map((p) => p.appointment),
    );
    for (const { letter, invitation } of final) {
      // Held back from the client for a few minutes: until it is printed, the invitation can be undone.
      await storeLetter(trx, ctx, holdForUndo(ctx, letter));
      await insertInvitation(trx, invitation);
      await recordAudit(trx, ctx, {
        action: "invitation.create",
        category: "write",
        clientId: invitation.client_id,
        subjectType: "invitation",
        subjectId: invitation.id,
        details: { sequence: invitation.sequence },
      });
    }
    return final;
  });
  return { batchId, results: stored.map(({ invitation, appointment }) => ({ invitation, appointment })) };
}
