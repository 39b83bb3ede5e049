import { z } from "zod";

/** `GET /login-methods`: which ways in the login page offers. */
export const loginMethodsOutput = z.object({
  password: z.literal(true).describe("the e-mail and password form"),
  digid: z.boolean().describe("clients log in with DigiD through the municipality's broker"),
  staff: z.boolean().describe("staff log in through the municipality's own identity provider"),
});
export type LoginMethodsOutput = z.infer<typeof loginMethodsOutput>;

/** Why a login through a provider ended without a session, as `/login/refused?reason=` names it. */
export const LOGIN_REFUSAL_REASONS = ["noAccount", "noStaffAccount", "cancelled", "failed", "unavailable"] as const;
export type LoginRefusalReason = (typeof LOGIN_REFUSAL_REASONS)[number];

/** How a session was opened: the password form, or a provider. */
export const LOGIN_METHODS = ["password", "digid", "staff"] as const;
