import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import type { OidcProviderName } from "./oidc.rules.js";

export interface NewPendingLogin {
  id: string;
  provider: OidcProviderName;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: string;
  expiresAt: string;
}

/** Stores a login begun at a provider under the hash of the browser's secret. */
export async function insertPendingLogin(db: Kysely<Database>, login: NewPendingLogin): Promise<void> {
  await db
    .insertInto("oidc_logins")
    .values({
      id: login.id,
      provider: login.provider,
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      return_to: login.returnTo,
      created_at: login.createdAt,
      expires_at: login.expiresAt,
    })
    .execute();
}

/**
 * Takes a begun login: deletes it and answers what it was, or undefined when there is none (never begun, already
 * taken, removed). One statement, so of two requests with the same secret only one gets it.
 */
export async function takePendingLogin(db: Kysely<Database>, id: string) {
  return db.deleteFrom("oidc_logins").where("id", "=", id).returningAll().executeTakeFirst();
}

/** Removes begun logins that are over; answers how many. */
export async function deleteOverPendingLogins(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom("oidc_logins").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The client record with this BSN (its id and name), or undefined. */
export async function findClientByBsn(db: Kysely<Database>, bsn: string) {
  return db.selectFrom("clients").select(["id", "given_name", "family_name"]).where("bsn", "=", bsn).executeTakeFirst();
}

/** The accounts bound to a client record, oldest first. */
export async function findClientAccounts(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("users")
    .select(["id", "active", "role", "client_id"])
    .where("client_id", "=", clientId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The account a provider's subject is linked to, or undefined. */
export async function findIdentity(db: Kysely<Database>, issuer: string, subject: string) {
  return db.selectFrom("user_identities").select("user_id").where("issuer", "=", issuer).where("subject", "=", subject).executeTakeFirst();
}

/** The subject an account is linked to at a provider, or undefined. */
export async function findIdentityOfUser(db: Kysely<Database>, issuer: string, userId: string) {
  return db.selectFrom("user_identities").select("subject").where("issuer", "=", issuer).where("user_id", "=", userId).executeTakeFirst();
}

/**
 * Links a provider's subject to an account unless the subject, or the account at this provider, is linked
 * already (the constraints decide, so two first logins at once link once).
 */
export async function insertIdentity(
  db: Kysely<Database>,
  identity: { issuer: string; subject: string; userId: string; now: string },
): Promise<void> {
  await db
    .insertInto("user_identities")
    .values({ issuer: identity.issuer, subject: identity.subject, user_id: identity.userId, created_at: identity.now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
