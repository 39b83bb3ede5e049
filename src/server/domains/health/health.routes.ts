import type { Services } from "@server/app.js";
import { PUBLIC } from "@server/auth/policy.js";
import type { Db } from "@server/db/connection.js";
import { pendingMigrations } from "@server/db/migrate.js";
import { AppError } from "@server/http/errors.js";
import { problemSchema } from "@server/http/problem.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pingDatabase } from "./health.repo.js";

const healthOutput = z.object({ status: z.literal("ok") });

/** Why this instance cannot serve: the database does not answer, or its schema is behind this version's. */
async function notReadyReason(db: Db): Promise<string | null> {
  try {
    await pingDatabase(db.kysely);
    const pending = await pendingMigrations(db);
    return pending.length === 0 ? null : `The database is not at the latest version: ${pending.length} migration(s) to run.`;
  } catch {
    // The cause goes to no client: a connection string or a host name is the operator's, in the database's own log.
    return "The database does not answer.";
  }
}

/**
 * `GET /health`: liveness, answered by the process alone (no database), so an orchestrator restarts only a process
 * that hangs. `GET /health/ready`: readiness, a database round trip and the schema at the latest migration, so a
 * proxy sends requests only to an instance that can serve them. Both without authentication.
 */
export function healthRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/health",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["health"],
          summary: "Liveness",
          description: "Answers while the process serves requests; it does not touch the database.",
          response: { 200: healthOutput },
        },
      },
      async () => ({ status: "ok" as const }),
    );

    app.get(
      "/health/ready",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["health"],
          summary: "Readiness",
          description: "Ready when the database answers and has run every migration of this version; 503 otherwise.",
          response: { 200: healthOutput, 503: problemSchema.describe("Not ready; `detail` says why") },
        },
      },
      async () => {
        const reason = await notReadyReason(db);
        if (reason) throw new AppError(503, "notReady", "Not ready", reason);
        return { status: "ok" as const };
      },
    );
  };
}
