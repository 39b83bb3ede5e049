import type { UserRole } from "@shared/enums.js";
import type { Actor } from "./actor.js";

/** Answers "may this actor call this route at all?"; record scope is decided in the repo query. */
export interface Policy {
  readonly name: string;
  allows(actor: Actor): boolean;
}

/** Marks a route that needs no login (health, login, OpenAPI). */
export const PUBLIC = Object.freeze({ name: "public", allows: () => true, isPublic: true as const });
export type PublicPolicy = typeof PUBLIC;

/** A policy that allows the listed roles. */
export function roles(name: string, ...allowed: UserRole[]): Policy {
  const set = new Set<UserRole>(allowed);
  return { name, allows: (actor) => set.has(actor.role) };
}

/** Any logged-in user. */
export const AUTHENTICATED: Policy = { name: "authenticated", allows: () => true };

declare module "fastify" {
  interface FastifyContextConfig {
    /** Required on every /api route: checked before the handler runs; missing fails start-up. */
    policy?: Policy | PublicPolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
