import { roles } from "@server/auth/policy.js";

/** Consultants record check-ins; the client records their own short check-in in the portal and reads what they entered. */
export const checkInPolicy = {
  create: roles("checkIns.create", "consultant", "teamLead", "agencyWorker"),
  createByClient: roles("checkIns.createByClient", "client"),
  list: roles("checkIns.list", "admin", "consultant", "teamLead", "client", "agencyWorker"),
};
