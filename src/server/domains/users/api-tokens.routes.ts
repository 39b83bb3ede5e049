import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { apiTokenCreatedOutput, apiTokenCreateInput, apiTokenList } from "@shared/schemas/api-tokens.js";
import { idParam } from "@shared/schemas/common.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listApiTokens } from "./api-tokens.repo.js";
import { createApiToken, revokeToken } from "./api-tokens.service.js";
import { userPolicy } from "./users.policy.js";

/** Every outgoing field of an API token: never its hash. */
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
      async () => ({ items: (await listApiTokens(db.kysely)).map(present) }),
    );

    app.post(
      "/api-tokens",
      {
        config: { policy: userPolicy.manageTokens },
        schema: { tags: ["users"], summary: "Create an API token", body: apiTokenCreateInput, response: { 201: apiTokenCreatedOutput } },
      },
      async (request, reply) => {
        const { row, token } = await createApiToken(db.kysely, contextOf(request), request.body);
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
        await revokeToken(db.kysely, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
