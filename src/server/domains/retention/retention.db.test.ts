import { randomUUID } from "node:crypto";
import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { multipartFile, SAMPLE_PDF } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { RetentionCounts } from "@shared/schemas/scheduler.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSystemAudit } from "../audit/audit.service.js";
import { insertPlan, insertProposals } from "../matching/match-plans.repo.js";
import { runDailyJob } from "../scheduler/scheduler.service.js";

/**
 * Retention on both databases, with the test's clock: records just inside their period stay, the day after they
 * go; letters and decisions stay whatever their age; a second run removes nothing more.
 */
const START = "2024-03-01";
const clock = new TestClock(START);
let t: TestApp;
let clientIds: string[];
let roleId: string;

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock });
  const consultant = await bearerFor(t.app, "consulent@demo.local");
  const caseload = (await t.app.inject({ url: "/api/v1/clients?assignedToMe=true&pageSize=10", headers: consultant })).json();
  clientIds = caseload.items.map((c: { id: string }) => c.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 20 }).where("id", "in", clientIds).execute();
  roleId = (await t.db.kysely.selectFrom("volunteer_roles").select("id").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

function client(index: number): string {
  return expectDefined(clientIds[index], `client ${index} of the caseload`);
}

/** Runs the daily job for `date` with the clock on that date; answers what retention counted. */
async function retainOn(date: string): Promise<RetentionCounts> {
  clock.set(date);
  const outcome = await runDailyJob(t.db.kysely, { clock, trigger: "manual", date });
  if (outcome.outcome !== "ran") throw new Error(`the daily job did not run: ${outcome.outcome}`);
  expect(outcome.run.status, outcome.run.error ?? "").toBe("succeeded");
  return JSON.parse(expectDefined(outcome.run.result, "the run's result")).retention;
}

const ids = async (table: "letters" | "decisions") => (await t.db.kysely.selectFrom(table).select("id").execute()).map((r) => r.id);

describe("retention in the daily job", () => {
  it("removes evidence a period after its subject closed and its objection terms passed; letters and decisions stay", async () => {
    clock.set(START);
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const exemption = (id: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/clients/${id}/exemptions`,
        headers: consultant,
        payload: {
          type: "medical",
          scope: "partial",
          maxHoursPerWeek: 8,
          startDate: START,
          reviewDate: addMonths(START, 6),
          reason: "Advies bedrijfsarts: hoogstens acht uur per week.",
        },
      });
    const upload = async (exemptionId: string) => {
      const { payload, headers } = multipartFile("file", "advies.pdf", "application/pdf", SAMPLE_PDF);
      const response = await t.app.inject({
        method: "POST",
        url: `/api/v1/exemptions/${exemptionId}/documents`,
        headers: { ...consultant, ...headers },
        payload,
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const ended = (await exemption(client(0))).json();
    const open = (await exemption(client(1))).json();
    const endedEvidence = await upload(ended.id);
    const openEvidence = await upload(open.id);

    clock.set("2024-05-01");
    const again = await bearerFor(t.app, "consulent@demo.local");
    const end = await t.app.inject({
      method: "POST",
      url: `/api/v1/exemptions/${ended.id}/end`,
      headers: again,
      payload: { endedOn: "2024-05-01", reason: "Hersteld volgens de bedrijfsarts." },
    });
    expect(end.statusCode).toBe(200);
    const terms = await t.db.kysely.selectFrom("decisions").select("objection_term_ends_on").where("subject_id", "=", ended.id).execute();
    expect(terms.length).toBeGreaterThanOrEqual(2);
    const lastTerm = terms
      .map((d) => expectDefined(d.objection_term_ends_on, "an objection term"))
      .sort()
      .at(-1) as string;
    expect(lastTerm > "2024-05-01").toBe(true);
    const letters = await ids("letters");
    const decisions = await ids("decisions");

    // Twelve months (the ordinance's default) after the last objection term: its last day, kept.
    expect((await retainOn(addMonths(lastTerm, 12))).evidenceDocuments).toBe(0);
    const kept = await t.db.kysely.selectFrom("documents").select("id").execute();
    expect(kept.map((d) => d.id)).toEqual(expect.arrayContaining([endedEvidence, openEvidence]));

    expect((await retainOn(addDays(addMonths(lastTerm, 12), 1))).evidenceDocuments).toBe(1);
    const left = (await t.db.kysely.selectFrom("documents").select("id").execute()).map((d) => d.id);
    expect(left).toContain(openEvidence);
    expect(left).not.toContain(endedEvidence);
    const removal = await t.db.kysely
      .selectFrom("audit_events")
      .select(["client_id", "actor_role"])
      .where("action", "=", "document.remove")
      .where("subject_id", "=", endedEvidence)
      .execute();
    expect(removal).toEqual([{ client_id: client(0), actor_role: "system" }]);
    expect(await ids("letters")).toEqual(expect.arrayContaining(letters));
    expect(await ids("decisions")).toEqual(expect.arrayContaining(decisions));
  });

  it("erases a check-in's free text after its period and keeps its scores", async () => {
    const checkIn = (heldOn: string) => ({
      id: randomUUID(),
      client_id: client(2),
      plan_id: null,
      held_on: heldOn,
      recorded_by: null,
      channel: "phone" as const,
      how_it_goes: "Het gaat beter sinds de verhuizing.",
      who5_items: JSON.stringify([3, 3, 3, 3, 3]),
      who5_raw: 15,
      ready_for_next_step: 0,
      created_at: `${heldOn}T10:00:00.000Z`,
      help_requested: 1,
      help_note: "Hulp bij de brieven van de deurwaarder.",
    });
    const older = checkIn("2024-06-01");
    const newer = checkIn("2024-06-02");
    await t.db.kysely.insertInto("check_ins").values([older, newer]).execute();
    // 24 months: held on 2024-06-02 is on its last day on 2026-06-02; the day before has passed.
    expect((await retainOn("2026-06-02")).checkInNotes).toBe(1);
    const rows = await t.db.kysely
      .selectFrom("check_ins")
      .select(["id", "how_it_goes", "help_note", "help_requested", "who5_raw"])
      .where("id", "in", [older.id, newer.id])
      .orderBy("held_on")
      .execute();
    // The words go; the scores and that help was asked stay.
    expect(rows).toEqual([
      { id: older.id, how_it_goes: null, help_note: null, help_requested: 1, who5_raw: 15 },
      { id: newer.id, how_it_goes: newer.how_it_goes, help_note: newer.help_note, help_requested: 1, who5_raw: 15 },
    ]);
  });

  it("removes the unfollowed proposals of match plans past their period; followed ones and newer plans stay", async () => {
    const plan = (createdAt: string) => ({
      id: randomUUID(),
      district: null,
      status: "done" as const,
      progress: 100,
      summary: null,
      error: null,
      requested_by: null,
      created_at: createdAt,
      finished_at: createdAt,
    });
    const proposal = (planId: string, clientId: string, status: "pending" | "accepted" | "rejected") => ({
      id: randomUUID(),
      plan_id: planId,
      client_id: clientId,
      role_id: roleId,
      hours_per_week: 4,
      cost: 10,
      reasons: "[]",
      status,
      reject_reason: status === "rejected" ? "Past niet bij de client." : null,
      reject_reason_code: status === "rejected" ? ("poorFit" as const) : null,
      placement_id: null,
      decided_by: null,
      decided_at: null,
    });
    const old = plan("2026-07-01T09:00:00.000Z");
    const recent = plan("2026-07-02T09:00:00.000Z");
    await insertPlan(t.db.kysely, old);
    await insertPlan(t.db.kysely, recent);
    const oldProposals = [proposal(old.id, client(3), "pending"), proposal(old.id, client(4), "rejected")];
    const followed = proposal(old.id, client(5), "accepted");
    const recentProposal = proposal(recent.id, client(3), "pending");
    await insertProposals(t.db.kysely, [...oldProposals, followed, recentProposal]);

    expect((await retainOn("2027-01-01")).matchProposals).toBe(0);
    expect((await retainOn("2027-01-02")).matchProposals).toBe(2);
    const left = await t.db.kysely.selectFrom("match_proposals").select("id").where("plan_id", "in", [old.id, recent.id]).execute();
    expect(left.map((p) => p.id).sort()).toEqual([followed.id, recentProposal.id].sort());
  });

  it("removes messages to clients three months after they were sent or finally failed; waiting and newer ones stay", async () => {
    const message = (status: "pending" | "sent" | "failed", at: string) => ({
      id: randomUUID(),
      client_id: client(6),
      kind: "letterReady" as const,
      subject_type: "letter" as const,
      subject_id: randomUUID(),
      channel: "email" as const,
      recipient: "klant@example.nl",
      language: "nl" as const,
      facts: "{}",
      status,
      attempts: status === "failed" ? 8 : 1,
      next_attempt_at: at,
      last_error: status === "failed" ? "550 mailbox unavailable" : null,
      created_at: at,
      sent_at: status === "sent" ? at : null,
      failed_at: status === "failed" ? at : null,
    });
    // 2027-01-15 in Amsterdam; three months later, on 2027-04-15, they are on their last day.
    const old = "2027-01-15T10:00:00.000Z";
    const sent = message("sent", old);
    const failed = message("failed", old);
    const waiting = message("pending", old);
    const newer = message("sent", "2027-01-16T10:00:00.000Z");
    await t.db.kysely.insertInto("notifications").values([sent, failed, waiting, newer]).execute();
    const left = async () =>
      (await t.db.kysely.selectFrom("notifications").select("id").where("client_id", "=", client(6)).execute()).map((m) => m.id).sort();

    expect((await retainOn("2027-04-15")).messages).toBe(0);
    expect((await retainOn("2027-04-16")).messages).toBe(2);
    expect(await left()).toEqual([waiting.id, newer.id].sort());
    expect((await retainOn("2027-04-16")).messages).toBe(0);
  });

  it("removes expired sessions only", async () => {
    clock.set("2027-02-01");
    const session = await bearerFor(t.app, "consulent@demo.local");
    const expired = () => t.db.kysely.selectFrom("sessions").select("id").where("expires_at", "<", clock.now().toISOString()).execute();
    clock.advance({ minutes: 29 });
    await retainOn(clock.today());
    expect((await t.app.inject({ url: "/api/v1/me", headers: session })).statusCode).toBe(200);
    clock.set("2027-02-02");
    expect((await expired()).length).toBeGreaterThanOrEqual(1);
    expect((await retainOn("2027-02-02")).sessions).toBeGreaterThanOrEqual(1);
    expect(await expired()).toEqual([]);
  });

  it("removes audit events after the ordinance's sixty months, keeps those on their last day, and counts zero when run again", async () => {
    const at = (instant: string) => ({ id: randomUUID(), clock: new TestClock(new Date(instant)) });
    const entry = { action: "retention.test", category: "write" as const };
    // 23:30 on 1 March and 00:30 on 2 March in Amsterdam (UTC+1).
    const older = at("2027-03-01T22:30:00.000Z");
    const onLastDay = at("2027-03-01T23:30:00.000Z");
    await recordSystemAudit(t.db.kysely, older, entry);
    await recordSystemAudit(t.db.kysely, onLastDay, entry);
    const runs = async () =>
      (await t.db.kysely.selectFrom("audit_events").select("request_id").where("action", "=", "retention.test").execute()).map(
        (e) => e.request_id,
      );

    const counts = await retainOn("2032-03-02");
    expect(counts.auditEvents).toBeGreaterThanOrEqual(1);
    expect(await runs()).toEqual([onLastDay.id]);
    // Idempotent: the same date again finds nothing left.
    expect(await retainOn("2032-03-02")).toEqual({
      sessions: 0,
      auditEvents: 0,
      checkInNotes: 0,
      evidenceDocuments: 0,
      matchProposals: 0,
      messages: 0,
      agencyAssignments: 0,
      researchExports: 0,
      workQueueNotes: 0,
      buddyContacts: 0,
      expenseAllowances: 0,
    });
    expect((await retainOn("2032-03-03")).auditEvents).toBeGreaterThanOrEqual(1);
    expect(await runs()).toEqual([]);
  });

  it("removes a research export and its file three months after it finished, keeps one on its last day and one in progress", async () => {
    const researcher = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "onderzoeker@demo.local")
      .executeTakeFirstOrThrow();
    const exportRow = (status: "done" | "failed" | "running", finishedAt: string | null) => ({
      id: randomUUID(),
      requested_by: researcher.id,
      period_from: "2031-01-01",
      period_to: "2031-12-31",
      status,
      progress: status === "running" ? 0.4 : 1,
      summary: status === "done" ? JSON.stringify({ rowCount: 120 }) : null,
      csv_gzip: status === "done" ? Buffer.from("gzipped rows") : null,
      error: status === "failed" ? "Stopped." : null,
      created_at: "2031-12-30T09:00:00.000Z",
      finished_at: finishedAt,
    });
    // Finished 23:30 on 1 September and 00:30 on 2 September in Amsterdam (UTC+2): the first has passed on 2 December.
    const done = exportRow("done", "2032-09-01T21:30:00.000Z");
    const failed = exportRow("failed", "2032-08-15T10:00:00.000Z");
    const onLastDay = exportRow("done", "2032-09-01T22:30:00.000Z");
    const running = exportRow("running", null);
    await t.db.kysely.insertInto("research_exports").values([done, failed, onLastDay, running]).execute();
    const left = async () =>
      (await t.db.kysely.selectFrom("research_exports").select("id").where("period_from", "=", "2031-01-01").execute())
        .map((r) => r.id)
        .sort();

    expect((await retainOn("2032-12-01")).researchExports).toBe(1);
    expect((await retainOn("2032-12-02")).researchExports).toBe(1);
    expect(await left()).toEqual([onLastDay.id, running.id].sort());
    expect((await retainOn("2032-12-03")).researchExports).toBe(1);
    expect(await left()).toEqual([running.id]);
  });

  it("keeps the audit log and evidence append-only outside the retention run", async () => {
    const event = await t.db.kysely.selectFrom("audit_events").select("id").executeTakeFirstOrThrow();
    await expect(t.db.kysely.deleteFrom("audit_events").where("id", "=", event.id).execute()).rejects.toThrow(/append-only/);
    const document = await t.db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow();
    await expect(t.db.kysely.deleteFrom("documents").where("id", "=", document.id).execute()).rejects.toThrow(/kept as uploaded/);
    expect(await t.db.kysely.selectFrom("retention_releases").selectAll().execute()).toEqual([]);
  });

  it("takes its periods from the ordinance in force: a new version sets some, carries over the rest, refuses one out of range", async () => {
    clock.set("2033-01-10");
    const admin = await bearerFor(t.app, "admin@demo.local");
    const {
      version: _v,
      effectiveFrom: _e,
      createdBy: _c,
      createdAt: _a,
      retention,
      ...settings
    } = (await t.app.inject({ url: "/api/v1/ordinance", headers: admin })).json().current;
    expect(retention).toEqual({ auditMonths: 60, checkInNoteMonths: 24, evidenceMonths: 12, matchProposalMonths: 6 });
    const post = (body: object) => t.app.inject({ method: "POST", url: "/api/v1/ordinance/versions", headers: admin, payload: body });
    const version = { ...settings, effectiveFrom: "2033-01-10", note: "Bewaartermijn notities verkort (raadsbesluit)." };

    const refused = await post({ ...version, retention: { checkInNoteMonths: 1 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toEqual([expect.objectContaining({ name: "retention.checkInNoteMonths" })]);

    const created = await post({ ...version, retention: { checkInNoteMonths: 6 } });
    expect(created.statusCode).toBe(201);
    expect(created.json().retention).toEqual({ ...retention, checkInNoteMonths: 6 });
    const heldOn = "2032-07-09";
    const checkIn = {
      id: randomUUID(),
      client_id: client(2),
      plan_id: null,
      held_on: heldOn,
      recorded_by: null,
      channel: "portal" as const,
      how_it_goes: "Goed.",
      who5_items: JSON.stringify([2, 2, 2, 2, 2]),
      who5_raw: 10,
      ready_for_next_step: 0,
      created_at: `${heldOn}T10:00:00.000Z`,
    };
    await t.db.kysely.insertInto("check_ins").values(checkIn).execute();
    expect((await retainOn("2033-01-10")).checkInNotes).toBe(1);
    const row = await t.db.kysely.selectFrom("check_ins").select("how_it_goes").where("id", "=", checkIn.id).executeTakeFirstOrThrow();
    expect(row.how_it_goes).toBeNull();
  });

  it("removes an assignment to an agency 24 months after its period ended, and keeps it on its last day", async () => {
    const teamLead = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "teamleider@demo.local")
      .executeTakeFirstOrThrow();
    const agency = await t.db.kysely.selectFrom("agencies").select("id").executeTakeFirstOrThrow();
    const id = randomUUID();
    await t.db.kysely
      .insertInto("agency_assignments")
      .values({
        id,
        agency_id: agency.id,
        client_id: client(3),
        start_date: "2033-01-11",
        end_date: "2033-06-30",
        intake_within_days: 28,
        placement_within_days: 90,
        placement_min_weeks: 13,
        assigned_by: teamLead.id,
        created_at: "2033-01-11T10:00:00.000Z",
      })
      .execute();
    const kept = async () => (await t.db.kysely.selectFrom("agency_assignments").select("id").where("id", "=", id).execute()).length;
    await retainOn("2035-06-30");
    expect(await kept()).toBe(1);
    expect((await retainOn("2035-07-01")).agencyAssignments).toBeGreaterThanOrEqual(1);
    expect(await kept()).toBe(0);
  });
});
