import { hashSecret, newSecret } from "@server/auth/tokens.js";
import { type Clock, nowIso } from "@server/clock.js";
import { isUniqueViolation } from "@server/db/errors.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import type { Kysely } from "kysely";
import * as client from "openid-client";
import { insertAuditEvent } from "../audit/audit.repo.js";
import type { SessionSettings } from "../sessions/sessions.rules.js";
import { openSession } from "../sessions/sessions.service.js";
import { findUserByEmail, findUserById, insertUser, type UserWithDistricts } from "../users/users.repo.js";
import type { OidcProvider } from "./oidc.providers.js";
import * as repo from "./oidc.repo.js";
import {
  bsnFromClaims,
  clientAccountEmail,
  clientAccountMayLogIn,
  isPendingLoginOver,
  type LoginRefusal,
  NO_PASSWORD,
  pendingLoginEndsAt,
  safeReturnPath,
  staffAccountMayLogIn,
  verifiedEmailFromClaims,
} from "./oidc.rules.js";

/** A login through a provider that ends without a session; `reason` is what the refusal page says. */
export class LoginRefused extends Error {
  constructor(
    readonly reason: LoginRefusal,
    /** For the log: what went wrong, never a claim's value. */
    readonly why: string,
  ) {
    super(`login refused (${reason}): ${why}`);
    this.name = "LoginRefused";
  }
}

/**
 * Begins a login at a provider: a secret for the browser's cookie (stored only as its hash, with the state, nonce
 * and PKCE verifier the provider's answer is checked against) and the provider's authorization URL to send the
 * browser to. Logins begun earlier and never finished are removed on the way.
 */
export async function beginLogin(db: Kysely<Database>, clock: Clock, provider: OidcProvider, next: string | undefined) {
  const configuration = await provider.configuration();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const secret = newSecret();
  const now = clock.now();
  await repo.deleteOverPendingLogins(db, now.toISOString());
  await repo.insertPendingLogin(db, {
    id: hashSecret(secret),
    provider: provider.settings.name,
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(next),
    createdAt: now.toISOString(),
    expiresAt: pendingLoginEndsAt(now),
  });
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.settings.redirectUri,
    scope: provider.settings.scopes,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { secret, authorizationUrl: authorizationUrl.href };
}

/** The request that brings the browser back from the provider. */
export interface LoginAnswer {
  /** The secret of the browser's cookie (absent when the cookie is). */
  secret: string | undefined;
  /** The query string the provider sent, `?code=…&state=…` (or `?error=…`). */
  search: string;
  requestId: string;
}

/**
 * Finishes a login at the provider's answer: takes the begun login (once: a replayed answer finds nothing), lets
 * openid-client check state, PKCE, the ID token's signature, issuer, audience, expiry and nonce, links the identity
 * to an account and opens the same session a password login opens. Every refusal is audited, without the BSN.
 */
export async function completeLogin(
  db: Kysely<Database>,
  clock: Clock,
  settings: SessionSettings,
  provider: OidcProvider,
  answer: LoginAnswer,
) {
  const method = provider.settings.name;
  try {
    const pending = answer.secret ? await repo.takePendingLogin(db, hashSecret(answer.secret)) : undefined;
    if (!pending || pending.provider !== method) throw new LoginRefused("failed", "no login was begun in this browser");
    if (isPendingLoginOver(pending, clock.now())) throw new LoginRefused("failed", "the login took too long");
    const returned = new URLSearchParams(answer.search);
    if (returned.get("error") === "access_denied") throw new LoginRefused("cancelled", "the user stopped at the provider");
    const configuration = await provider.configuration();
    const callbackUrl = new URL(provider.settings.redirectUri);
    callbackUrl.search = answer.search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new LoginRefused("failed", "no ID token");
      claims = { ...idToken };
      const wanted = method === "digid" ? [provider.settings.bsnClaim] : ["email"];
      const missing = wanted.some((name) => claims[name] === undefined);
      if (missing && configuration.serverMetadata().userinfo_endpoint) {
        // Brokers often release claims only at the UserInfo endpoint; its subject must be the ID token's.
        claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
      }
    } catch (error) {
      if (error instanceof LoginRefused) throw error;
      // openid-client's messages name the check that failed, never a claim's value.
      throw new LoginRefused("failed", `the provider's answer did not pass: ${(error as Error).message}`);
    }
    const user =
      method === "digid"
        ? await clientAccountFor(db, clock, answer.requestId, provider, claims)
        : await staffAccountFor(db, clock, provider, claims);
    const session = await openSession(db, clock, settings, user, answer.requestId, method);
    return { ...session, returnTo: pending.return_to };
  } catch (error) {
    if (!(error instanceof LoginRefused)) throw error;
    await insertAuditEvent(db, clock, { id: null, email: null, role: null }, answer.requestId, {
      action: "session.loginFailed",
      category: "auth",
      details: { loginMethod: method, reason: error.reason },
    });
    throw error;
  }
}

/**
 * The account of the client whose BSN the broker vouches for: the active client account bound to the client record
 * with that BSN, made at the first login when the client has none. A BSN that is no client, or a client whose
 * account is deactivated, gets the one neutral refusal.
 */
async function clientAccountFor(
  db: Kysely<Database>,
  clock: Clock,
  requestId: string,
  provider: OidcProvider,
  claims: Record<string, unknown>,
): Promise<UserWithDistricts> {
  const bsn = bsnFromClaims(claims, provider.settings.bsnClaim);
  if (!bsn) throw new LoginRefused("failed", `the claim ${provider.settings.bsnClaim} holds no BSN`);
  const clientRecord = await repo.findClientByBsn(db, bsn);
  if (!clientRecord) throw new LoginRefused("noAccount", "the BSN is no client's");
  const accounts = await repo.findClientAccounts(db, clientRecord.id);
  if (accounts.length > 0) {
    const account = accounts.find((a) => clientAccountMayLogIn(a, clientRecord.id));
    if (!account) throw new LoginRefused("noAccount", "the client's account is deactivated");
    return existingUser(db, account.id);
  }
  const email = clientAccountEmail(clientRecord.id);
  try {
    await inTransaction(db, async (trx) => {
      const now = nowIso(clock);
      const id = await insertUser(
        trx,
        {
          email,
          passwordHash: NO_PASSWORD,
          displayName: `${clientRecord.given_name} ${clientRecord.family_name}`,
          role: "client",
          districts: [],
          organisationId: null,
          clientId: clientRecord.id,
          agencyId: null,
        },
        now,
      );
      await insertAuditEvent(trx, clock, { id, email, role: "client" }, requestId, {
        action: "user.create",
        category: "admin",
        subjectType: "user",
        subjectId: id,
        clientId: clientRecord.id,
        details: { role: "client", loginMethod: "digid" },
      });
    });
  } catch (error) {
    // A first login at the same moment in another tab made the account: use that one.
    if (!isUniqueViolation(error)) throw error;
  }
  const made = await findUserByEmail(db, email);
  if (!made || !clientAccountMayLogIn(made, clientRecord.id)) throw new LoginRefused("noAccount", "the client's account is deactivated");
  return made;
}

/**
 * The staff account the identity provider vouches for: the account linked to its subject, or else the account with
 * its verified e-mail address, which is then linked to the subject (so later logins go by the subject, and an
 * address handed to someone else later does not open this account). The account must be active and no client's.
 */
async function staffAccountFor(
  db: Kysely<Database>,
  clock: Clock,
  provider: OidcProvider,
  claims: Record<string, unknown>,
): Promise<UserWithDistricts> {
  const subject = claims.sub;
  if (typeof subject !== "string" || subject === "") throw new LoginRefused("failed", "no subject");
  const issuer = await provider.issuer();
  const linked = await repo.findIdentity(db, issuer, subject);
  if (linked) {
    const user = await findUserById(db, linked.user_id);
    if (!user || !staffAccountMayLogIn(user)) throw new LoginRefused("noStaffAccount", "the linked account is deactivated");
    return user;
  }
  const email = verifiedEmailFromClaims(claims);
  if (!email) throw new LoginRefused("noStaffAccount", "no verified e-mail address and no linked subject");
  const user = await findUserByEmail(db, email);
  if (!user || !staffAccountMayLogIn(user)) throw new LoginRefused("noStaffAccount", "no active staff account with this address");
  await repo.insertIdentity(db, { issuer, subject, userId: user.id, now: nowIso(clock) });
  // The constraints decide: the account may be linked to another subject at this provider already.
  const check = await repo.findIdentity(db, issuer, subject);
  if (check?.user_id !== user.id) throw new LoginRefused("noStaffAccount", "the account is linked to another subject");
  return user;
}

async function existingUser(db: Kysely<Database>, id: string): Promise<UserWithDistricts> {
  const user = await findUserById(db, id);
  if (!user) throw new LoginRefused("noAccount", "the account is gone");
  return user;
}

/**
 * Where the browser goes to log out at the provider too, when it publishes an end_session endpoint: back to this
 * app's login page afterwards. Undefined when the provider has none.
 */
export async function providerLogoutUrl(provider: OidcProvider): Promise<string | undefined> {
  const configuration = await provider.configuration();
  if (!configuration.serverMetadata().end_session_endpoint) return undefined;
  const back = new URL("/login?loggedOut=1", provider.settings.redirectUri);
  return client.buildEndSessionUrl(configuration, { client_id: provider.settings.clientId, post_logout_redirect_uri: back.href }).href;
}
