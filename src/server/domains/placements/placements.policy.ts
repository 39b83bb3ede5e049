import { roles } from "@server/auth/policy.js";

/** Consultants refer; hosts answer referrals, sign, report and end; staff may act for a host. */
export const placementPolicy = {
  list: roles("placements.list", "admin", "consultant", "teamLead", "host"),
  propose: roles("placements.propose", "consultant", "teamLead"),
  act: roles("placements.act", "consultant", "teamLead", "host"),
};
