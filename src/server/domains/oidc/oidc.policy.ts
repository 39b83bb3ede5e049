import { PUBLIC } from "@server/auth/policy.js";

/** Logging in is for anyone: the login page asks which ways in there are, and the browser goes to a provider and back. */
export const oidcPolicy = {
  methods: PUBLIC,
  start: PUBLIC,
  callback: PUBLIC,
  logout: PUBLIC,
};
