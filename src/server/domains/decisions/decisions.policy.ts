import { roles } from "@server/auth/policy.js";

/** Clients read their own decisions and object; staff read by scope. */
export const decisionPolicy = {
  read: roles("decisions.read", "consultant", "teamLead", "admin", "client"),
  object: roles("decisions.object", "consultant", "teamLead", "client"),
};

/**
 * Consultants and team leads handle an objection (lateness, postponement, hearing); a team lead decides it. Who
 * took part in the decision objected to neither hears nor decides (a rule, 403 involvedInDecision).
 */
export const objectionPolicy = {
  read: roles("objections.read", "consultant", "teamLead", "admin", "client"),
  handle: roles("objections.handle", "consultant", "teamLead"),
  decide: roles("objections.decide", "teamLead"),
};
