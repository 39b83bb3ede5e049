import { roles } from "@server/auth/policy.js";

/** Consultants record check-ins; the client portal joins later. */
export const checkInPolicy = {
  create: roles("checkIns.create", "consultant", "teamLead"),
  list: roles("checkIns.list", "admin", "consultant", "teamLead"),
};
