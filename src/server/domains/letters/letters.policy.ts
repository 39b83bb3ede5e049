import { roles } from "@server/auth/policy.js";

/** Letters are the consultant's file; a client may read their own (scope decides which). */
export const letterPolicy = {
  list: roles("letters.list", "admin", "consultant", "teamLead", "client"),
  download: roles("letters.download", "admin", "consultant", "teamLead", "client"),
  recordDelivery: roles("letters.recordDelivery", "consultant", "teamLead"),
};
