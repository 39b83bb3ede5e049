import { randomUUID } from "node:crypto";
import { expectDefined } from "@server/testing/expect-defined.js";
import type { TestApp } from "@server/testing/test-app.js";
import { bearerFor, createTestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { type StatisticsOverview, statisticsOverview } from "@shared/schemas/statistics.js";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Hand-built events in 2031, a year the seeded population's history never reaches, in Charlois (three clients) and
 * Overschie (one): every figure below is a number these rows make, so a broken query changes it.
 */
let t: TestApp;
let admin: { authorization: string };
let before: StatisticsOverview;
const Q = "from=2031-01-01&to=2031-06-30&groupBy=quarter";

async function overview(query: string, headers = admin): Promise<StatisticsOverview> {
  const response = await t.app.inject({ url: `/api/v1/statistics/overview?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return statisticsOverview.parse(response.json());
}

/** A cell by its table, keys and measure; absent rows read 0, as the tables leave out empty combinations. */
function cell(o: StatisticsOverview, id: string, keys: string[], measure: string): number | null {
  const table = expectDefined(o.tables.find((candidate) => candidate.id === id));
  const m = table.measures.findIndex((candidate) => candidate.key === measure);
  expect(m, `${id}.${measure}`).toBeGreaterThanOrEqual(0);
  const row = table.rows.find((candidate) => candidate.keys.join("|") === keys.join("|"));
  return row ? (row.values[m] ?? null) : 0;
}
const added = (after: StatisticsOverview, id: string, keys: string[], measure: string) =>
  (cell(after, id, keys, measure) ?? Number.NaN) - (cell(before, id, keys, measure) ?? Number.NaN);

beforeAll(async () => {
  t = await createTestApp();
  admin = await bearerFor(t.app, "admin@demo.local");
  before = await overview(`${Q}&district=Charlois`);
  const db = t.db.kysely;
  // Clients without any history of their own, so their first invitation, check-in and rung are the ones made here.
  const clientIn = async (district: string, skip: number) =>
    (
      await db
        .selectFrom("clients")
        .select("id")
        .where("district", "=", district)
        .where((eb) =>
          eb.and(
            (["invitations", "check_ins", "ladder_assessments", "placements", "plan_steps"] as const).map((table) =>
              eb.not(eb.exists(eb.selectFrom(table).select("client_id").whereRef(`${table}.client_id`, "=", "clients.id"))),
            ),
          ),
        )
        .orderBy("id")
        .offset(skip)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
  const [c1, c2, c3, o1] = [
    await clientIn("Charlois", 0),
    await clientIn("Charlois", 1),
    await clientIn("Charlois", 2),
    await clientIn("Overschie", 0),
  ];
  const consultant = (await db.selectFrom("users").select("id").where("email", "=", "consulent@demo.local").executeTakeFirstOrThrow()).id;
  const at = (day: string) => `${day}T10:00:00.000Z`;

  const letter = async (clientId: string, day: string, status: "sent" | "delivered" | "returned" = "sent") => {
    const id = randomUUID();
    await db
      .insertInto("letters")
      .values({
        id,
        client_id: clientId,
        kind: "invitation",
        template: "invitation",
        subject: "Uitnodiging",
        letter_date: day,
        pdf: Buffer.from("%PDF-1.4"),
        sha256: "0".repeat(64),
        registered: 1,
        tracking_number: null,
        delivery_status: status,
        delivery_updated_at: null,
        created_by: consultant,
        created_at: at(day),
      })
      .execute();
    return id;
  };
  let slot = 0;
  const invite = async (clientId: string, day: string, status: "sent" | "delivered" | "returned") => {
    const appointment = randomUUID();
    slot++;
    await db
      .insertInto("appointments")
      .values({
        id: appointment,
        client_id: clientId,
        consultant_id: consultant,
        kind: "intake",
        starts_at: at(day).replace("10:00", `1${slot}:00`),
        ends_at: at(day).replace("10:00", `1${slot}:30`),
        location: "Stadswinkel",
        status: "planned",
        created_by: consultant,
        created_at: at(day),
        updated_at: at(day),
      })
      .execute();
    await db
      .insertInto("invitations")
      .values({
        id: randomUUID(),
        client_id: clientId,
        sequence: 1,
        appointment_id: appointment,
        letter_id: await letter(clientId, day, status),
        created_by: consultant,
        created_at: at(day),
      })
      .execute();
  };
  await invite(c1, "2031-01-10", "delivered");
  await invite(c2, "2031-01-12", "returned");
  await invite(c3, "2031-04-02", "sent");
  await invite(o1, "2031-01-10", "delivered");

  const scores = {
    income_debts: 3,
    daily_activities: 3,
    housing: 3,
    physical_health: 3,
    mental_health: 3,
    addiction: 3,
    social_network: 3,
    language: 3,
  };
  await db
    .insertInto("intakes")
    .values({
      id: randomUUID(),
      client_id: c1,
      appointment_id: null,
      consultant_id: consultant,
      held_on: "2031-02-01",
      ...scores,
      caring_duties: null,
      education_history: null,
      work_history: null,
      interests: "[]",
      skills: "[]",
      availability: "[]",
      travel_radius_km: 5,
      capacity_hours_per_week: 8,
      ladder_rung: 2,
      growth_rung: 4,
      health_notes: null,
      notes: null,
      created_at: at("2031-02-01"),
    })
    .execute();

  const plan = randomUUID();
  await db
    .insertInto("plans")
    .values({
      id: plan,
      client_id: c1,
      version: 1,
      status: "confirmed",
      reporting_frequency_weeks: 4,
      confirmed_on: "2031-02-10",
      confirmed_by: consultant,
      letter_id: null,
      created_by: consultant,
      created_at: at("2031-02-05"),
    })
    .execute();
  const step = (type: "languageCourse" | "exercise", start: string, end: string | null, status: "active" | "completed", position: number) =>
    db
      .insertInto("plan_steps")
      .values({
        id: randomUUID(),
        plan_id: plan,
        client_id: c1,
        position,
        type,
        title: type,
        goal: null,
        hours_per_week: 2,
        start_date: start,
        end_date: end,
        provider: null,
        status,
        stop_reason: null,
        created_at: at("2031-02-05"),
        updated_at: at("2031-02-05"),
      })
      .execute();
  await step("languageCourse", "2031-02-15", null, "active", 1);
  await step("exercise", "2031-04-01", "2031-04-30", "completed", 2);

  const role = expectDefined(
    await db
      .selectFrom("volunteer_roles")
      .innerJoin("organisations", "organisations.id", "volunteer_roles.organisation_id")
      .select(["volunteer_roles.id as roleId", "organisations.id as organisationId"])
      .where("organisations.district", "=", "Charlois")
      .executeTakeFirst(),
  );
  const placement = (clientId: string, started: string, ended: string | null, reason: "movedToPaidWork" | "health" | null) =>
    db
      .insertInto("placements")
      .values({
        id: randomUUID(),
        client_id: clientId,
        role_id: role.roleId,
        organisation_id: role.organisationId,
        status: ended ? "ended" : "active",
        hours_per_week: 4,
        guidance_level: "regular",
        guidance_override_reason: null,
        proposed_by: consultant,
        decision_reason: null,
        decided_by: null,
        started_on: started,
        ended_on: ended,
        end_reason: reason,
        end_note: null,
        attributable_to: reason === "health" ? "health" : reason ? "none" : null,
        ordinance_version: null,
        host_view_attribution: null,
        attribution_reasons: null,
        attribution_client_account: null,
        attribution_heard_on: null,
        attribution_channel: null,
        attribution_determined_by: null,
        attribution_determined_on: null,
        attribution_decision_id: null,
        created_at: at(started),
        updated_at: at(started),
        client_side_account: null,
        client_side_reason: null,
        client_side_given_on: null,
      })
      .execute();
  await placement(c1, "2031-03-01", "2031-04-20", "movedToPaidWork");
  await placement(c2, "2031-03-05", "2031-03-25", "health");

  const assess = (clientId: string, day: string, rung: number) =>
    db
      .insertInto("ladder_assessments")
      .values({
        id: randomUUID(),
        client_id: clientId,
        rung,
        growth_rung: null,
        assessed_on: day,
        assessor_id: consultant,
        source: "checkIn",
        created_at: at(day),
      })
      .execute();
  await assess(c3, "2030-12-20", 2);
  await assess(c3, "2031-05-15", 5);

  const checkIn = (clientId: string, day: string, raw: number) =>
    db
      .insertInto("check_ins")
      .values({
        id: randomUUID(),
        client_id: clientId,
        plan_id: null,
        held_on: day,
        recorded_by: consultant,
        channel: "phone",
        how_it_goes: null,
        who5_items: "[2,2,2,2,2]",
        who5_raw: raw,
        ready_for_next_step: 0,
        created_at: at(day),
        help_note: null,
      })
      .execute();
  await checkIn(c3, "2031-02-20", 10);
  await checkIn(c3, "2031-04-20", 15);

  const sanction = (clientId: string, day: string, outcome: string, revoked: number, decisionId: string | null) =>
    db
      .insertInto("sanctions")
      .values({
        id: randomUUID(),
        client_id: clientId,
        ground: "insufficientEffort",
        facts_date: day,
        facts: "Niet gekomen.",
        appointment_id: null,
        placement_id: null,
        letter_id: null,
        culpability: "full",
        circumstances: "Geen.",
        children_interests: null,
        urgent_reasons: 0,
        urgent_reasons_note: null,
        recurrence: 0,
        proposed_by: consultant,
        proposed_at: at(day),
        status: "decided",
        hearing_letter_id: null,
        hearing_respond_by: null,
        hearing_held_on: null,
        hearing_channel: null,
        hearing_record: null,
        hearing_recorded_by: null,
        outcome,
        decision_reasons: null,
        level: null,
        percentage: null,
        months: null,
        ordinance_version: null,
        decided_by: null,
        decided_at: null,
        decision_letter_id: null,
        reconsider_by: null,
        reconsidered_on: null,
        reconsideration_outcome: null,
        reconsideration_note: null,
        revoked,
        decision_id: decisionId,
        reconsideration_decision_id: null,
        ended_on: null,
        plan_id: null,
        plan_step_id: null,
        not_done: null,
        urgent_reasons_lapsed_reasons: null,
        urgent_reasons_lapsed_by: null,
        urgent_reasons_lapsed_at: null,
      })
      .execute();
  const decision = randomUUID();
  await db
    .insertInto("decisions")
    .values({
      id: decision,
      client_id: c3,
      type: "sanctionImposed",
      subject_type: "sanction",
      subject_id: randomUUID(),
      summary: "Maatregel",
      legal_basis: "Pw art. 18",
      ordinance_version: null,
      facts: "x",
      reasons: "x",
      prepared_by: consultant,
      decided_by: consultant,
      decided_on: "2031-03-05",
      takes_effect_on: "2031-03-05",
      letter_id: null,
      objection_term_ends_on: "2031-04-16",
      replaces_decision_id: null,
      created_at: at("2031-03-05"),
    })
    .execute();
  await sanction(c2, "2031-02-10", "imposed", 0, null);
  await sanction(c3, "2031-03-01", "imposed", 1, decision);
  await db
    .insertInto("objections")
    .values({
      id: randomUUID(),
      decision_id: decision,
      client_id: c3,
      received_on: "2031-03-20",
      posted_on: null,
      grounds: "Onterecht.",
      representative: null,
      on_time: 1,
      lateness_excusable: null,
      lateness_reasons: null,
      objection_term_ends_on: "2031-04-16",
      decide_by: "2031-05-15",
      advisory_committee: 0,
      postponed: 0,
      postponement_letter_id: null,
      postponement_reasons: null,
      consent_given_on: null,
      consent_note: null,
      hearing_invitation_letter_id: null,
      hearing_skip_reason: null,
      hearing_skip_note: null,
      outcome: "wellFounded",
      outcome_on: "2031-04-10",
      outcome_reasons: "Ziek.",
      outcome_decision_id: null,
      registered_by: consultant,
      created_at: at("2031-03-20"),
    })
    .execute();
  await db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      occurred_at: at("2031-02-11"),
      actor_id: consultant,
      actor_email: "consulent@demo.local",
      actor_role: "consultant",
      action: "sanction.refused",
      category: "write",
      client_id: c1,
      subject_type: "client",
      subject_id: c1,
      request_id: null,
      details: JSON.stringify({ code: "activeExemption", ground: "insufficientEffort" }),
    })
    .execute();

  // Formalised contributions, caregiving, exemptions, accountability, displacement and guidance.
  await db
    .insertInto("contributions")
    .values({
      id: randomUUID(),
      client_id: c2,
      kind: "ownInitiative",
      organisation_id: null,
      organisation_name: "Buurthuis",
      description: "Koffie schenken",
      hours_per_week: 4,
      since: "2030-06-01",
      status: "active",
      ended_on: null,
      letter_id: await letter(c2, "2031-02-03"),
      created_by: consultant,
      created_at: at("2031-02-03"),
    })
    .execute();
  const care = (clientId: string, day: string, beyond: number) =>
    db
      .insertInto("caregiving")
      .values({
        id: randomUUID(),
        client_id: clientId,
        relation: "parent",
        description: null,
        hours_per_week: 10,
        since: "2030-01-01",
        beyond_customary_care: beyond,
        judgement_reason: "Beoordeeld.",
        judged_by: consultant,
        status: "active",
        ended_on: null,
        created_at: at(day),
      })
      .execute();
  await care(c1, "2031-02-05", 1);
  await care(c3, "2031-04-06", 0);
  const exemption = (clientId: string, type: "medical" | "caregiving", start: string, end: string | null) =>
    db
      .insertInto("exemptions")
      .values({
        id: randomUUID(),
        client_id: clientId,
        type,
        scope: "full",
        max_hours_per_week: null,
        start_date: start,
        end_date: end,
        review_date: null,
        reason: "Reden.",
        status: "active",
        requested_by: consultant,
        decided_by: consultant,
        decided_at: at(start),
        decision_note: null,
        co_signed_by: null,
        co_signed_at: null,
        ended_on: null,
        end_reason: null,
        ordinance_version: 1,
        created_at: at(start),
        updated_at: at(start),
        covers_tegenprestatie: 1,
        covers_work_obligations: 0,
        child_birth_date: null,
        unmet_condition: null,
      })
      .execute();
  await exemption(c3, "medical", "2031-02-01", "2031-04-01");
  await exemption(c2, "caregiving", "2031-05-01", null);
  const overdueDays = (
    await db.selectFrom("ordinance_versions").select("accountability_overdue_days").where("version", "=", 1).executeTakeFirstOrThrow()
  ).accountability_overdue_days;
  const request = async (clientId: string, day: string, respondedOn: string | null) =>
    db
      .insertInto("accountability_requests")
      .values({
        id: randomUUID(),
        client_id: clientId,
        subject_type: "caregiving",
        subject_id: randomUUID(),
        requested_on: day,
        ordinance_version: 1,
        letter_id: await letter(clientId, day),
        reminded_on: null,
        reminder_letter_id: null,
        status: respondedOn ? "confirmed" : "open",
        responded_on: respondedOn,
        response: null,
        responded_by: null,
        created_at: at(day),
      })
      .execute();
  await request(c1, "2031-01-05", addDays("2031-01-05", overdueDays));
  await request(c2, "2031-01-05", addDays("2031-01-05", overdueDays + 1));
  await request(c3, "2031-01-06", null);
  await db
    .insertInto("displacement_checks")
    .values({
      id: randomUUID(),
      role_id: role.roleId,
      kind: "review",
      answers: null,
      outcome: "rejected",
      reason: "Betaald werk.",
      decided_by: consultant,
      created_at: at("2031-05-02"),
    })
    .execute();
  await placement(c3, "2031-05-01", null, null);
});
afterAll(async () => t?.close());

describe("the figures, counted from hand-built records", () => {
  it("counts the funnel per quarter: invitations, letters delivered and returned, intakes, plans, placements", async () => {
    const after = await overview(`${Q}&district=Charlois`);
    expect(added(after, "funnel", ["2031-Q1"], "invited")).toBe(2);
    expect(added(after, "funnel", ["2031-Q2"], "invited")).toBe(1);
    expect(added(after, "funnel", ["2031-Q1"], "lettersDelivered")).toBe(1);
    expect(added(after, "funnel", ["2031-Q1"], "lettersReturned")).toBe(1);
    expect(added(after, "funnel", ["2031-Q1"], "intakesHeld")).toBe(1);
    expect(added(after, "funnel", ["2031-Q1"], "plansConfirmed")).toBe(1);
    expect(added(after, "funnel", ["2031-Q1"], "placementsStarted")).toBe(2);
    // Overschie's invitation is not Charlois's; the city counts both.
    const city = await overview(Q);
    expect(cell(city, "funnel", ["2031-Q1"], "invited")).toBe(3);
  });

  it("counts steps under way by type, endings by reason and attribution, and the days to the first activity", async () => {
    const after = await overview(`${Q}&district=Charlois`);
    expect(added(after, "activeSteps", ["2031-Q1", "languageCourse"], "clientsActive")).toBe(1);
    expect(added(after, "activeSteps", ["2031-Q2", "languageCourse"], "stepsStarted")).toBe(0);
    expect(added(after, "activeSteps", ["2031-Q2", "exercise"], "stepsStarted")).toBe(1);
    expect(added(after, "endings", ["2031-Q1", "health", "health"], "ended")).toBe(1);
    expect(added(after, "endings", ["2031-Q2", "movedToPaidWork", "none"], "ended")).toBe(1);
    // c1: invited 10 January, language course from 15 February (36 days); c2: invited 12 January, placed 5 March (52).
    expect(cell(after, "timeToFirstActivity", ["2031-Q1"], "clients")).toBe(2);
    expect(cell(after, "timeToFirstActivity", ["2031-Q1"], "medianDays")).toBe(44);
    expect(added(after, "outflow", ["2031-Q2", "placementEnded"], "clients")).toBe(1);
  });

  it("follows the ladder (distribution, transitions, first rung of paid work) and WHO-5 from its baseline", async () => {
    const after = await overview(`${Q}&district=Charlois`);
    expect(added(after, "ladderTransitions", ["2", "5"], "clients")).toBe(1);
    expect(added(after, "ladderDistribution", ["2031-Q2", "5"], "clients")).toBe(1);
    expect(added(after, "outflow", ["2031-Q2", "ladderPaidWork"], "clients")).toBe(1);
    expect(cell(after, "wellbeing", ["2031-Q1", "baseline"], "checkIns")).toBe(1);
    expect(cell(after, "wellbeing", ["2031-Q1", "baseline"], "meanScore")).toBe(40);
    expect(cell(after, "wellbeing", ["2031-Q2", "followUp"], "meanScore")).toBe(60);
  });

  it("counts sanctions through due process and objections by outcome", async () => {
    const after = await overview(`${Q}&district=Charlois`);
    expect(cell(after, "sanctions", ["2031-Q1"], "proposed")).toBe(2);
    expect(cell(after, "sanctions", ["2031-Q1"], "imposed")).toBe(1);
    expect(cell(after, "sanctions", ["2031-Q1"], "objected")).toBe(1);
    expect(cell(after, "sanctions", ["2031-Q1"], "revokedOnObjection")).toBe(1);
    expect(cell(after, "sanctions", ["2031-Q1"], "refusedBy.activeExemption")).toBe(1);
    expect(cell(after, "objections", ["2031-Q1", "sanctionImposed", "wellFounded"], "received")).toBe(1);
  });

  it("counts contributions formalised, caregiving judged, exemptions by ground and length, accountability answered on time", async () => {
    const after = await overview(`${Q}&district=Charlois`);
    expect(added(after, "contributions", ["2031-Q1", "ownInitiative"], "formalised")).toBe(1);
    expect(added(after, "caregiving", ["2031-Q1"], "accepted")).toBe(1);
    expect(added(after, "caregiving", ["2031-Q2"], "customaryCare")).toBe(1);
    expect(added(after, "exemptions", ["2031-Q1", "medical", "upToThreeMonths"], "granted")).toBe(1);
    expect(added(after, "exemptions", ["2031-Q2", "caregiving", "openEnded"], "granted")).toBe(1);
    expect(added(after, "accountability", ["2031-Q1"], "answeredOnTime")).toBe(1);
    expect(added(after, "accountability", ["2031-Q1"], "answeredLate")).toBe(1);
    expect(added(after, "accountability", ["2031-Q1"], "unanswered")).toBe(1);
  });

  it("counts roles rejected for displacement and the guidance a placement under way needs", async () => {
    const after = await overview(`${Q}&district=Charlois`);
    expect(added(after, "displacement", ["2031-Q2"], "rolesReviewed")).toBe(1);
    expect(added(after, "displacement", ["2031-Q2"], "rolesRejected")).toBe(1);
    const regular = (await t.db.kysely.selectFrom("ordinance_versions").select("guidance_hours_regular").executeTakeFirstOrThrow())
      .guidance_hours_regular;
    // c3's placement is under way on the last day; c1's and c2's ended before it.
    expect(added(after, "guidance", ["Charlois"], "placements")).toBe(1);
    expect(added(after, "guidance", ["Charlois"], "demandHours")).toBe(regular);
  });

  it("hides the researcher's small counts, secondary cells too, and offers the coarser choice", async () => {
    const researcher = await bearerFor(t.app, "onderzoeker@demo.local");
    const shown = await overview(`${Q}&district=Charlois`, researcher);
    expect(shown.suppressedBelow).toBe(5);
    expect(shown.coarser).toEqual({ groupBy: "year" });
    for (const table of shown.tables) {
      for (const row of table.rows)
        for (const value of row.values) expect(value === null || value === 0 || value >= 5 || !Number.isInteger(value)).toBe(true);
    }
    const sanctions = expectDefined(shown.tables.find((table) => table.id === "sanctions"));
    expect(sanctions.rows.map((row) => row.values[0])).toEqual([null, 0]);
    expect(sanctions.totals?.[0]).toBeNull();
    expect(sanctions.hiddenCells).toBeGreaterThan(0);
  });

  it("keeps a consultant to their own district: 403 for another, their own without asking", async () => {
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const other = await t.app.inject({ url: `/api/v1/statistics/overview?${Q}&district=Overschie`, headers: consultant });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe("districtOutOfScope");
    const own = await overview(Q, consultant);
    expect(cell(own, "funnel", ["2031-Q1"], "invited")).toBe(2);
    const lead = await bearerFor(t.app, "teamleider@demo.local");
    expect(cell(await overview(Q, lead), "funnel", ["2031-Q1"], "invited")).toBe(3);
    const host = await bearerFor(t.app, "organisatie@demo.local");
    expect((await t.app.inject({ url: `/api/v1/statistics/overview?${Q}`, headers: host })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/statistics/overview?${Q}` })).statusCode).toBe(401);
  });

  it("refuses a backwards period naming the field", async () => {
    const response = await t.app.inject({ url: "/api/v1/statistics/overview?from=2031-02-01&to=2031-01-01", headers: admin });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0]).toMatchObject({ name: "to", code: "beforeStart" });
  });

  it("gives the same figures as one CSV file, with the researcher's hidden cells empty", async () => {
    const researcher = await bearerFor(t.app, "onderzoeker@demo.local");
    const response = await t.app.inject({ url: `/api/v1/statistics/overview?${Q}&district=Charlois&format=csv`, headers: researcher });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain("cijfers-charlois-2031-01-01-2031-06-30-quarter.csv");
    const lines: Record<string, string>[] = parse(response.body, { columns: true });
    const json = await overview(`${Q}&district=Charlois`, researcher);
    const cells = json.tables.flatMap((table) => table.rows.flatMap((row) => row.values.map((value) => ({ table: table.id, value }))));
    const csvCells = lines.filter((line) => line.line === "cell");
    expect(csvCells).toHaveLength(cells.length);
    csvCells.forEach((line, i) => {
      expect(line.table).toBe(cells[i]?.table);
      expect(line.value).toBe(cells[i]?.value === null ? "" : String(cells[i]?.value));
      expect(line.hidden).toBe(cells[i]?.value === null ? "1" : "0");
    });
    const proposed = expectDefined(
      lines.find((line) => line.table === "sanctions" && line.period === "2031-Q1" && line.measure === "proposed"),
    );
    expect(proposed.value).toBe("");
  });
});
