import { roles } from "@server/auth/policy.js";

/** Only admins read the audit log; nobody can change it. */
export const auditPolicy = {
  list: roles("audit.list", "admin"),
  export: roles("audit.export", "admin"),
};
