import { roles } from "@server/auth/policy.js";

/**
 * Who may touch client records at all. Which records is decided by `visibleClients` in the repo:
 * a record outside the caller's scope answers 404. Hosts get their need-to-know view through placements;
 * researchers never see client records.
 */
export const clientPolicy = {
  list: roles("clients.list", "admin", "consultant", "teamLead"),
  read: roles("clients.read", "admin", "consultant", "teamLead", "client", "host"),
  create: roles("clients.create", "admin", "consultant", "teamLead"),
  update: roles("clients.update", "admin", "consultant", "teamLead"),
};
