import { roles } from "@server/auth/policy.js";

/**
 * Consultants propose and hear; team leads decide (never their own proposals). Clients read their own sanctions,
 * respond through the portal; objections go against the sanction's decision (decisions/). Researchers see only the figures (statistics/).
 */
export const sanctionPolicy = {
  propose: roles("sanctions.propose", "consultant", "teamLead"),
  read: roles("sanctions.read", "consultant", "teamLead", "admin", "client"),
  hearing: roles("sanctions.hearing", "consultant", "teamLead", "client"),
  invite: roles("sanctions.invite", "consultant", "teamLead"),
  decide: roles("sanctions.decide", "teamLead"),
  queue: roles("sanctions.queue", "teamLead", "admin"),
  undo: roles("sanctions.undo", "consultant", "teamLead"),
};
