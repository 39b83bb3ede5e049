import { type Kysely, sql } from "kysely";

/** The three parties to a placement agreement, each signing separately. */
const PARTIES = ["client", "host", "municipality"] as const;

/**
 * A placement agreement records who signed and when, for each party separately: the client, the host organisation
 * and the municipality. `<party>_signed_on` is the day of the signature; `<party>_signed_by` the account that gave it
 * (the host's member, the consultant signing for the municipality) or, for the client, that recorded it (the client
 * in the portal, or the consultant who received the signed paper). `decision_id` is the decision the municipality's
 * signature made. The old `signed_by`/`signed_at` stay as who recorded the agreement, and when.
 *
 * Existing agreements keep what is known and nothing more: one recorded by a member of the host organisation carries
 * that host's signature on that day. One recorded by municipal staff, acting for the host, says nobody's signature
 * for sure, and the client's was never recorded: those signatures stay empty, to be given (and, for the
 * municipality, decided) in the app.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const party of PARTIES) {
    await db.schema.alterTable("placement_agreements").addColumn(`${party}_signed_on`, "varchar(10)").execute();
    await db.schema
      .alterTable("placement_agreements")
      .addColumn(`${party}_signed_by`, "varchar(36)", (c) => c.references("users.id"))
      .execute();
  }
  await db.schema
    .alterTable("placement_agreements")
    .addColumn("decision_id", "varchar(36)", (c) => c.references("decisions.id"))
    .execute();

  await sql`UPDATE placement_agreements
    SET host_signed_on = substr(signed_at, 1, 10), host_signed_by = signed_by
    WHERE signed_by IN (SELECT id FROM users WHERE role = 'host')`.execute(db);
}
