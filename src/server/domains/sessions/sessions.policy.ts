import { AUTHENTICATED, PUBLIC } from "@server/auth/policy.js";

/** Anyone may try to log in; any logged-in user may see and end their own session. */
export const sessionPolicy = {
  create: PUBLIC,
  deleteCurrent: AUTHENTICATED,
  me: AUTHENTICATED,
  changePassword: AUTHENTICATED,
};
