import type { Clock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { forbidden, unauthenticated } from "@server/http/errors.js";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { SessionSettings } from "../domains/sessions/sessions.rules.js";
import { resolveActor } from "../domains/sessions/sessions.service.js";

export const SESSION_COOKIE = "nv_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie, then enforces the route's policy
 * and, for cookie-authenticated writes, the CSRF token. Fails start-up for an /api route without a policy.
 */
export function registerAuthentication(app: FastifyInstance, db: Kysely<Database>, settings: SessionSettings, clock: Clock): void {
  app.decorateRequest("actor", null);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1")) return;
    if (!route.config?.policy) throw new Error(`Route ${route.method} ${route.url} has no policy`);
  });

  app.addHook("onRequest", async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : undefined;
    const cookie = request.cookies[SESSION_COOKIE];
    const secret = bearer ?? cookie;
    request.actor = secret ? await resolveActor(db, clock, settings, secret, bearer === undefined) : null;
    if ("isPublic" in policy) return;
    if (!request.actor) throw unauthenticated();
    const session = request.actor.session;
    if (session?.viaCookie && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw forbidden("csrfTokenInvalid", "Send the CSRF token from GET /me in the X-CSRF-Token header.");
    }
    if (!policy.allows(request.actor)) throw forbidden();
  });
}
