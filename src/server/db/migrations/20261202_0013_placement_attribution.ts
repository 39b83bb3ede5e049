import { type Kysely, sql } from "kysely";

/**
 * Who ended a placement is decided after hearing the client. An ending records the account of whoever ended it (the
 * existing `end_note`) and their view of to whom it is attributable (`host_view_attribution`); `attributable_to` is the
 * attribution as determined, or `undetermined` while the ending waits for the consultant to hear the client. The
 * determination records the client's side (`attribution_client_account`, heard on `attribution_heard_on` through
 * `attribution_channel`: in person, by phone, in writing or through the portal), the reasons, who determined it and
 * when, and, when the ending is attributed to the client, the decision that says so (`attribution_decision_id`).
 *
 * Existing data keeps its meaning: the attribution an ended placement was recorded with was the view of whoever ended
 * it, so it is copied to `host_view_attribution`. Nobody heard the client on those endings, so their determination
 * columns stay empty: no client account, no reasons, no decision is invented. An ending attributed to someone other
 * than the client keeps that attribution (it can only protect the client). One attributed to the client becomes
 * `undetermined`: a sanction may rest on it only after the client is heard and the attribution is a decision with
 * objection rights, which these endings never had. Sanctions proposed before keep their own record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, "text" | "varchar(10)" | "varchar(20)"][] = [
    ["host_view_attribution", "varchar(20)"],
    ["attribution_reasons", "text"],
    ["attribution_client_account", "text"],
    ["attribution_heard_on", "varchar(10)"],
    ["attribution_channel", "varchar(20)"],
    ["attribution_determined_on", "varchar(10)"],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable("placements").addColumn(name, type).execute();
  }
  await db.schema
    .alterTable("placements")
    .addColumn("attribution_determined_by", "varchar(36)", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .alterTable("placements")
    .addColumn("attribution_decision_id", "varchar(36)", (c) => c.references("decisions.id"))
    .execute();

  await sql`UPDATE placements SET host_view_attribution = attributable_to
    WHERE status = 'ended' AND attributable_to IS NOT NULL`.execute(db);
  await sql`UPDATE placements SET attributable_to = 'undetermined'
    WHERE status = 'ended' AND attributable_to = 'client'`.execute(db);
}
