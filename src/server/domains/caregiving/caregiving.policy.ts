import { roles } from "@server/auth/policy.js";

/** Consultants record and judge caregiving; the client reads their own. */
export const caregivingPolicy = {
  write: roles("caregiving.write", "consultant", "teamLead"),
  read: roles("caregiving.read", "consultant", "teamLead", "admin", "client"),
};
