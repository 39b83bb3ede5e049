import { randomUUID } from "node:crypto";
import type { Services } from "@server/app.js";
import { hashSecret, newSecret } from "@server/auth/tokens.js";
import { nowIso } from "@server/clock.js";
import { inTransaction } from "@server/db/transaction.js";
import { contextOf } from "@server/http/context.js";
import { invalidField, notFound } from "@server/http/errors.js";
import { apiTokenCreatedOutput, apiTokenCreateInput, apiTokenList } from "@shared/schemas/api-tokens.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.js";
import { userPolicy } from "./users.policy.js";
import { findUserById } from "./users.repo.js";

function present(row: { id: string; user_id: string; name: string; created_at: string; revoked_at: string | null }) {
  return { id: row.id, userId: row.user_id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at };
}

/** API tokens for other systems: created and revoked by admins, usable as `Authorization: Bearer`. */
export function apiTokenRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api-tokens",
      {
        config: { policy: userPolicy.manageTokens },
        schema: { tags: ["users"], summary: "List API tokens", response: { 200: apiTokenList } },
      },
      async () => {
        const rows = await db.kysely.selectFrom("api_tokens").selectAll().orderBy("created_at", "desc").execute();
        return { items: rows.map(present) };
      },
    );

    app.post(
      "/api-tokens",
      {
        config: { policy: userPolicy.manageTokens },
        schema: { tags: ["users"], summary: "Create an API token", body: apiTokenCreateInput, response: { 201: apiTokenCreatedOutput } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        if (!(await findUserById(db.kysely, request.body.userId))) throw invalidField("userId", "unknownUser", "No such account");
        const token = newSecret();
        const row = {
          id: randomUUID(),
          token_hash: hashSecret(token),
          user_id: request.body.userId,
          name: request.body.name,
          created_by: ctx.actor.id,
          created_at: nowIso(ctx.clock),
          revoked_at: null,
        };
        await inTransaction(db.kysely, async (trx) => {
          await trx.insertInto("api_tokens").values(row).execute();
          await recordAudit(trx, ctx, { action: "apiToken.create", category: "admin", subjectType: "apiToken", subjectId: row.id });
        });
        return reply.status(201).send({ ...present(row), token });
      },
    );

    app.delete(
      "/api-tokens/:id",
      {
        config: { policy: userPolicy.manageTokens },
        schema: { tags: ["users"], summary: "Revoke an API token", params: idParam, response: { 204: z.null().describe("revoked") } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const result = await db.kysely
          .updateTable("api_tokens")
          .set({ revoked_at: nowIso(ctx.clock) })
          .where("id", "=", request.params.id)
          .where("revoked_at", "is", null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw notFound("API token");
        await recordAudit(db.kysely, ctx, {
          action: "apiToken.revoke",
          category: "admin",
          subjectType: "apiToken",
          subjectId: request.params.id,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
