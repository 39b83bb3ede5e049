import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { EVIDENCE_MAX_BYTES } from "@shared/schemas/exemptions.js";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerAuthentication } from "./auth/authenticate.js";
import { LoginThrottle } from "./auth/login-throttle.js";
import { PUBLIC } from "./auth/policy.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/connection.js";
import { accountabilityRoutes } from "./domains/accountability/accountability.routes.js";
import { appointmentRoutes } from "./domains/appointments/appointments.routes.js";
import { auditRoutes } from "./domains/audit/audit.routes.js";
import { caregivingRoutes } from "./domains/caregiving/caregiving.routes.js";
import { checkInRoutes } from "./domains/check-ins/check-ins.routes.js";
import { clientRoutes } from "./domains/clients/clients.routes.js";
import { contributionRoutes } from "./domains/contributions/contributions.routes.js";
import { decisionRoutes } from "./domains/decisions/decisions.routes.js";
import { documentRoutes } from "./domains/documents/documents.routes.js";
import { exemptionRoutes } from "./domains/exemptions/exemptions.routes.js";
import { healthRoutes } from "./domains/health/health.routes.js";
import { intakeRoutes } from "./domains/intakes/intakes.routes.js";
import { invitationRoutes } from "./domains/invitations/invitations.routes.js";
import { letterRoutes } from "./domains/letters/letters.routes.js";
import { matchingRoutes } from "./domains/matching/matching.routes.js";
import { ordinanceRoutes } from "./domains/ordinance/ordinance.routes.js";
import { organisationRoutes } from "./domains/organisations/organisations.routes.js";
import { placementRoutes } from "./domains/placements/placements.routes.js";
import { planRoutes } from "./domains/plans/plans.routes.js";
import { roleRoutes } from "./domains/roles/roles.routes.js";
import { sanctionRoutes } from "./domains/sanctions/sanctions.routes.js";
import { schedulerRoutes } from "./domains/scheduler/scheduler.routes.js";
import { sessionRoutes } from "./domains/sessions/sessions.routes.js";
import { apiTokenRoutes } from "./domains/users/api-tokens.routes.js";
import { userRoutes } from "./domains/users/users.routes.js";
import { workQueueRoutes } from "./domains/work-queue/work-queue.routes.js";
import { API_BASE, API_VERSION, swaggerOptions } from "./http/openapi.js";
import { registerProblemHandlers } from "./http/problem.js";
import { collectApiRoutes } from "./http/route-table.js";
import { registerTextInputCheck } from "./http/text-input.js";

/** What every route module gets: the database, the configuration and shared in-process state. */
export interface Services {
  db: Db;
  config: Config;
  loginThrottle: LoginThrottle;
  clock: Clock;
}

export interface AppOptions {
  config: Config;
  db: Db;
  /** Folder with the built web app; null serves the API only. Defaults to dist/web when it exists. */
  webRoot?: string | null;
  logger?: boolean;
  /** Where log lines go (default standard output); tests capture them here. */
  logStream?: NodeJS.WritableStream;
  /** Where every "now" and "today" comes from (default the system clock); tests set it. */
  clock?: Clock;
}

const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, "../../dist/web");

/** Builds the whole application without listening, so tests can drive it in-process with `inject`. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ["req.headers.authorization", "req.headers.cookie"],
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    trustProxy: config.NODE_ENV === "production",
    bodyLimit: 1024 * 1024,
  });
  app.decorate("clock", clock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  collectApiRoutes(app);
  registerTextInputCheck(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  // Evidence uploads: one file of at most 10 MB; a larger one is refused with a 400 naming the field.
  await app.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 4 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  const services: Services = { db, config, loginThrottle: new LoginThrottle(clock), clock };
  registerAuthentication(app, db.kysely, { idleMinutes: config.SESSION_IDLE_MINUTES }, clock);
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith(API_BASE)) reply.header("API-Version", API_VERSION);
  });

  await app.register(
    async (api) => {
      api.get("/openapi.json", { config: { policy: PUBLIC }, schema: { hide: true } }, async () => app.swagger());
      const modules = [
        healthRoutes,
        sessionRoutes,
        clientRoutes,
        userRoutes,
        apiTokenRoutes,
        organisationRoutes,
        auditRoutes,
        letterRoutes,
        appointmentRoutes,
        invitationRoutes,
        intakeRoutes,
        planRoutes,
        checkInRoutes,
        workQueueRoutes,
        roleRoutes,
        placementRoutes,
        contributionRoutes,
        ordinanceRoutes,
        exemptionRoutes,
        caregivingRoutes,
        accountabilityRoutes,
        documentRoutes,
        schedulerRoutes,
        sanctionRoutes,
        decisionRoutes,
        matchingRoutes,
      ];
      for (const routes of modules) {
        await api.register(routes(services));
      }
    },
    { prefix: API_BASE },
  );

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, "index.html"))) await serveWebApp(app, webRoot);
  return app;
}

/** Serves the built React app, with index.html for every client-side route. */
async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, wildcard: false });
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith("/api/")) return reply.callNotFound();
    return reply.type("text/html").sendFile("index.html");
  });
}
