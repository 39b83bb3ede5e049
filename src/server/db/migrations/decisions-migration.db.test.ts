import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../connection.js";
import { migrateTo, migrateToLatest } from "../migrate.js";

/**
 * The decisions migration moves what sanctions held: a decided sanction with a decision letter gets its decision
 * record, its objection moves to the general table (outcome names mapped), and its hearing becomes version 1.
 * On SQLite, with foreign keys off, so only the rows this migration reads need to exist.
 */
const db = connectDatabase("sqlite::memory:");
afterAll(() => db.destroy());

describe("migration 0009: decisions", () => {
  it("moves sanction decisions, objections and hearings into the decision tables and drops the old table", async () => {
    await migrateTo(db, "20261202_0008_one_per_fact");
    const k = db.kysely;
    await sql`PRAGMA foreign_keys = OFF`.execute(k);
    await sql`INSERT INTO letters (id, client_id, kind, template, subject, letter_date, pdf, sha256, registered, delivery_status, created_at)
      VALUES ('l1', 'c1', 'sanctionDecision', 'sanction-decision', 'Besluit', '2026-11-13', x'00', 'h', 1, 'delivered', '2026-11-13T10:00:00Z')`.execute(
      k,
    );
    await sql`INSERT INTO sanctions (id, client_id, ground, facts_date, facts, culpability, circumstances, urgent_reasons, recurrence,
        proposed_by, proposed_at, status, hearing_held_on, hearing_channel, hearing_record, hearing_recorded_by, outcome, decision_reasons,
        percentage, months, ordinance_version, decided_by, decided_at, decision_letter_id, revoked)
      VALUES ('s1', 'c1', 'missedAppointments', '2026-10-01', 'Kwam niet.', 'full', 'Geen.', 0, 1, 'u-consultant', '2026-10-02T10:00:00Z',
        'decided', '2026-10-20', 'phone', 'Vergeten.', 'u-consultant', 'imposed', 'Verwijtbaar.', 5, 1, 1, 'u-lead',
        '2026-11-13T09:00:00Z', 'l1', 1)`.execute(k);
    await sql`INSERT INTO sanctions (id, client_id, ground, facts_date, facts, culpability, circumstances, urgent_reasons, recurrence,
        proposed_by, proposed_at, status, revoked)
      VALUES ('s2', 'c1', 'insufficientEffort', '2026-10-01', 'Niets.', 'full', 'Geen.', 0, 1, 'u-consultant', '2026-10-02T10:00:00Z',
        'proposed', 0)`.execute(k);
    await sql`INSERT INTO sanction_objections (id, sanction_id, received_on, grounds, late, decide_by, extended, outcome, outcome_on,
        outcome_note, registered_by, created_at)
      VALUES ('o1', 's1', '2026-11-20', 'Ik was ziek.', 0, '2027-01-01', 1, 'upheld', '2026-12-01', 'Ziekte aangetoond.', 'u-consultant',
        '2026-11-20T10:00:00Z')`.execute(k);

    await migrateToLatest(db);

    const decisions = await k.selectFrom("decisions").selectAll().execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      type: "sanctionImposed",
      subject_type: "sanction",
      subject_id: "s1",
      prepared_by: "u-consultant",
      decided_by: "u-lead",
      decided_on: "2026-11-13",
      letter_id: "l1",
      objection_term_ends_on: "2026-12-28",
    });
    const sanctions = await k.selectFrom("sanctions").select(["id", "decision_id"]).orderBy("id").execute();
    expect(sanctions).toEqual([
      { id: "s1", decision_id: decisions[0]?.id },
      { id: "s2", decision_id: null },
    ]);
    const objection = await k.selectFrom("objections").selectAll().executeTakeFirstOrThrow();
    expect(objection).toMatchObject({
      id: "o1",
      decision_id: decisions[0]?.id,
      client_id: "c1",
      on_time: 1,
      postponed: 1,
      decide_by: "2027-01-01",
      outcome: "wellFounded",
      outcome_reasons: "Ziekte aangetoond.",
      objection_term_ends_on: "2026-12-28",
    });
    const hearings = await k.selectFrom("sanction_hearings").selectAll().execute();
    expect(hearings).toMatchObject([{ sanction_id: "s1", version: 1, held_on: "2026-10-20", channel: "phone", record: "Vergeten." }]);
    const old = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'sanction_objections'`.execute(k);
    expect(old.rows).toEqual([]);
  });
});
