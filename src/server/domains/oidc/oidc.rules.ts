import type { LoginRefusalReason } from "@shared/schemas/login-methods.js";
import { isValidBsn } from "@shared/validation/bsn.js";

/** The OpenID Connect providers the app knows: DigiD through the broker (clients), and the staff identity provider. */
export const OIDC_PROVIDERS = ["digid", "staff"] as const;
export type OidcProviderName = (typeof OIDC_PROVIDERS)[number];

/** How long a login begun at a provider may take before the browser comes back. */
export const PENDING_LOGIN_MINUTES = 10;

/**
 * Why a login through a provider was refused, as the refusal page names it. `noAccount` is the one answer for a
 * BSN that is no client and for a client whose account is deactivated, so the page never tells whether a BSN is
 * known anywhere.
 */
export type LoginRefusal = LoginRefusalReason;

/** When a login begun at `createdAt` is over. */
export function pendingLoginEndsAt(createdAt: Date): string {
  return new Date(createdAt.getTime() + PENDING_LOGIN_MINUTES * 60_000).toISOString();
}

/** Whether a begun login is over at `now` (the browser took too long, or came back with an old answer). */
export function isPendingLoginOver(login: { expires_at: string }, now: Date): boolean {
  return Date.parse(login.expires_at) <= now.getTime();
}

/**
 * The page to go to after login: a path of this app only (so a crafted link cannot send the user elsewhere),
 * otherwise the start page.
 */
export function safeReturnPath(next: string | undefined): string {
  if (!next || next.length > 300) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/api/")) return "/";
  return /^[\x21-\x7e]+$/.test(next) ? next : "/";
}

/**
 * The BSN in the provider's claims under `claimName`: nine digits passing the eleven-test, sent as they are or in
 * the sector form `s00000000:<BSN>` some brokers keep from SAML. Anything else is no BSN (null).
 */
export function bsnFromClaims(claims: Record<string, unknown>, claimName: string): string | null {
  const value = claims[claimName];
  if (typeof value !== "string") return null;
  const bsn = value.startsWith("s00000000:") ? value.slice("s00000000:".length) : value;
  return isValidBsn(bsn) ? bsn : null;
}

/**
 * The e-mail address a staff provider vouches for: a string with an @, not marked unverified (a provider that
 * sends `email_verified: false` has not checked that the person owns it). Lower case, as accounts are stored.
 */
export function verifiedEmailFromClaims(claims: Record<string, unknown>): string | null {
  const { email, email_verified: verified } = claims;
  if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 200) return null;
  if (verified === false || verified === "false") return null;
  return email.trim().toLowerCase();
}

/** A client logs in through DigiD only with an active account bound to their client record. */
export function clientAccountMayLogIn(user: { active: number; role: string; client_id: string | null }, clientId: string): boolean {
  return user.active === 1 && user.role === "client" && user.client_id === clientId;
}

/**
 * A staff identity logs in only to an active account that is not a client's: roles are assigned in Naar
 * Vermogen, and clients log in through DigiD.
 */
export function staffAccountMayLogIn(user: { active: number; role: string }): boolean {
  return user.active === 1 && user.role !== "client";
}

/** The e-mail address of the account made for a client at their first DigiD login: unique, and never deliverable. */
export function clientAccountEmail(clientId: string): string {
  return `digid-${clientId}@accounts.invalid`;
}

/** The password hash of an account that logs in through a provider only: no password ever matches it. */
export const NO_PASSWORD = "none:login-through-digid";
