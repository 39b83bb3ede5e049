import { roles } from "@server/auth/policy.js";

/** Consultants and team leads invite their clients to an intake, and print the letters of their invitation batches. */
export const invitationPolicy = {
  create: roles("invitations.create", "consultant", "teamLead"),
  printBatch: roles("invitations.printBatch", "consultant", "teamLead"),
};
