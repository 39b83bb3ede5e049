import type { RequestContext } from "@server/auth/actor.js";
import type { FastifyRequest } from "fastify";
import { unauthenticated } from "./errors.js";

/** The actor and request id of an authenticated route, for services and the audit log. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw unauthenticated();
  const context: RequestContext = {
    actor: request.actor,
    requestId: request.id,
    clock: request.server.clock,
    undoHoldMinutes: request.server.undoHoldMinutes,
  };
  return request.accessReason ? { ...context, accessReason: request.accessReason } : context;
}
