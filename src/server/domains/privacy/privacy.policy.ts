import { roles } from "@server/auth/policy.js";

/**
 * The client's rights over their own record (AVG art. 15): the client themselves, and the staff who may see the
 * record (consultants and team leads in their districts, admins). Hosts and researchers never.
 */
export const privacyPolicy = {
  accessLog: roles("privacy.accessLog", "admin", "consultant", "teamLead", "client"),
  dataExport: roles("privacy.dataExport", "admin", "consultant", "teamLead", "client"),
};
