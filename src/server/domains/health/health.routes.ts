import type { Services } from "@server/app.js";
import { PUBLIC } from "@server/auth/policy.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";

/** `GET /health`: liveness plus a database round trip, without authentication. */
export function healthRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/health",
      {
        config: { policy: PUBLIC },
        schema: { tags: ["health"], summary: "Health check", response: { 200: z.object({ status: z.literal("ok") }) } },
      },
      async () => {
        await sql`select 1`.execute(db.kysely);
        return { status: "ok" as const };
      },
    );
  };
}
