import { isAllowed } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { NotificationRow } from "@server/db/schema.js";
import type { ContactDetailsOutput, NotificationOutput } from "@shared/schemas/notifications.js";
import { notificationPolicy } from "./notifications.policy.js";
import type { ClientContact } from "./notifications.repo.js";
import { assertMayRetry, maskRecipient } from "./notifications.rules.js";

/** Every outgoing field of a message in the outbox: its address mostly hidden, its text never. */
export function presentNotification(actor: Actor, row: NotificationRow): NotificationOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    channel: row.channel,
    recipient: maskRecipient(row.recipient),
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
    abilities: { retry: isAllowed(actor, { policy: notificationPolicy.retry, assert: () => assertMayRetry(row) }) },
  };
}

/** A client's contact details and choices, as the client and staff in scope see them. */
export function presentContact(actor: Actor, row: ClientContact): ContactDetailsOutput {
  return {
    clientId: row.id,
    givenName: row.given_name,
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferred_language,
    notificationChannel: row.notification_channel,
    abilities: { edit: notificationPolicy.changeContact.allows(actor) },
  };
}
