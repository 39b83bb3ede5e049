import { roles } from "@server/auth/policy.js";

/**
 * The effect estimates are figures about groups: researchers, team leads and admins, and consultants for their own
 * districts (the scope is in the query: consultants and team leads see estimates over their districts' clients).
 */
export const effectsPolicy = {
  read: roles("statistics.effects", "researcher", "teamLead", "admin", "consultant"),
};
