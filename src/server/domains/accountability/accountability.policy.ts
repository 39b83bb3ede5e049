import { roles } from "@server/auth/policy.js";

/** The client answers and reads their own requests; their consultants do the same on their behalf. */
export const accountabilityPolicy = {
  read: roles("accountability.read", "consultant", "teamLead", "admin", "client"),
  respond: roles("accountability.respond", "consultant", "teamLead", "client"),
};
