import type { UserOutput } from "@shared/schemas/users.js";
import type { UserWithDistricts } from "./users.repo.js";

/** An account as admins see it: never the password hash. */
export function presentUser(user: UserWithDistricts): UserOutput {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    districts: user.districts,
    organisationId: user.organisation_id,
    clientId: user.client_id,
    agencyId: user.agency_id,
    active: user.active === 1,
    phone: user.phone,
    createdAt: user.created_at,
  };
}
