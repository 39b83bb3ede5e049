import { randomUUID } from "node:crypto";
import type { Db } from "@server/db/connection.js";
import type { FastifyInstance } from "fastify";

type Headers = { authorization: string };

/**
 * Invites a client to an intake, has the letter delivered (or not) and the intake missed: the first missed intake,
 * which is no ground for a sanction yet.
 */
export async function missedIntake(
  app: FastifyInstance,
  db: Db,
  headers: Headers,
  clientId: string,
  delivery: "delivered" | "returned" = "delivered",
): Promise<{ appointmentId: string; letterId: string }> {
  const invited = await app.inject({ method: "POST", url: "/api/v1/invitations", headers, payload: { clientIds: [clientId] } });
  if (invited.statusCode !== 201) throw new Error(`could not invite: ${invited.body}`);
  const invitation = invited.json().items[0];
  await app.inject({ method: "POST", url: `/api/v1/letters/${invitation.letterId}/deliveries`, headers, payload: { status: delivery } });
  await db.kysely.updateTable("appointments").set({ status: "missed" }).where("id", "=", invitation.appointment.id).execute();
  return { appointmentId: invitation.appointment.id as string, letterId: invitation.letterId as string };
}

/**
 * A second intake missed after a first one: the facts a missedAppointments proposal may rest on (the first missed
 * intake is answered with a second invitation, never a sanction). The second letter's delivery is as asked.
 */
export async function missedSecondIntake(
  app: FastifyInstance,
  db: Db,
  headers: Headers,
  clientId: string,
  delivery: "delivered" | "returned" = "delivered",
): Promise<{ appointmentId: string; letterId: string }> {
  await missedIntake(app, db, headers, clientId);
  return missedIntake(app, db, headers, clientId, delivery);
}

/**
 * A new step of the client's confirmed plan (a confirmed plan made for it when the client has none): the obligation
 * an insufficientEffort proposal names. Written straight to the tables, as a fixture of what the plans capability holds.
 */
export async function confirmedPlanStep(db: Db, clientId: string, confirmedOn: string): Promise<{ planId: string; planStepId: string }> {
  const now = new Date().toISOString();
  let plan = await db.kysely
    .selectFrom("plans")
    .select("id")
    .where("client_id", "=", clientId)
    .where("status", "=", "confirmed")
    .executeTakeFirst();
  if (!plan) {
    const last = await db.kysely
      .selectFrom("plans")
      .select((eb) => eb.fn.max<number>("version").as("version"))
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    plan = { id: randomUUID() };
    await db.kysely
      .insertInto("plans")
      .values({
        id: plan.id,
        client_id: clientId,
        version: Number(last?.version ?? 0) + 1,
        status: "confirmed",
        reporting_frequency_weeks: 4,
        confirmed_on: confirmedOn,
        confirmed_by: null,
        letter_id: null,
        created_by: null,
        created_at: now,
      })
      .execute();
  }
  const planStepId = randomUUID();
  const position = await db.kysely.selectFrom("plan_steps").select("id").where("plan_id", "=", plan.id).execute();
  await db.kysely
    .insertInto("plan_steps")
    .values({
      id: planStepId,
      plan_id: plan.id,
      client_id: clientId,
      position: position.length + 1,
      type: "languageCourse",
      title: "Taalcursus op dinsdag",
      goal: null,
      hours_per_week: 0,
      start_date: confirmedOn,
      end_date: null,
      provider: null,
      status: "active",
      stop_reason: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { planId: plan.id, planStepId };
}
