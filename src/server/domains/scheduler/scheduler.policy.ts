import { roles } from "@server/auth/policy.js";

/** Administrators read the scheduler's runs and run the daily job on demand. */
export const schedulerPolicy = { admin: roles("scheduler.admin", "admin") };
