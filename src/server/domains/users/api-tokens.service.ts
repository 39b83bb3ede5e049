import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { hashSecret, newSecret } from "@server/auth/tokens.js";
import { nowIso } from "@server/clock.js";
import type { ApiTokensTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, notFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { insertApiToken, revokeApiToken } from "./api-tokens.repo.js";
import { findUserById } from "./users.repo.js";

/** Creates an API token for an account; the secret is returned once and stored only as its hash. */
export async function createApiToken(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: { userId: string; name: string },
): Promise<{ row: ApiTokensTable; token: string }> {
  if (!(await findUserById(db, input.userId))) throw invalidField("userId", "unknownUser", "No such account");
  const token = newSecret();
  const row: ApiTokensTable = {
    id: randomUUID(),
    token_hash: hashSecret(token),
    user_id: input.userId,
    name: input.name,
    created_by: ctx.actor.id,
    created_at: nowIso(ctx.clock),
    revoked_at: null,
  };
  await inTransaction(db, async (trx) => {
    await insertApiToken(trx, row);
    await recordAudit(trx, ctx, { action: "apiToken.create", category: "admin", subjectType: "apiToken", subjectId: row.id });
  });
  return { row, token };
}

/** Revokes a valid API token; 404 when there is none with this id or it was revoked already. */
export async function revokeToken(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  if (!(await revokeApiToken(db, id, nowIso(ctx.clock)))) throw notFound("API token");
  await recordAudit(db, ctx, { action: "apiToken.revoke", category: "admin", subjectType: "apiToken", subjectId: id });
}
