import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { registerAuthentication } from "./auth/authenticate.js";
import { PUBLIC } from "./auth/policy.js";
import { CaseworkCache } from "./casework-cache.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/connection.js";
import { accountabilityRoutes } from "./domains/accountability/accountability.routes.js";
import { activityProposalRoutes } from "./domains/activity-proposals/activity-proposals.routes.js";
import { agencyRoutes } from "./domains/agencies/agencies.routes.js";
import { appointmentRoutes } from "./domains/appointments/appointments.routes.js";
import { auditRoutes } from "./domains/audit/audit.routes.js";
import { buddyRoutes } from "./domains/buddies/buddies.routes.js";
import { caregivingRoutes } from "./domains/caregiving/caregiving.routes.js";
import { checkInRoutes } from "./domains/check-ins/check-ins.routes.js";
import { registerAccessReason } from "./domains/clients/access-reason.js";
import { clientRoutes } from "./domains/clients/clients.routes.js";
import { contributionRoutes } from "./domains/contributions/contributions.routes.js";
import { decisionRoutes } from "./domains/decisions/decisions.routes.js";
import { documentRoutes } from "./domains/documents/documents.routes.js";
import { exemptionRoutes } from "./domains/exemptions/exemptions.routes.js";
import { expenseRoutes } from "./domains/expenses/expenses.routes.js";
import { feedbackRoutes } from "./domains/feedback/feedback.routes.js";
import { healthRoutes } from "./domains/health/health.routes.js";
import { intakeRoutes } from "./domains/intakes/intakes.routes.js";
import { invitationRoutes } from "./domains/invitations/invitations.routes.js";
import { letterRoutes } from "./domains/letters/letters.routes.js";
import { matchingRoutes } from "./domains/matching/matching.routes.js";
import { notificationRoutes } from "./domains/notifications/notifications.routes.js";
import { oidcRoutes } from "./domains/oidc/oidc.routes.js";
import { ordinanceRoutes } from "./domains/ordinance/ordinance.routes.js";
import { organisationRoutes } from "./domains/organisations/organisations.routes.js";
import { organisationSupportRoutes } from "./domains/organisations/organisations.support.routes.js";
import { overviewRoutes } from "./domains/overview/overview.routes.js";
import { placementHostStepRoutes } from "./domains/placements/placements.host-steps.routes.js";
import { placementRoutes } from "./domains/placements/placements.routes.js";
import { planRoutes } from "./domains/plans/plans.routes.js";
import { privacyRoutes } from "./domains/privacy/privacy.routes.js";
import { registryRoutes } from "./domains/registry/registry.routes.js";
import { reportRoutes } from "./domains/reports/reports.routes.js";
import { researchExportRoutes } from "./domains/research-export/research-export.routes.js";
import { roleRoutes } from "./domains/roles/roles.routes.js";
import { sanctionRoutes } from "./domains/sanctions/sanctions.routes.js";
import { schedulerRoutes } from "./domains/scheduler/scheduler.routes.js";
import { INSTANCE } from "./domains/scheduler/scheduler.service.js";
import { sessionRoutes } from "./domains/sessions/sessions.routes.js";
import type { SessionSettings } from "./domains/sessions/sessions.rules.js";
import { effectsRoutes } from "./domains/statistics/effects.routes.js";
import { statisticsRoutes } from "./domains/statistics/statistics.routes.js";
import { type ThrottleKind, type ThrottleLimit, throttleLimits } from "./domains/throttles/throttles.rules.js";
import { apiTokenRoutes } from "./domains/users/api-tokens.routes.js";
import { userRoutes } from "./domains/users/users.routes.js";
import { workQueueRoutes } from "./domains/work-queue/work-queue.routes.js";
import { loggerOptions } from "./http/logging.js";
import { METRICS_PATH, registerMetrics } from "./http/metrics.js";
import { API_BASE, swaggerOptions } from "./http/openapi.js";
import { answerClientError, registerProblemHandlers } from "./http/problem.js";
import { registerResponseHeaders } from "./http/response-headers.js";
import { collectApiRoutes } from "./http/route-table.js";
import { responseSerializer } from "./http/serializer.js";
import { registerTextInputCheck } from "./http/text-input.js";

/**
 * What every route module gets: the database, the configuration and what follows from it, the clock and this
 * instance's name. Nothing here is state: whatever several instances must agree on lives in the database.
 */
export interface Services {
  db: Db;
  config: Config;
  sessions: SessionSettings;
  throttles: Record<ThrottleKind, ThrottleLimit>;
  clock: Clock;
  /** This server instance as it appears in leases and run records. */
  instance: string;
  /** Work queues and caseload pages kept until casework changes (validated against the database on every read). */
  casework: CaseworkCache;
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
  /** This instance's name in leases and run records (default the process's); tests of several instances set it. */
  instance?: string;
}

const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, "../../dist/web");

/** Builds the whole application without listening, so tests can drive it in-process with `inject`. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.LOG_LEVEL, options.logStream),
    genReqId: () => randomUUID(),
    trustProxy: trustedProxies(config.TRUST_PROXY),
    clientErrorHandler: answerClientError,
    bodyLimit: 1024 * 1024,
    // Fastify's default (0) switches off Node's own limit: a sender trickling bytes would hold a connection forever.
    requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
  });
  // Node enforces the request timeout only while the headers' own timeout is no longer than it.
  app.server.headersTimeout = Math.min(app.server.headersTimeout, config.REQUEST_TIMEOUT_SECONDS * 1000);
  app.decorate("clock", clock);
  app.decorate("undoHoldMinutes", config.NV_UNDO_HOLD_MINUTES);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
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
  // Uploads take one file and nothing else; each upload route sets its own size limit (http/multipart.ts).
  await app.register(multipart, { limits: { files: 1, fields: 1 } });
  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  const services: Services = {
    db,
    config,
    sessions: { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS },
    throttles: throttleLimits({ loginAttemptsPerAddressPerMinute: config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE }),
    clock,
    instance: options.instance ?? INSTANCE,
    casework: new CaseworkCache(db.kysely),
  };
  registerAuthentication(app, db.kysely, services.sessions, clock);
  registerAccessReason(app);
  registerResponseHeaders(app);
  if (config.METRICS === "on") registerMetrics(app, db.kysely, config.METRICS_TOKEN);

  await app.register(
    async (api) => {
      api.get("/openapi.json", { config: { policy: PUBLIC }, schema: { hide: true } }, async () => app.swagger());
      const modules = [
        healthRoutes,
        sessionRoutes,
        oidcRoutes,
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
        placementHostStepRoutes,
        expenseRoutes,
        organisationSupportRoutes,
        feedbackRoutes,
        contributionRoutes,
        ordinanceRoutes,
        exemptionRoutes,
        caregivingRoutes,
        accountabilityRoutes,
        documentRoutes,
        schedulerRoutes,
        sanctionRoutes,
        statisticsRoutes,
        decisionRoutes,
        matchingRoutes,
        privacyRoutes,
        activityProposalRoutes,
        notificationRoutes,
        overviewRoutes,
        effectsRoutes,
        researchExportRoutes,
        reportRoutes,
        registryRoutes,
        agencyRoutes,
        buddyRoutes,
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

/**
 * The client's address (request.ip, which the login and complaint limits count by) comes from X-Forwarded-For
 * only as far as TRUST_PROXY trusts the proxies in front; by default not at all. Fastify itself refuses a bare hop
 * count (it cannot tell a proxy from a client that connects directly), so a hop count the operator chose is a
 * function here: trust the connection and the next `hops - 1` forwarders, whoever they are.
 */
function trustedProxies(setting: Config["TRUST_PROXY"]): FastifyServerOptions["trustProxy"] {
  if (typeof setting !== "number") return setting;
  return (_address: string, hop: number) => hop < setting;
}

/** Serves the built React app, with index.html for every client-side route. */
async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, wildcard: false });
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    // The API's and the metrics' paths are the server's: absent there, they are 404, never the web app.
    if (request.url.startsWith("/api/") || request.url.split("?")[0] === METRICS_PATH) return reply.callNotFound();
    return reply.type("text/html").sendFile("index.html");
  });
}
