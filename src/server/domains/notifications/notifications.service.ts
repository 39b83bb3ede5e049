import { randomUUID } from "node:crypto";
import type { Clock } from "@server/clock.js";
import { nowIso } from "@server/clock.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { NotificationKind } from "@shared/schemas/notifications.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordSystemAudit, type SystemRun } from "../audit/audit.service.js";
import * as repo from "./notifications.repo.js";
import { isAppointmentReminderDue, recipientOf } from "./notifications.rules.js";

/** The facts a message tells besides the first name, stored with it: dates only. */
export const notificationFacts = z.object({
  appointmentStartsAt: z.string().optional(),
  answerBy: z.string().optional(),
});
export type NotificationFacts = z.infer<typeof notificationFacts>;

/** What causes a message: its kind, the record it is about, and the dates it tells. */
export interface NotificationRequest {
  clientId: string;
  kind: NotificationKind;
  subjectType: "letter" | "appointment";
  subjectId: string;
  facts?: NotificationFacts;
  /** Not sent before this moment: the hold that leaves time to undo the action that caused it. */
  notBefore?: string;
}

/**
 * Writes a message to the outbox in the caller's transaction, on the channel and in the language the client chose,
 * to the address they gave. Nothing is written when they chose no messages or gave no address for their channel,
 * nor when a message of this kind about this subject is there already. True when a message was written.
 */
export async function queueNotification(db: Kysely<Database>, clock: Clock, request: NotificationRequest): Promise<boolean> {
  const client = await repo.systemClientContact(db, request.clientId);
  const to = client ? recipientOf(client) : null;
  if (!client || !to) return false;
  const now = nowIso(clock);
  return repo.insertNotificationOnce(db, {
    id: randomUUID(),
    client_id: client.id,
    kind: request.kind,
    subject_type: request.subjectType,
    subject_id: request.subjectId,
    channel: to.channel,
    recipient: to.recipient,
    language: client.preferred_language,
    facts: JSON.stringify(request.facts ?? {}),
    status: "pending",
    attempts: 0,
    next_attempt_at: request.notBefore ?? now,
    last_error: null,
    created_at: now,
    sent_at: null,
    failed_at: null,
  });
}

/** The dates a stored message tells. */
export function factsOf(stored: string): NotificationFacts {
  return parseJsonColumn(notificationFacts, stored);
}

/**
 * The daily job's reminders: one message per planned appointment two days ahead (or one day, catching up a missed
 * run). The outbox's unique index keeps it to one per appointment however often the job runs, on however many
 * instances. Answers how many messages it wrote.
 */
export async function remindAppointments(db: Kysely<Database>, run: SystemRun, date: string): Promise<number> {
  // A wide window of text comparison, then each appointment's own day in Amsterdam decides.
  const candidates = await repo.plannedAppointmentsBetween(db, date, addDays(date, 4));
  let queued = 0;
  for (const appointment of candidates) {
    const due = isAppointmentReminderDue({ status: appointment.status, date: todayInAmsterdam(new Date(appointment.starts_at)) }, date);
    if (!due) continue;
    const written = await inTransaction(db, async (trx) => {
      const queuedNow = await queueNotification(trx, run.clock, {
        clientId: appointment.client_id,
        kind: "appointmentReminder",
        subjectType: "appointment",
        subjectId: appointment.id,
        facts: { appointmentStartsAt: appointment.starts_at },
      });
      if (queuedNow) {
        await recordSystemAudit(trx, run, {
          action: "notification.queue",
          category: "write",
          clientId: appointment.client_id,
          subjectType: "appointment",
          subjectId: appointment.id,
          details: { kind: "appointmentReminder" },
        });
      }
      return queuedNow;
    });
    if (written) queued++;
  }
  return queued;
}
