import type { Actor } from "@server/auth/actor.js";
import type { MeOutput } from "@shared/schemas/users.js";
import { meAbilities } from "./me.abilities.js";

/**
 * `GET /me` and the login answer: who the caller is, what they may open, and the CSRF token for cookie-authenticated
 * writes. `agency` is an agency worker's agency (undefined for everyone else).
 */
export function presentMe(actor: Actor, agency: { id: string; name: string } | undefined): MeOutput {
  return {
    id: actor.id,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
    districts: actor.districts,
    ...(actor.organisationId ? { organisationId: actor.organisationId } : {}),
    ...(actor.clientId ? { clientId: actor.clientId } : {}),
    agencyId: agency?.id ?? null,
    agencyName: agency?.name ?? null,
    ...(actor.session ? { csrfToken: actor.session.csrfToken } : {}),
    ...(actor.session?.loginMethod ? { loginMethod: actor.session.loginMethod } : {}),
    abilities: meAbilities(actor),
  };
}
