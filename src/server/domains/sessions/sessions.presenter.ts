import type { Actor } from "@server/auth/actor.js";
import type { MeOutput } from "@shared/schemas/users.js";
import { meAbilities } from "./me.abilities.js";

/** `GET /me` and the login answer: who the caller is, what they may open, and the CSRF token for cookie-authenticated writes. */
export function presentMe(actor: Actor): MeOutput {
  return {
    id: actor.id,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
    districts: actor.districts,
    ...(actor.organisationId ? { organisationId: actor.organisationId } : {}),
    ...(actor.clientId ? { clientId: actor.clientId } : {}),
    ...(actor.session ? { csrfToken: actor.session.csrfToken } : {}),
    ...(actor.session?.loginMethod ? { loginMethod: actor.session.loginMethod } : {}),
    abilities: meAbilities(actor),
  };
}
