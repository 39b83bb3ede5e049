import { API_BASE } from "@server/http/openapi.js";
import { accessReasonParam } from "@shared/schemas/clients.js";
import type { FastifyInstance, RouteOptions } from "fastify";
import { z } from "zod";
import { assertAccessReasonGiven } from "./clients.rules.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A read of one client's record or of a part of it: an administrator names the task that needs it. */
    clientRecordRead?: boolean;
  }
  interface FastifyRequest {
    accessReason?: z.infer<typeof accessReasonQuery>["accessReason"];
  }
}

const accessReasonQuery = z.object(accessReasonParam);
const RECORD = `${API_BASE}/clients/:id`;

/** A read of the client's record: `GET /clients/{id}` and every `GET` below it (plans, letters, sanctions, …). */
function isClientRecordRead(route: RouteOptions): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.includes("GET") && (route.url === RECORD || route.url.startsWith(`${RECORD}/`));
}

/**
 * Administrators see a client's record only when a task needs it: every read of the record or a part of it takes
 * `accessReason` (documented on each such route), is refused without it, and the reason goes into every audit entry
 * the read writes. Other roles give no reason. Register before the routes.
 */
export function registerAccessReason(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (!isClientRecordRead(route)) return;
    route.config = { ...route.config, clientRecordRead: true };
    const query = route.schema?.querystring;
    if (query instanceof z.ZodObject) {
      if (!("accessReason" in query.shape)) route.schema = { ...route.schema, querystring: query.extend(accessReasonParam) };
    } else if (query === undefined) {
      route.schema = { ...route.schema, querystring: accessReasonQuery };
    } else {
      throw new Error(`Route ${route.url} reads a client's record with a query that cannot take accessReason`);
    }
  });

  app.addHook("preHandler", async (request) => {
    if (!request.routeOptions.config?.clientRecordRead || !request.actor) return;
    const { role } = request.actor;
    const reason = (request.query as z.infer<typeof accessReasonQuery>).accessReason;
    assertAccessReasonGiven(role, reason);
    if (role === "admin") request.accessReason = reason;
  });
}
