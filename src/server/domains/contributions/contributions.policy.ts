import { roles } from "@server/auth/policy.js";

/** Consultants formalise contributions; the client reads their own. */
export const contributionPolicy = {
  create: roles("contributions.create", "consultant", "teamLead"),
  list: roles("contributions.list", "admin", "consultant", "teamLead", "client", "agencyWorker"),
};
