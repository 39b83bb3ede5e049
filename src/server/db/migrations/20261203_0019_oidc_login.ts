import type { Kysely } from "kysely";

/**
 * Login through OpenID Connect (DigiD through the municipality's broker, staff through its identity provider):
 * - `oidc_logins`: a login begun at a provider and not yet back, keyed by the hash of the secret in the browser's
 *   cookie, with the state, nonce and PKCE verifier the answer is checked against. Taken (deleted) exactly once when
 *   the provider sends the browser back, so an answer replayed finds nothing; removed when over.
 * - `user_identities`: which provider subject is which staff account, recorded at the first login by e-mail so that
 *   later logins go by the subject; one account per subject.
 * - `sessions.login_method`: how the session was opened (`password`, `digid`, `staff`), so logout can offer the
 *   provider's own logout.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("oidc_logins")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("provider", "varchar(20)", (c) => c.notNull())
    .addColumn("state", "varchar(100)", (c) => c.notNull())
    .addColumn("nonce", "varchar(100)", (c) => c.notNull())
    .addColumn("code_verifier", "varchar(200)", (c) => c.notNull())
    .addColumn("return_to", "varchar(300)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("oidc_logins_expires_idx").on("oidc_logins").column("expires_at").execute();

  await db.schema
    .createTable("user_identities")
    .addColumn("issuer", "varchar(300)", (c) => c.notNull())
    .addColumn("subject", "varchar(255)", (c) => c.notNull())
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_identities_pk", ["issuer", "subject"])
    .execute();
  await db.schema.createIndex("user_identities_user_idx").on("user_identities").columns(["issuer", "user_id"]).unique().execute();

  await db.schema
    .alterTable("sessions")
    .addColumn("login_method", "varchar(20)", (c) => c.notNull().defaultTo("password"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("login_method").execute();
  await db.schema.dropTable("user_identities").execute();
  await db.schema.dropTable("oidc_logins").execute();
}
