import { PUBLIC, roles } from "@server/auth/policy.js";

/** Hosts and consultants describe roles; team leads and admins review; anyone may file a complaint. */
export const rolePolicy = {
  list: roles("roles.list", "admin", "consultant", "teamLead", "host"),
  create: roles("roles.create", "admin", "consultant", "host"),
  review: roles("roles.review", "admin", "teamLead"),
  complain: PUBLIC,
  decideComplaint: roles("complaints.decide", "admin", "teamLead"),
};
