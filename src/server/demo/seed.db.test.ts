import { createHash } from "node:crypto";
import { createApp } from "@server/app.js";
import { systemClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { parseJsonColumn } from "@server/db/json.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestDatabase } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import { districtForPostcode } from "@shared/districts.js";
import { isOwnSituationStep } from "@shared/schemas/plans.js";
import { isValidBsn } from "@shared/validation/bsn.js";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoPopulation } from "./seed.js";

const opened: { drop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.drop()));
});

async function seeded(seed: number, clients: number, historyShare = 0) {
  const db = await createTestDatabase();
  opened.push(db);
  expect(await isDatabaseEmpty(db.kysely)).toBe(true);
  const counts = await seedDemoPopulation(db.kysely, { seed, clients, demoPassword: "demo", historyShare, clock: systemClock });
  return { db, counts };
}

describe("demo population", () => {
  it("creates the requested clients with valid, unique BSNs and consistent districts", async () => {
    const { db, counts } = await seeded(3, 1400);
    expect(counts.clients).toBe(1400);
    const rows = await db.kysely
      .selectFrom("clients")
      .select(["bsn", "postcode", "district", "birth_date", "benefit_start_date", "consultant_id"])
      .execute();
    expect(rows).toHaveLength(1400);
    expect(new Set(rows.map((r) => r.bsn)).size).toBe(1400);
    for (const row of rows) {
      expect(isValidBsn(row.bsn)).toBe(true);
      expect(row.bsn.startsWith("99")).toBe(true);
      expect(districtForPostcode(row.postcode)).toBe(row.district);
      expect(row.benefit_start_date > row.birth_date).toBe(true);
      expect(row.consultant_id).not.toBeNull();
    }
    expect(new Set(rows.map((r) => r.district)).size).toBe(14);
  });

  // Three seedings, each hashing the demo password (memory-hard on purpose) and, on PostgreSQL, creating its
  // own schema: a small population keeps the check about determinism, and the timeout leaves room for a busy machine.
  it("is deterministic for a seed and different for another", async () => {
    const names = async (seed: number) => {
      const { db } = await seeded(seed, 60);
      const rows = await db.kysely.selectFrom("clients").select(["bsn", "given_name", "family_name", "postcode"]).orderBy("bsn").execute();
      return rows.map((r) => `${r.bsn} ${r.given_name} ${r.family_name} ${r.postcode}`);
    };
    const first = await names(11);
    expect(await names(11)).toEqual(first);
    expect(await names(12)).not.toEqual(first);
  }, 90_000);

  it("creates the demo accounts with the bindings DESIGN.md promises", async () => {
    const { db } = await seeded(5, 300);
    const users = await db.kysely
      .selectFrom("users")
      .selectAll()
      .where(
        "email",
        "in",
        DEMO_ACCOUNTS.map((a) => a.email),
      )
      .execute();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    const districtsOf = async (email: string) =>
      (
        await db.kysely
          .selectFrom("user_districts")
          .innerJoin("users", "users.id", "user_districts.user_id")
          .select("district")
          .where("users.email", "=", email)
          .orderBy("district")
          .execute()
      ).map((r) => r.district);
    expect(await districtsOf("consulent@demo.local")).toEqual(["Charlois"]);
    expect(await districtsOf("consulent2@demo.local")).toEqual(["Overschie"]);
    expect(await districtsOf("teamleider@demo.local")).toEqual(["Charlois", "Overschie"]);
    const host = expectDefined(
      users.find((u) => u.email === "organisatie@demo.local"),
      "the host account",
    );
    const hostOrganisationId = expectDefined(host.organisation_id, "the host's organisation");
    const org = await db.kysely.selectFrom("organisations").selectAll().where("id", "=", hostOrganisationId).executeTakeFirstOrThrow();
    expect(org.district).toBe("Charlois");
    const client = expectDefined(
      users.find((u) => u.email === "klant@demo.local"),
      "the client account",
    );
    const clientId = expectDefined(client.client_id, "the client record behind the account");
    const record = await db.kysely.selectFrom("clients").selectAll().where("id", "=", clientId).executeTakeFirstOrThrow();
    expect(record.district).toBe("Charlois");
    expect(await isDatabaseEmpty(db.kysely)).toBe(false);
  });

  it("gives a share of clients a consistent two-year workflow history", async () => {
    const { db, counts } = await seeded(21, 900, 0.3);
    const k = db.kysely;
    expect(counts.letters).toBeGreaterThan(150);
    const invitations = await k
      .selectFrom("invitations")
      .innerJoin("letters", "letters.id", "invitations.letter_id")
      .innerJoin("appointments", "appointments.id", "invitations.appointment_id")
      .select([
        "invitations.client_id",
        "letters.client_id as letter_client",
        "appointments.client_id as appointment_client",
        "letters.delivery_status",
        "appointments.status",
        "appointments.starts_at",
        "appointments.consultant_id",
      ])
      .execute();
    const invitationLetters = await k.selectFrom("letters").select("id").where("kind", "=", "invitation").execute();
    expect(invitations).toHaveLength(invitationLetters.length);
    for (const row of invitations) {
      expect(row.letter_client).toBe(row.client_id);
      expect(row.appointment_client).toBe(row.client_id);
      // Only a delivered letter can lead to an attended intake.
      if (row.status === "attended") expect(row.delivery_status).toBe("delivered");
    }
    const live = invitations.filter((r) => r.status !== "cancelled").map((r) => `${r.consultant_id} ${r.starts_at}`);
    expect(new Set(live).size).toBe(live.length);

    const plans = await k
      .selectFrom("plans")
      .innerJoin("clients", "clients.id", "plans.client_id")
      .select(["plans.id", "clients.capacity_hours_per_week"])
      .execute();
    expect(plans.length).toBeGreaterThan(0);
    const steps = await k.selectFrom("plan_steps").select(["plan_id", "hours_per_week"]).execute();
    for (const plan of plans) {
      const hours = steps.filter((s) => s.plan_id === plan.id).reduce((sum, s) => sum + s.hours_per_week, 0);
      expect(hours).toBeLessThanOrEqual(expectDefined(plan.capacity_hours_per_week, "capacity of a client with a plan"));
      expect(hours).toBeLessThanOrEqual(20);
    }
    // Care and debt help ask no hours; every step that asks hours ends within the ordinance's twelve months.
    const terms = await k.selectFrom("plan_steps").select(["type", "hours_per_week", "start_date", "end_date"]).execute();
    expect(terms.filter((s) => isOwnSituationStep(s.type) && s.hours_per_week > 0)).toEqual([]);
    expect(terms.filter((s) => s.hours_per_week > 0 && (s.end_date === null || s.end_date > addMonths(s.start_date, 12)))).toEqual([]);
    const rungs = await k.selectFrom("ladder_assessments").select(["rung", "growth_rung"]).execute();
    expect(rungs.every((r) => r.rung >= 1 && r.rung <= 6 && (r.growth_rung ?? 6) >= r.rung)).toBe(true);
    const checkIns = await k.selectFrom("check_ins").select(["who5_raw", "who5_items"]).execute();
    expect(checkIns.every((c) => parseJsonColumn(z.array(z.number()), c.who5_items).reduce((a, b) => a + b, 0) === c.who5_raw)).toBe(true);

    const letter = await k.selectFrom("letters").select(["pdf", "sha256"]).executeTakeFirstOrThrow();
    expect(Buffer.from(letter.pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(Buffer.from(letter.pdf)).digest("hex")).toBe(letter.sha256);
    // Roles and placements follow the same rules as the API: no placement on a role that may not take one,
    // never more than its places, never more guidance than the organisation offers, never above capacity.
    const roles = await k.selectFrom("volunteer_roles").selectAll().execute();
    expect(new Set(roles.map((r) => r.status))).toEqual(new Set(["approved", "needsReview", "rejected"]));
    const placements = await k.selectFrom("placements").selectAll().execute();
    expect(placements.length).toBeGreaterThan(0);
    const roleById = new Map(roles.map((r) => [r.id, r]));
    const open = placements.filter((p) => p.status === "active");
    for (const placement of placements) expect(roleById.get(placement.role_id)?.status).toBe("approved");
    for (const role of roles) expect(open.filter((p) => p.role_id === role.id).length).toBeLessThanOrEqual(role.places);
    const orgs = await k.selectFrom("organisations").select(["id", "guidance_hours_per_week"]).execute();
    const perLevel = { light: 1, regular: 2, intensive: 4 } as Record<string, number>;
    for (const org of orgs) {
      const used = open
        .filter((p) => p.organisation_id === org.id)
        .reduce((sum, p) => sum + expectDefined(perLevel[p.guidance_level], p.guidance_level), 0);
      expect(used).toBeLessThanOrEqual(org.guidance_hours_per_week);
    }
    const agreements = await k.selectFrom("placement_agreements").select("placement_id").execute();
    expect(new Set(agreements.map((a) => a.placement_id))).toEqual(new Set(placements.map((p) => p.id)));
    const ended = placements.filter((p) => p.status === "ended");
    expect(ended.every((p) => p.end_reason && p.attributable_to)).toBe(true);

    // Exemptions are temporary and partial ones say their hours; caregiving carries the consultant's judgement.
    const exemptions = await k.selectFrom("exemptions").selectAll().execute();
    expect(exemptions.length).toBeGreaterThan(0);
    for (const e of exemptions) {
      expect(e.end_date ?? e.review_date).toBeTruthy();
      if (e.scope === "partial") expect(e.max_hours_per_week).toBeGreaterThan(0);
      else expect(e.max_hours_per_week).toBeNull();
    }
    const care = await k.selectFrom("caregiving").select(["beyond_customary_care", "judgement_reason"]).execute();
    expect(new Set(care.map((c) => c.beyond_customary_care))).toEqual(new Set([0, 1]));
    expect(care.every((c) => c.judgement_reason.length > 0)).toBe(true);

    // Sanctions went through due process: decided ones were heard, decided by someone else, with a decision and its letter.
    const sanctions = await k.selectFrom("sanctions").selectAll().execute();
    expect(sanctions.length).toBeGreaterThan(0);
    const decisions = new Map((await k.selectFrom("decisions").selectAll().execute()).map((d) => [d.id, d]));
    for (const s of sanctions.filter((row) => row.status === "decided")) {
      expect(s.hearing_record).toBeTruthy();
      expect(s.decided_by).not.toBe(s.proposed_by);
      expect(s.decision_letter_id).toBeTruthy();
      expect(decisions.get(s.decision_id ?? "")).toMatchObject({
        subject_id: s.id,
        letter_id: s.decision_letter_id,
        prepared_by: s.proposed_by,
      });
    }
    // Every sanction on a missed intake rests on a second one: a first missed intake is never a ground.
    const sequenceOf = new Map(
      (await k.selectFrom("invitations").select(["appointment_id", "sequence"]).execute()).map((i) => [i.appointment_id, i.sequence]),
    );
    for (const s of sanctions.filter((row) => row.appointment_id))
      expect(sequenceOf.get(s.appointment_id ?? ""), `sanction ${s.id}`).toBeGreaterThan(1);
    // An early ending is attributed only after the client was heard; attributed to the client it is a decision.
    const early = await k
      .selectFrom("placements")
      .selectAll()
      .where("status", "=", "ended")
      .where("end_reason", "not in", ["completed", "movedToPaidWork"])
      .execute();
    expect(early.length).toBeGreaterThan(0);
    // Those of the last two weeks still wait for the consultant; the older ones were heard a week after they ended.
    for (const p of early)
      expect(p.attributable_to === "undetermined", `placement ${p.id}`).toBe((p.ended_on ?? "") > addDays(systemClock.today(), -14));
    for (const p of early.filter((row) => row.attributable_to !== "undetermined")) {
      expect(p.attribution_client_account, `placement ${p.id}`).toBeTruthy();
      if (p.attributable_to === "client") expect(decisions.get(p.attribution_decision_id ?? "")?.type).toBe("placementAttribution");
    }
    // Every plan confirmed with hours is the consultant's assignment decision, its letter the plan's letter.
    const planRows = await k.selectFrom("plans").selectAll().where("status", "=", "confirmed").execute();
    const asked = planRows.filter((p) => steps.some((s) => s.plan_id === p.id && s.hours_per_week > 0));
    expect(asked.length).toBeGreaterThan(0);
    const assignments = [...decisions.values()].filter((d) => d.type === "assignment");
    for (const plan of asked) {
      const decision = expectDefined(
        assignments.find((d) => d.subject_id === plan.id),
        `the assignment of plan ${plan.id}`,
      );
      expect(decision).toMatchObject({
        client_id: plan.client_id,
        subject_type: "plan",
        decided_by: plan.confirmed_by,
        decided_on: plan.confirmed_on,
        letter_id: plan.letter_id,
        replaces_decision_id: null,
      });
      expect(decision.legal_basis).toContain("Participatiewet");
      expect(decision.ordinance_version).not.toBeNull();
      expect(decision.objection_term_ends_on).toBeTruthy();
    }
    expect(assignments).toHaveLength(asked.length);

    // Every placement that started has an agreement signed by all three parties before its start, and the
    // municipality's signature is the placement agreement decision with the agreement's letter.
    const signedAgreements = await k.selectFrom("placement_agreements").selectAll().execute();
    for (const placement of placements.filter((p) => p.status === "active" || p.status === "ended")) {
      const agreement = expectDefined(
        signedAgreements.find((a) => a.placement_id === placement.id),
        `the agreement of placement ${placement.id}`,
      );
      const start = expectDefined(placement.started_on, "the start of a placement that started");
      for (const party of ["client", "host", "municipality"] as const) {
        expect(agreement[`${party}_signed_on`]).toBeTruthy();
        expect(expectDefined(agreement[`${party}_signed_on`], `${party} signature`) < start).toBe(true);
      }
      expect(agreement.client_signed_by).toBeTruthy();
      expect(agreement.municipality_signed_by).toBe(placement.proposed_by);
      expect(decisions.get(agreement.decision_id ?? "")).toMatchObject({
        type: "placementAgreement",
        client_id: placement.client_id,
        subject_type: "placementAgreement",
        subject_id: agreement.id,
        decided_by: agreement.municipality_signed_by,
        decided_on: agreement.municipality_signed_on,
        letter_id: agreement.letter_id,
      });
    }
    const demoHostAgreements = await k
      .selectFrom("placement_agreements")
      .innerJoin("placements", "placements.id", "placement_agreements.placement_id")
      .innerJoin("users", "users.organisation_id", "placements.organisation_id")
      .select(["placement_agreements.host_signed_by", "users.id as host_user"])
      .where("users.email", "=", "organisatie@demo.local")
      .execute();
    expect(demoHostAgreements.every((a) => a.host_signed_by === a.host_user)).toBe(true);

    // The demo client sees a decision of their own in the portal.
    const demoClient = await k.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
    const app = await createApp({ config: loadConfig({ NODE_ENV: "test" }), db, logger: false, webRoot: null, clock: systemClock });
    await app.ready();
    try {
      const listed = await app.inject({
        method: "GET",
        url: `/api/v1/clients/${demoClient.client_id}/decisions`,
        headers: await bearerFor(app, "klant@demo.local"),
      });
      expect(listed.statusCode).toBe(200);
      const items: { id: string }[] = listed.json().items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(decisions.get(item.id)?.client_id).toBe(demoClient.client_id);
    } finally {
      await app.close();
    }

    const objections = await k.selectFrom("objections").select("decision_id").execute();
    expect(objections.every((o) => decisions.has(o.decision_id))).toBe(true);

    const availability = await k.selectFrom("consultant_availability").select("consultant_id").distinct().execute();
    const consultants = await k.selectFrom("users").select("id").where("role", "=", "consultant").execute();
    expect(availability).toHaveLength(consultants.length);

    // Two intermediary agencies, one in Charlois, each with two workers and clients assigned who have a history.
    const agencies = await k.selectFrom("agencies").selectAll().orderBy("name").execute();
    expect(agencies.map((a) => [a.name, a.district])).toEqual([
      ["Stap Verder Bemiddeling", "Overschie"],
      ["Werkpad Charlois", "Charlois"],
    ]);
    for (const agency of agencies) {
      const workers = await k
        .selectFrom("users")
        .select("email")
        .where("agency_id", "=", agency.id)
        .where("role", "=", "agencyWorker")
        .execute();
      expect(workers).toHaveLength(2);
      const assigned = await k
        .selectFrom("agency_assignments")
        .innerJoin("clients", "clients.id", "agency_assignments.client_id")
        .select(["client_id", "district"])
        .where("agency_id", "=", agency.id)
        .execute();
      expect(assigned.length, `${agency.name}: assigned clients`).toBeGreaterThan(0);
      expect(new Set(assigned.map((a) => a.district))).toEqual(new Set([agency.district]));
      const withHistory = await k
        .selectFrom("check_ins")
        .select("client_id")
        .where(
          "client_id",
          "in",
          assigned.map((a) => a.client_id),
        )
        .execute();
      expect(withHistory.length, `${agency.name}: check-ins of assigned clients`).toBeGreaterThan(0);
    }
  }, 90_000);

  it("scales staff and organisations with the population, like Rotterdam's 18,000 : 120 : 600", async () => {
    const { counts, db } = await seeded(9, 3000);
    const consultants = await db.kysely
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "consultant")
      .executeTakeFirstOrThrow();
    expect(Number(consultants.n)).toBe(20);
    expect(counts.organisations).toBe(100);
  });
});
