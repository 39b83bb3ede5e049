import { conflict, invalidField } from "@server/http/errors.js";
import { addDays } from "@shared/dates.js";
import type { NotificationChannel, NotificationStatus } from "@shared/schemas/notifications.js";
import { isDutchMobile } from "@shared/validation/phone.js";

/** The refusals of this file, each with a case in `notifications.rules.test.ts`. */
export const NOTIFICATION_REFUSALS = [
  "notificationNotFailed",
  "notificationChannel:emailMissing",
  "notificationChannel:mobileMissing",
] as const;

/** The first retry waits this long; each next one twice as long, up to the cap. */
export const RETRY_BASE_MINUTES = 1;
export const RETRY_CAP_MINUTES = 60;
/** After this many failed attempts a message is marked failed and waits for an administrator. */
export const MAX_ATTEMPTS = 8;
/** How long a delivery step holds a message it took, so that another instance leaves it alone meanwhile. */
export const CLAIM_MINUTES = 5;
/** An appointment is reminded of two days before; a day late (the daily job missed a day) still helps. */
export const REMINDER_DAYS_BEFORE = 2;

/** Minutes to wait after the given number of failed attempts (1, 2, 4, … capped at an hour). */
export function retryDelayMinutes(failedAttempts: number): number {
  return Math.min(RETRY_BASE_MINUTES * 2 ** Math.max(failedAttempts - 1, 0), RETRY_CAP_MINUTES);
}

/** What becomes of a message whose attempt failed: tried again after the backoff, or failed after the last attempt. */
export function afterFailedAttempt(
  failedAttempts: number,
  now: Date,
): { status: "pending"; nextAttemptAt: string } | { status: "failed"; nextAttemptAt: null } {
  if (failedAttempts >= MAX_ATTEMPTS) return { status: "failed", nextAttemptAt: null };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(failedAttempts) * 60_000).toISOString() };
}

/**
 * Whether the daily job of `today` reminds of a planned appointment on `appointmentDate`: two days before, or one
 * day before when the job did not run the day before. Once per appointment is the outbox's unique index.
 */
export function isAppointmentReminderDue(appointment: { status: string; date: string }, today: string): boolean {
  if (appointment.status !== "planned") return false;
  return appointment.date > today && appointment.date <= addDays(today, REMINDER_DAYS_BEFORE);
}

/** A client's way to be reached as stored, enough to choose a channel. */
export interface ContactFacts {
  phone: string | null;
  email: string | null;
  notification_channel: NotificationChannel;
}

/** The address a message goes to on the client's chosen channel, or null when they chose none or it has no address. */
export function recipientOf(client: ContactFacts): { channel: "email" | "sms"; recipient: string } | null {
  if (client.notification_channel === "email" && client.email) return { channel: "email", recipient: client.email };
  if (client.notification_channel === "sms" && client.phone && isDutchMobile(client.phone))
    return { channel: "sms", recipient: client.phone };
  return null;
}

/** The chosen channel needs its address: e-mail an e-mail address, text messages a mobile number (06). */
export function assertChannelReachable(client: ContactFacts): void {
  if (client.notification_channel === "email" && !client.email) {
    throw invalidField("notificationChannel", "emailMissing", "Fill in an e-mail address to get messages by e-mail");
  }
  if (client.notification_channel === "sms" && !(client.phone && isDutchMobile(client.phone))) {
    throw invalidField("notificationChannel", "mobileMissing", "Fill in a mobile number (06) to get text messages");
  }
}

/** Only a message that failed after its last attempt is sent again by hand; a pending one is still being tried. */
export function assertMayRetry(notification: { status: NotificationStatus }): void {
  if (notification.status !== "failed") throw conflict("notificationNotFailed", "Only a failed message can be sent again.");
}

/** A phone number or e-mail address with most of it hidden, for lists and logs: `06******78`, `j***@example.nl`. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf("@");
  if (at > 0) return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
  return `${recipient.slice(0, 2)}${"*".repeat(Math.max(recipient.length - 4, 0))}${recipient.slice(-2)}`;
}
