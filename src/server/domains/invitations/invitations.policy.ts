import { roles } from "@server/auth/policy.js";

/** Consultants and team leads invite their clients to an intake, and print the letters of their invitation batches. */
export const invitationPolicy = {
  create: roles("invitations.create", "consultant", "teamLead"),
  printBatch: roles("invitations.printBatch", "consultant", "teamLead"),
  /** Who made the invitation, or a team lead, undoes it while its letter is inside; the rule says who of these. */
  undo: roles("invitations.undo", "consultant", "teamLead"),
  read: roles("invitations.read", "consultant", "teamLead"),
};
