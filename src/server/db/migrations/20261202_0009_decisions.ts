import { randomUUID } from "node:crypto";
import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import { objectionTermEndsOn } from "../../domains/decisions/decisions.rules.js";
import { isPostgres } from "../dialect.js";

/** The objection term in law: six weeks from the day after the letter, past weekends and holidays (Atw). */
const termOf = (letterDate: string) => objectionTermEndsOn(letterDate);

const OUTCOMES: Record<string, string> = { upheld: "wellFounded", partlyUpheld: "partlyWellFounded", rejected: "unfounded" };
const DECISION_TYPES: Record<string, string> = {
  imposed: "sanctionImposed",
  imposedLower: "sanctionImposedLower",
  refrained: "sanctionRefrained",
};

interface OldSanction {
  id: string;
  client_id: string;
  outcome: string;
  facts: string;
  decision_reasons: string | null;
  ordinance_version: number | null;
  percentage: number | null;
  months: number | null;
  decided_by: string | null;
  decided_at: string | null;
  proposed_by: string;
  decision_letter_id: string;
  letter_date: string;
  hearing_held_on: string | null;
  hearing_channel: string | null;
  hearing_record: string | null;
  hearing_recorded_by: string | null;
}

interface OldObjection {
  id: string;
  sanction_id: string;
  received_on: string;
  grounds: string;
  late: number;
  decide_by: string;
  extended: number;
  outcome: string | null;
  outcome_on: string | null;
  outcome_note: string | null;
  registered_by: string | null;
  created_at: string;
}

/**
 * Every decision about a client becomes a decision record (besluit) with its letter, and the objection procedure
 * (Awb chapters 6 and 7) works on any decision. Hearing records of sanctions and objections are versioned: a
 * correction is a new version and every version is kept. The objections against sanctions move into the general
 * tables, each decided sanction with a decision letter getting its decision record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const user = (c: ColumnDefinitionBuilder) => c.references("users.id");
  const letter = (c: ColumnDefinitionBuilder) => c.references("letters.id");

  await db.schema
    .createTable("decisions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("type", "varchar(40)", (c) => c.notNull())
    .addColumn("subject_type", "varchar(40)", (c) => c.notNull())
    .addColumn("subject_id", "varchar(36)", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("ordinance_version", "integer", (c) => c.references("ordinance_versions.version"))
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("prepared_by", "varchar(36)", user)
    .addColumn("decided_by", "varchar(36)", user)
    .addColumn("decided_on", "varchar(10)", (c) => c.notNull())
    .addColumn("takes_effect_on", "varchar(10)", (c) => c.notNull())
    .addColumn("letter_id", "varchar(36)", letter)
    .addColumn("objection_term_ends_on", "varchar(10)")
    .addColumn("replaces_decision_id", "varchar(36)", (c) => c.references("decisions.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("decisions_client_idx").on("decisions").columns(["client_id", "decided_on"]).execute();
  await db.schema.createIndex("decisions_subject_idx").on("decisions").columns(["subject_type", "subject_id"]).execute();
  await db.schema.createIndex("decisions_replaces_idx").on("decisions").column("replaces_decision_id").execute();
  // A decision is never changed: a correction is a new decision naming the one it replaces.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'decisions are never changed'; END $$`.execute(db);
    await sql`CREATE TRIGGER decisions_immutable BEFORE UPDATE OR DELETE ON decisions
      FOR EACH ROW EXECUTE FUNCTION decisions_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
      BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END`.execute(db);
    await sql`CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
      BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END`.execute(db);
  }

  await db.schema
    .createTable("objections")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("decision_id", "varchar(36)", (c) => c.notNull().references("decisions.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("received_on", "varchar(10)", (c) => c.notNull())
    .addColumn("posted_on", "varchar(10)")
    .addColumn("grounds", "text", (c) => c.notNull())
    .addColumn("representative", "text")
    .addColumn("on_time", "integer", (c) => c.notNull())
    .addColumn("lateness_excusable", "integer")
    .addColumn("lateness_reasons", "text")
    .addColumn("objection_term_ends_on", "varchar(10)", (c) => c.notNull())
    .addColumn("decide_by", "varchar(10)", (c) => c.notNull())
    .addColumn("advisory_committee", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("postponed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("postponement_letter_id", "varchar(36)", letter)
    .addColumn("postponement_reasons", "text")
    .addColumn("consent_given_on", "varchar(10)")
    .addColumn("consent_note", "text")
    .addColumn("hearing_invitation_letter_id", "varchar(36)", letter)
    .addColumn("hearing_skip_reason", "varchar(40)")
    .addColumn("hearing_skip_note", "text")
    .addColumn("outcome", "varchar(40)")
    .addColumn("outcome_on", "varchar(10)")
    .addColumn("outcome_reasons", "text")
    .addColumn("outcome_decision_id", "varchar(36)", (c) => c.references("decisions.id"))
    .addColumn("registered_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("objections_one_per_decision").on("objections").column("decision_id").unique().execute();
  await db.schema.createIndex("objections_open_idx").on("objections").columns(["outcome", "decide_by"]).execute();

  await db.schema
    .createTable("objection_hearings")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("objection_id", "varchar(36)", (c) => c.notNull().references("objections.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("held_on", "varchar(10)", (c) => c.notNull())
    .addColumn("record", "text", (c) => c.notNull())
    .addColumn("conducted_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("correction_of", "integer")
    .addColumn("recorded_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("objection_hearings_version_unique")
    .on("objection_hearings")
    .columns(["objection_id", "version"])
    .unique()
    .execute();

  await db.schema
    .createTable("sanction_hearings")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("sanction_id", "varchar(36)", (c) => c.notNull().references("sanctions.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("held_on", "varchar(10)", (c) => c.notNull())
    .addColumn("channel", "varchar(20)", (c) => c.notNull())
    .addColumn("record", "text", (c) => c.notNull())
    .addColumn("recorded_by", "varchar(36)", user)
    .addColumn("correction_of", "integer")
    .addColumn("recorded_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sanction_hearings_version_unique")
    .on("sanction_hearings")
    .columns(["sanction_id", "version"])
    .unique()
    .execute();

  // The sanction points at its decision, its reconsideration's decision, and the day an ended sanction stopped.
  await db.schema.alterTable("sanctions").addColumn("decision_id", "varchar(36)").execute();
  await db.schema.alterTable("sanctions").addColumn("reconsideration_decision_id", "varchar(36)").execute();
  await db.schema.alterTable("sanctions").addColumn("ended_on", "varchar(10)").execute();

  await moveSanctionRecords(db as Kysely<Record<string, Record<string, unknown>>>);
  await db.schema.dropTable("sanction_objections").execute();
}

/** Existing hearings become version 1; each decided sanction with a letter gets its decision; objections move. */
async function moveSanctionRecords(db: Kysely<Record<string, Record<string, unknown>>>): Promise<void> {
  const sanctions = (
    await sql<OldSanction>`SELECT s.id, s.client_id, s.outcome, s.facts, s.decision_reasons, s.ordinance_version,
      s.percentage, s.months, s.decided_by, s.decided_at, s.proposed_by, s.decision_letter_id, l.letter_date,
      s.hearing_held_on, s.hearing_channel, s.hearing_record, s.hearing_recorded_by
    FROM sanctions s LEFT JOIN letters l ON l.id = s.decision_letter_id`.execute(db)
  ).rows;
  const now = new Date().toISOString();
  const decisionOf = new Map<string, { id: string; letterDate: string }>();
  for (const s of sanctions) {
    if (s.hearing_record && s.hearing_held_on) {
      await db
        .insertInto("sanction_hearings")
        .values({
          id: randomUUID(),
          sanction_id: s.id,
          version: 1,
          held_on: s.hearing_held_on,
          channel: s.hearing_channel ?? "writing",
          record: s.hearing_record,
          recorded_by: s.hearing_recorded_by,
          correction_of: null,
          recorded_at: s.decided_at ?? now,
        })
        .execute();
    }
    if (!s.decision_letter_id || !s.outcome) continue;
    const id = randomUUID();
    const imposed = s.outcome !== "refrained";
    await db
      .insertInto("decisions")
      .values({
        id,
        client_id: s.client_id,
        type: DECISION_TYPES[s.outcome] ?? "sanctionImposed",
        subject_type: "sanction",
        subject_id: s.id,
        summary: imposed
          ? `U krijgt een maatregel: uw bijstand wordt ${s.months ?? 0} maand(en) verlaagd met ${s.percentage ?? 0} procent.`
          : "U krijgt geen maatregel.",
        legal_basis: `Artikel 18, tweede lid, Participatiewet; afstemmingsverordening versie ${s.ordinance_version ?? "onbekend"}`,
        ordinance_version: s.ordinance_version,
        facts: s.facts,
        reasons: s.decision_reasons ?? "",
        prepared_by: s.proposed_by,
        decided_by: s.decided_by,
        decided_on: (s.decided_at ?? s.letter_date).slice(0, 10),
        takes_effect_on: s.letter_date,
        letter_id: s.decision_letter_id,
        objection_term_ends_on: termOf(s.letter_date),
        replaces_decision_id: null,
        created_at: s.decided_at ?? now,
      })
      .execute();
    await db.updateTable("sanctions").set({ decision_id: id }).where("id", "=", s.id).execute();
    decisionOf.set(s.id, { id, letterDate: s.letter_date });
  }
  const objections = (await sql<OldObjection>`SELECT * FROM sanction_objections`.execute(db)).rows;
  for (const o of objections) {
    const decision = decisionOf.get(o.sanction_id);
    const clientId = sanctions.find((s) => s.id === o.sanction_id)?.client_id;
    if (!decision || !clientId) continue;
    await db
      .insertInto("objections")
      .values({
        id: o.id,
        decision_id: decision.id,
        client_id: clientId,
        received_on: o.received_on,
        posted_on: null,
        grounds: o.grounds,
        representative: null,
        on_time: o.late === 1 ? 0 : 1,
        lateness_excusable: null,
        lateness_reasons: null,
        objection_term_ends_on: termOf(decision.letterDate),
        decide_by: o.decide_by,
        advisory_committee: 0,
        postponed: o.extended,
        postponement_letter_id: null,
        postponement_reasons: null,
        consent_given_on: null,
        consent_note: null,
        hearing_invitation_letter_id: null,
        hearing_skip_reason: null,
        hearing_skip_note: null,
        outcome: o.outcome ? (OUTCOMES[o.outcome] ?? o.outcome) : null,
        outcome_on: o.outcome_on,
        outcome_reasons: o.outcome_note,
        outcome_decision_id: null,
        registered_by: o.registered_by,
        created_at: o.created_at,
      })
      .execute();
  }
}
