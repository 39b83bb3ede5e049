import { roles } from "@server/auth/policy.js";

/** Consultants and team leads invite their clients to an intake. */
export const invitationPolicy = { create: roles("invitations.create", "consultant", "teamLead") };
