import type { Policy, PublicPolicy } from "@server/auth/policy.js";
import type { FastifyInstance } from "fastify";
import { API_BASE } from "./openapi.js";

/** One route of the API as registered: method, path below `/api/v1` in Fastify's syntax (`/clients/:id`), policy. */
export interface ApiRoute {
  method: string;
  path: string;
  policy: Policy | PublicPolicy | undefined;
  /** The zod schema of the body, when the route validates one. */
  body: unknown;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route registered, in registration order; HEAD routes Fastify adds to GET routes are left out. */
    apiRoutes: readonly ApiRoute[];
  }
}

/** A route's name in the authorization matrix and in test output: `POST /clients/:id/intakes`. */
export function routeKey(route: Pick<ApiRoute, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}

/**
 * Records every route under `/api/v1` as it is registered, so the authorization matrix and the input fuzz can
 * enumerate the API itself rather than a list kept by hand. Call before any route is registered.
 */
export function collectApiRoutes(app: FastifyInstance): void {
  const routes: ApiRoute[] = [];
  app.decorate("apiRoutes", routes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith(`${API_BASE}/`)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method, path: route.url.slice(API_BASE.length), policy: route.config?.policy, body: route.schema?.body });
    }
  });
}
