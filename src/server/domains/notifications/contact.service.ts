import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { requireFound } from "@server/http/errors.js";
import type { ContactDetailsInput } from "@shared/schemas/notifications.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { type ClientContact, systemClientContact, updateClientContact } from "./notifications.repo.js";
import { assertChannelReachable } from "./notifications.rules.js";

const COLUMN_OF = {
  phone: "phone",
  email: "email",
  preferredLanguage: "preferred_language",
  notificationChannel: "notification_channel",
} as const satisfies Record<keyof ContactDetailsInput, keyof ClientContact>;

/** A client's contact details in scope (a client: their own; 404 otherwise); the read is audited. */
export async function readContact(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<ClientContact> {
  await requireVisibleClient(db, ctx.actor, clientId);
  await recordAudit(db, ctx, {
    action: "client.contact.read",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
  });
  return requireFound(await systemClientContact(db, clientId), "client");
}

/**
 * Changes a client's phone, e-mail, language or choice of messages, under the client's lock so that a parallel
 * change cannot leave the chosen channel without its address. Records which fields changed, never their values.
 */
export async function changeContact(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: ContactDetailsInput,
): Promise<ClientContact> {
  return inTransaction(db, async (trx) => {
    await lockClient(trx, clientId);
    await requireVisibleClient(trx, ctx.actor, clientId);
    const current = requireFound(await systemClientContact(trx, clientId), "client");
    const changes: Partial<Record<(typeof COLUMN_OF)[keyof ContactDetailsInput], string | null>> = {};
    for (const field of Object.keys(input) as (keyof ContactDetailsInput)[]) {
      const value = input[field] ?? null;
      if (current[COLUMN_OF[field]] !== value) changes[COLUMN_OF[field]] = value;
    }
    const changedFields = (Object.keys(input) as (keyof ContactDetailsInput)[]).filter((f) => COLUMN_OF[f] in changes).sort();
    if (changedFields.length === 0) return current;
    const merged = { ...current, ...changes } as ClientContact;
    // Only a change of how to reach the client is checked, so a client without an address can still pick a language.
    if (["phone", "email", "notification_channel"].some((column) => column in changes)) assertChannelReachable(merged);
    await updateClientContact(trx, clientId, { ...(changes as Partial<ClientContact>), updated_at: nowIso(ctx.clock) });
    await recordAudit(trx, ctx, {
      action: "client.contact.update",
      category: "write",
      clientId,
      subjectType: "client",
      subjectId: clientId,
      details: { fields: changedFields },
    });
    return requireFound(await systemClientContact(trx, clientId), "client");
  });
}
