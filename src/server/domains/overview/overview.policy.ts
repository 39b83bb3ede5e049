import { roles } from "@server/auth/policy.js";

/** The client's own start page and plan page: the client only, and only their own record (scope in the query). */
export const overviewPolicy = {
  read: roles("overview.read", "client"),
  plan: roles("overview.plan", "client"),
};
