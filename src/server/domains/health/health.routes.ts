import type { Services } from "@server/app.js";
import { PUBLIC } from "@server/auth/policy.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pingDatabase } from "./health.repo.js";

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
        await pingDatabase(db.kysely);
        return { status: "ok" as const };
      },
    );
  };
}
