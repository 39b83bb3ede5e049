import { roles } from "@server/auth/policy.js";

/** Consultants and team leads build plans; the client reads their own. */
export const planPolicy = {
  list: roles("plans.list", "admin", "consultant", "teamLead", "client"),
  change: roles("plans.change", "consultant", "teamLead"),
};
