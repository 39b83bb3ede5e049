import { roles } from "@server/auth/policy.js";

/** Accounts and API tokens are managed by admins only. */
export const userPolicy = {
  list: roles("users.list", "admin"),
  read: roles("users.read", "admin"),
  create: roles("users.create", "admin"),
  update: roles("users.update", "admin"),
  manageTokens: roles("apiTokens.manage", "admin"),
};
