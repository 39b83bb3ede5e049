import { roles } from "@server/auth/policy.js";

/** Intakes hold health, addiction and debt data: consultants, team leads and admins only. */
export const intakePolicy = {
  create: roles("intakes.create", "consultant", "teamLead", "agencyWorker"),
  list: roles("intakes.list", "admin", "consultant", "teamLead", "agencyWorker"),
  ladder: roles("ladder.read", "admin", "consultant", "teamLead", "agencyWorker"),
};
