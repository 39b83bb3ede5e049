import { roles } from "@server/auth/policy.js";

/**
 * Who may read the figures: researchers (small counts hidden), admins and team leads, and consultants for their own
 * districts. Scope within the role (a consultant's or team lead's districts) is decided by `assertDistrictInScope`.
 */
export const statisticsPolicy = {
  overview: roles("statistics.overview", "consultant", "teamLead", "researcher", "admin"),
};
