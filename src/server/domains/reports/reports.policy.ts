import { roles } from "@server/auth/policy.js";

/**
 * The annual report to the council prints the year's figures as the caller may see them: team leads for their
 * districts, researchers with small counts hidden, admins everything. Consultants and clients have no report.
 */
export const reportPolicy = {
  annual: roles("reports.annual", "teamLead", "researcher", "admin"),
};
