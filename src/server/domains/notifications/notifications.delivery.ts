import type { Clock } from "@server/clock.js";
import { nowIso } from "@server/clock.js";
import type { Database, NotificationRow } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { acquireLease, releaseLease } from "../scheduler/scheduler.service.js";
import { emailMessage, type MessageFacts, smsMessage, writtenDay, writtenTime } from "./notifications.messages.js";
import { claimNotification, dueNotificationIds, recordAttempt, systemClientContact } from "./notifications.repo.js";
import { afterFailedAttempt, CLAIM_MINUTES } from "./notifications.rules.js";
import { factsOf } from "./notifications.service.js";
import type { OutgoingMessage, Transports } from "./notifications.transports.js";

export interface DeliveryOptions {
  clock: Clock;
  transports: Transports;
  /** Where the client logs in, as the message names it. */
  portalUrl: string;
  /** At most this many messages per round. */
  limit?: number;
}

export interface DeliveryCounts {
  sent: number;
  retrying: number;
  failed: number;
}

/** An SMTP server's answer may quote the address; the stored error never does. */
function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\s<>"]+@[^\s<>"]+/g, "<address>").slice(0, 500);
}

/** Writes a stored message out, with the client's first name as it is now and the dates it tells. */
async function compose(db: Kysely<Database>, row: NotificationRow, portalUrl: string): Promise<OutgoingMessage> {
  const client = await systemClientContact(db, row.client_id);
  const stored = factsOf(row.facts);
  const facts: MessageFacts = {
    givenName: client?.given_name ?? "",
    portalUrl,
    ...(stored.appointmentStartsAt
      ? { appointmentDay: writtenDay(stored.appointmentStartsAt, row.language), appointmentTime: writtenTime(stored.appointmentStartsAt) }
      : {}),
    ...(stored.answerBy ? { answerBy: writtenDay(stored.answerBy, row.language) } : {}),
  };
  const message = (row.channel === "email" ? emailMessage : smsMessage)(row.kind, row.language, facts);
  return { id: row.id, kind: row.kind, to: row.recipient, ...message };
}

/**
 * Sends every message that is due: each one is taken by a conditional update first (so of several instances one
 * sends it), then sent on its channel. A failure waits the backoff of `afterFailedAttempt` and is marked failed
 * after the last attempt; an instance that stops mid-send leaves the message to be tried again after the claim.
 */
export async function deliverDueNotifications(db: Kysely<Database>, options: DeliveryOptions): Promise<DeliveryCounts> {
  const { clock } = options;
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
  for (const id of await dueNotificationIds(db, nowIso(clock), options.limit ?? 100)) {
    const claimUntil = new Date(clock.now().getTime() + CLAIM_MINUTES * 60_000).toISOString();
    const row = await claimNotification(db, id, nowIso(clock), claimUntil);
    if (!row) continue;
    try {
      const message = await compose(db, row, options.portalUrl);
      await options.transports[row.channel].send(message);
      await recordAttempt(db, id, {
        status: "sent",
        next_attempt_at: nowIso(clock),
        last_error: null,
        sent_at: nowIso(clock),
        failed_at: null,
      });
      counts.sent++;
    } catch (error) {
      const next = afterFailedAttempt(row.attempts, clock.now());
      await recordAttempt(db, id, {
        status: next.status,
        next_attempt_at: next.nextAttemptAt ?? nowIso(clock),
        last_error: errorText(error),
        sent_at: null,
        failed_at: next.status === "failed" ? nowIso(clock) : null,
      });
      counts[next.status === "failed" ? "failed" : "retrying"]++;
    }
  }
  return counts;
}

/** Delivers under the `notifications` lease, so that one instance at a time works through the outbox. */
export async function deliverUnderLease(
  db: Kysely<Database>,
  instance: string,
  options: DeliveryOptions,
): Promise<DeliveryCounts | "busy"> {
  if (!(await acquireLease(db, "notifications", instance, options.clock.now()))) return "busy";
  try {
    return await deliverDueNotifications(db, options);
  } finally {
    await releaseLease(db, "notifications", instance);
  }
}

/**
 * Runs the delivery step in-process every `intervalSeconds`. Returns a function that stops it and resolves when a
 * round in progress ends.
 */
export function startNotificationDelivery(
  db: Kysely<Database>,
  options: DeliveryOptions & { intervalSeconds: number; instance: string; log: (message: string, error?: unknown) => void },
): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = deliverUnderLease(db, options.instance, options)
      .then((outcome) => {
        if (outcome !== "busy" && outcome.sent + outcome.retrying + outcome.failed > 0) {
          options.log(`Notifications: ${outcome.sent} sent, ${outcome.retrying} to retry, ${outcome.failed} failed`);
        }
      })
      .catch((error) => options.log("Notifications could not be delivered", error))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalSeconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
