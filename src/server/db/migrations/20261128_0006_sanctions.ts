import type { ColumnDefinitionBuilder, Kysely } from "kysely";

/** Sanctions with due process: proposal, weighing, hearing, a second decision-maker, letters, reconsideration, objections. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const user = (c: ColumnDefinitionBuilder) => c.references("users.id");
  const letter = (c: ColumnDefinitionBuilder) => c.references("letters.id");

  // Which level of the ordinance's scale each ground starts at; later versions may change it.
  await db.schema
    .alterTable("ordinance_versions")
    .addColumn("sanction_ground_levels", "text", (c) =>
      c
        .notNull()
        .defaultTo(
          JSON.stringify({ missedAppointments: 1, insufficientEffort: 1, refusedContribution: 2, stoppedPlacementWithoutReason: 2 }),
        ),
    )
    .execute();
  await db.schema
    .alterTable("ordinance_versions")
    .addColumn("hearing_response_days", "integer", (c) => c.notNull().defaultTo(14))
    .execute();

  await db.schema
    .createTable("sanctions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("ground", "varchar(40)", (c) => c.notNull())
    .addColumn("facts_date", "varchar(10)", (c) => c.notNull())
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("appointment_id", "varchar(36)", (c) => c.references("appointments.id"))
    .addColumn("placement_id", "varchar(36)", (c) => c.references("placements.id"))
    .addColumn("letter_id", "varchar(36)", letter)
    .addColumn("culpability", "varchar(10)", (c) => c.notNull()) // reduced, full (none is refused)
    .addColumn("circumstances", "text", (c) => c.notNull())
    .addColumn("children_interests", "text")
    .addColumn("urgent_reasons", "integer", (c) => c.notNull())
    .addColumn("urgent_reasons_note", "text")
    .addColumn("recurrence", "integer", (c) => c.notNull())
    .addColumn("proposed_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("proposed_at", "varchar(40)", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // proposed, decided
    .addColumn("hearing_letter_id", "varchar(36)", letter)
    .addColumn("hearing_respond_by", "varchar(10)")
    .addColumn("hearing_held_on", "varchar(10)")
    .addColumn("hearing_channel", "varchar(20)") // inPerson, phone, writing, portal
    .addColumn("hearing_record", "text")
    .addColumn("hearing_recorded_by", "varchar(36)", user)
    .addColumn("outcome", "varchar(20)") // imposed, imposedLower, refrained
    .addColumn("decision_reasons", "text")
    .addColumn("level", "integer")
    .addColumn("percentage", "real")
    .addColumn("months", "integer")
    .addColumn("ordinance_version", "integer", (c) => c.references("ordinance_versions.version"))
    .addColumn("decided_by", "varchar(36)", user)
    .addColumn("decided_at", "varchar(40)")
    .addColumn("decision_letter_id", "varchar(36)", letter)
    .addColumn("reconsider_by", "varchar(10)")
    .addColumn("reconsidered_on", "varchar(10)")
    .addColumn("reconsideration_outcome", "varchar(20)") // maintained, ended
    .addColumn("reconsideration_note", "text")
    .addColumn("revoked", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("sanctions_client_idx").on("sanctions").columns(["client_id", "status"]).execute();

  await db.schema
    .createTable("sanction_objections")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("sanction_id", "varchar(36)", (c) => c.notNull().references("sanctions.id"))
    .addColumn("received_on", "varchar(10)", (c) => c.notNull())
    .addColumn("grounds", "text", (c) => c.notNull())
    .addColumn("late", "integer", (c) => c.notNull())
    .addColumn("decide_by", "varchar(10)", (c) => c.notNull())
    .addColumn("extended", "integer", (c) => c.notNull())
    .addColumn("outcome", "varchar(20)") // upheld, partlyUpheld, rejected
    .addColumn("outcome_on", "varchar(10)")
    .addColumn("outcome_note", "text")
    .addColumn("registered_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("objections_sanction_idx").on("sanction_objections").column("sanction_id").unique().execute();
}
