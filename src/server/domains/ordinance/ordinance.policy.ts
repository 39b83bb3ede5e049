import { AUTHENTICATED, roles } from "@server/auth/policy.js";

/** Everyone who works with the rules may read them; only admins add a version. */
export const ordinancePolicy = {
  read: AUTHENTICATED,
  create: roles("ordinance.create", "admin"),
};
