import type { Database } from "@server/db/schema.js";
import { addDays } from "@shared/dates.js";
import type { StatisticsGroupBy } from "@shared/schemas/statistics.js";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Period } from "./statistics.periods.js";

/**
 * The SQL of the figures. Every query groups in the database (by period and category) over the clients of the scope:
 * `districts` null is the whole city; otherwise the clients (or, for roles and guidance, the organisations) of those
 * districts. Dates are `YYYY-MM-DD` text and date-times ISO text on both databases, so a period is a prefix of either.
 */
export interface FigureQuery {
  from: string;
  to: string;
  groupBy: StatisticsGroupBy;
  districts: string[] | null;
}

type Db = Kysely<Database>;

/** The period key of a date or date-time column, as `periodKeyOf` computes it. */
function periodOf(column: RawBuilder<unknown>, groupBy: StatisticsGroupBy): RawBuilder<string> {
  if (groupBy === "month") return sql<string>`substr(${column}, 1, 7)`;
  if (groupBy === "year") return sql<string>`substr(${column}, 1, 4)`;
  return sql<string>`substr(${column}, 1, 4) || '-Q' || cast((cast(substr(${column}, 6, 2) as integer) + 2) / 3 as varchar(1))`;
}

/** `and <column> in (districts)` for a scoped query; nothing for the whole city; never true for no districts. */
function inDistricts(column: string, districts: string[] | null): RawBuilder<unknown> {
  if (districts === null) return sql``;
  if (districts.length === 0) return sql`and 1 = 0`;
  return sql`and ${sql.ref(column)} in (${sql.join(districts)})`;
}

/** `and <column> is a client of the districts`; nothing for the whole city, so its queries join no clients at all. */
function ofClients(column: string, districts: string[] | null): RawBuilder<unknown> {
  if (districts === null) return sql``;
  return sql`and ${sql.ref(column)} in (select c.id from clients c where 1 = 1 ${inDistricts("c.district", districts)})`;
}

/** `and <column> is an organisation of the districts`; nothing for the whole city. */
function ofOrganisations(column: string, districts: string[] | null): RawBuilder<unknown> {
  if (districts === null) return sql``;
  return sql`and ${sql.ref(column)} in (select o.id from organisations o where 1 = 1 ${inDistricts("o.district", districts)})`;
}

/** A date-time column within the query's days: from its first day up to (not including) the day after its last. */
function withinDays(column: string, q: FigureQuery): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= ${q.from} and ${sql.ref(column)} < ${addDays(q.to, 1)}`;
}

/** A date column within the query's days. */
function withinDates(column: string, q: FigureQuery): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= ${q.from} and ${sql.ref(column)} <= ${q.to}`;
}

/** The periods as a derived table `(period, starts, ends)`, for figures counted per period over spans of time. */
function periodTable(periods: readonly Period[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    periods.map(
      (p) =>
        sql`select cast(${p.key} as varchar(10)) as period, cast(${p.starts} as varchar(10)) as starts, cast(${p.ends} as varchar(10)) as ends`,
    ),
    sql` union all `,
  )})`;
}

async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

const n = (value: unknown) => Number(value ?? 0);

/** Clients on benefit by the period their benefit started in; those who started before the query under `""`. */
export async function cohortStarts(db: Db, q: FigureQuery) {
  const earlier = await rows(
    db,
    sql<{ clients: unknown }>`select count(*) as clients from clients c
    where c.benefit_start_date < ${q.from} ${inDistricts("c.district", q.districts)}`,
  );
  const during = await rows(
    db,
    sql<{ period: string; clients: unknown }>`select ${periodOf(sql.ref("c.benefit_start_date"), q.groupBy)} as period, count(*) as clients
    from clients c where ${withinDates("c.benefit_start_date", q)} ${inDistricts("c.district", q.districts)} group by 1`,
  );
  return [{ period: "", clients: n(earlier[0]?.clients) }, ...during.map((r) => ({ period: r.period, clients: n(r.clients) }))];
}

/** Invitations by period, with how many of their registered letters were delivered and how many came back. */
export async function invitationsByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{
      period: string;
      invited: unknown;
      delivered: unknown;
      returned: unknown;
    }>`select ${periodOf(sql.ref("i.created_at"), q.groupBy)} as period,
      count(*) as invited,
      sum(case when l.delivery_status = 'delivered' then 1 else 0 end) as delivered,
      sum(case when l.delivery_status = 'returned' then 1 else 0 end) as returned
    from invitations i join letters l on l.id = i.letter_id
    where ${withinDays("i.created_at", q)} ${ofClients("i.client_id", q.districts)} group by 1`,
  );
  return found.map((r) => ({ period: r.period, invited: n(r.invited), delivered: n(r.delivered), returned: n(r.returned) }));
}

/** Events of one kind by period: intakes held, plans confirmed, placements started. */
export async function eventsByPeriod(db: Db, q: FigureQuery, event: "intakesHeld" | "plansConfirmed" | "placementsStarted") {
  const source = {
    intakesHeld: { table: "intakes", column: "e.held_on" },
    plansConfirmed: { table: "plans", column: "e.confirmed_on" },
    placementsStarted: { table: "placements", column: "e.started_on" },
  }[event];
  const found = await rows(
    db,
    sql<{ period: string; events: unknown }>`select ${periodOf(sql.ref(source.column), q.groupBy)} as period, count(*) as events
    from ${sql.table(source.table)} e
    where ${withinDates(source.column, q)} ${ofClients("e.client_id", q.districts)} group by 1`,
  );
  return found.map((r) => ({ period: r.period, events: n(r.events) }));
}

/**
 * Plan steps of the clients' current plans by period and type: the clients with a step under way in the period, and
 * the steps that started in it. A step stopped or completed without an end date ended when it was last changed.
 */
export async function activeStepsByPeriod(db: Db, q: FigureQuery, periods: readonly Period[]) {
  const found = await rows(
    db,
    sql<{ period: string; type: string; clients: unknown; started: unknown }>`select p.period, s.type,
      count(distinct s.client_id) as clients, sum(case when s.start_date >= p.starts then 1 else 0 end) as started
    from ${periodTable(periods)} p
    join plan_steps s on s.start_date <= p.ends
      and coalesce(s.end_date, case when s.status in ('completed', 'stopped') then substr(s.updated_at, 1, 10) end, p.ends) >= p.starts
    join plans pl on pl.id = s.plan_id
    where pl.status = 'confirmed' and s.status in ('active', 'completed', 'stopped') ${ofClients("s.client_id", q.districts)}
    group by p.period, s.type`,
  );
  return found.map((r) => ({ period: r.period, type: r.type, clients: n(r.clients), started: n(r.started) }));
}

/** Contributions formalised (an agreement with its letter) by period and kind. */
export async function contributionsByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{
      period: string;
      kind: string;
      formalised: unknown;
    }>`select ${periodOf(sql.ref("k.created_at"), q.groupBy)} as period, k.kind, count(*) as formalised
    from contributions k
    where ${withinDays("k.created_at", q)} ${ofClients("k.client_id", q.districts)} group by 1, 2`,
  );
  return found.map((r) => ({ period: r.period, kind: r.kind, formalised: n(r.formalised) }));
}

/** Placements ended by period, reason and attribution (`notRecorded` for endings that carry none). */
export async function endingsByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{
      period: string;
      reason: string;
      attribution: string;
      ended: unknown;
    }>`select ${periodOf(sql.ref("pl.ended_on"), q.groupBy)} as period,
      coalesce(pl.end_reason, 'other') as reason, coalesce(pl.attributable_to, 'notRecorded') as attribution, count(*) as ended
    from placements pl
    where pl.status = 'ended' and ${withinDates("pl.ended_on", q)} ${ofClients("pl.client_id", q.districts)} group by 1, 2, 3`,
  );
  return found.map((r) => ({ period: r.period, reason: r.reason, attribution: r.attribution, ended: n(r.ended) }));
}

/**
 * For each client whose first activity after their first invitation began in the period: the day of that invitation and
 * of the activity (a placement started, or a step of a confirmed plan under way).
 */
export async function firstActivities(db: Db, q: FigureQuery) {
  return rows(
    db,
    sql<{ invited_on: string; first_activity: string }>`select inv.invited_on, min(act.started_on) as first_activity
    from (select client_id, min(substr(created_at, 1, 10)) as invited_on from invitations group by client_id) inv
    join (
      select client_id, started_on from placements where started_on is not null
      union all
      select s.client_id, s.start_date from plan_steps s join plans pl on pl.id = s.plan_id
      where pl.status in ('confirmed', 'superseded') and s.status in ('active', 'completed', 'stopped')
    ) act on act.client_id = inv.client_id and act.started_on >= inv.invited_on
    where 1 = 1 ${ofClients("inv.client_id", q.districts)}
    group by inv.client_id, inv.invited_on
    having min(act.started_on) >= ${q.from} and min(act.started_on) <= ${q.to}`,
  );
}

/** Every rung assessment up to the query's last day, per client in date order (intake, then check-ins). */
export async function ladderAssessments(db: Db, q: FigureQuery) {
  return rows(
    db,
    sql<{ client_id: string; rung: number; assessed_on: string }>`select a.client_id, a.rung, a.assessed_on
    from ladder_assessments a
    where a.assessed_on <= ${q.to} ${ofClients("a.client_id", q.districts)}
    order by a.client_id, a.assessed_on, a.created_at`,
  );
}

/** WHO-5 check-ins by period: the client's first (the baseline) apart from later ones, with their count and mean 0–100. */
export async function wellbeingByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{
      period: string;
      moment: string;
      checkins: unknown;
      mean: unknown;
    }>`select ${periodOf(sql.ref("ci.held_on"), q.groupBy)} as period,
      case when ci.held_on = f.first_on then 'baseline' else 'followUp' end as moment,
      count(*) as checkins, avg(ci.who5_raw * 4.0) as mean
    from check_ins ci join (select client_id, min(held_on) as first_on from check_ins group by client_id) f on f.client_id = ci.client_id
   
    where ${withinDates("ci.held_on", q)} ${ofClients("ci.client_id", q.districts)} group by 1, 2`,
  );
  return found.map((r) => ({ period: r.period, moment: r.moment, checkIns: n(r.checkins), mean: Number(r.mean) }));
}

/** Exemptions granted (in force or ended since) that started in the query's days: ground and granted end. */
export async function exemptionsGranted(db: Db, q: FigureQuery) {
  return rows(
    db,
    sql<{ type: string; start_date: string; end_date: string | null }>`select e.type, e.start_date, e.end_date
    from exemptions e
    where e.status in ('active', 'ended') and ${withinDates("e.start_date", q)} ${ofClients("e.client_id", q.districts)}`,
  );
}

/** Care for someone close by period of judgement: accepted as the contribution (beyond customary care) or not. */
export async function caregivingByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{ period: string; accepted: unknown; customary: unknown }>`select ${periodOf(sql.ref("g.created_at"), q.groupBy)} as period,
      sum(case when g.beyond_customary_care = 1 then 1 else 0 end) as accepted,
      sum(case when g.beyond_customary_care = 1 then 0 else 1 end) as customary
    from caregiving g
    where ${withinDays("g.created_at", q)} ${ofClients("g.client_id", q.districts)} group by 1`,
  );
  return found.map((r) => ({ period: r.period, accepted: n(r.accepted), customary: n(r.customary) }));
}

/** Accountability requests made in the query's days, with their answer and the ordinance version they fall under. */
export async function accountabilityRequests(db: Db, q: FigureQuery) {
  return rows(
    db,
    sql<{
      requested_on: string;
      responded_on: string | null;
      ordinance_version: number;
    }>`select r.requested_on, r.responded_on, r.ordinance_version
    from accountability_requests r
    where ${withinDates("r.requested_on", q)} ${ofClients("r.client_id", q.districts)}`,
  );
}

/**
 * Sanctions by period of proposal: proposed, imposed (and not revoked), refrained, objected against, and revoked on
 * objection.
 */
export async function sanctionsByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{ period: string; proposed: unknown; imposed: unknown; refrained: unknown; objected: unknown; revoked: unknown }>`select
      ${periodOf(sql.ref("s.proposed_at"), q.groupBy)} as period, count(*) as proposed,
      sum(case when s.revoked = 0 and s.outcome in ('imposed', 'imposedLower') then 1 else 0 end) as imposed,
      sum(case when s.revoked = 0 and s.outcome = 'refrained' then 1 else 0 end) as refrained,
      sum(case when exists (select 1 from objections o where o.decision_id = s.decision_id) then 1 else 0 end) as objected,
      sum(case when s.revoked = 1 then 1 else 0 end) as revoked
    from sanctions s
    where ${withinDays("s.proposed_at", q)} ${ofClients("s.client_id", q.districts)} group by 1`,
  );
  return found.map((r) => ({
    period: r.period,
    proposed: n(r.proposed),
    imposed: n(r.imposed),
    refrained: n(r.refrained),
    objected: n(r.objected),
    revoked: n(r.revoked),
  }));
}

/** Proposals refused by a rule (only the audit log keeps them): the day and the event's details, with the rule's code. */
export async function sanctionRefusals(db: Db, q: FigureQuery) {
  return rows(
    db,
    sql<{ occurred_at: string; details: string | null }>`select a.occurred_at, a.details
    from audit_events a
    where a.action = 'sanction.refused' and ${withinDays("a.occurred_at", q)} ${ofClients("a.client_id", q.districts)}`,
  );
}

/** Objections received by period, the type of decision objected to, and the outcome (`pending` until decided). */
export async function objectionsByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{
      period: string;
      decision: string;
      outcome: string;
      received: unknown;
    }>`select ${periodOf(sql.ref("o.received_on"), q.groupBy)} as period,
      d.type as decision, coalesce(o.outcome, 'pending') as outcome, count(*) as received
    from objections o join decisions d on d.id = o.decision_id
    where ${withinDates("o.received_on", q)} ${ofClients("o.client_id", q.districts)} group by 1, 2, 3`,
  );
  return found.map((r) => ({ period: r.period, decision: r.decision, outcome: r.outcome, received: n(r.received) }));
}

/** Displacement checks of roles by period (reviews, and every check that rejected a role), by the organisation's district. */
export async function displacementChecksByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{ period: string; reviewed: unknown; rejected: unknown }>`select ${periodOf(sql.ref("dc.created_at"), q.groupBy)} as period,
      sum(case when dc.kind = 'review' then 1 else 0 end) as reviewed,
      sum(case when dc.outcome = 'rejected' then 1 else 0 end) as rejected
    from displacement_checks dc join volunteer_roles r on r.id = dc.role_id
    where ${withinDays("dc.created_at", q)} ${ofOrganisations("r.organisation_id", q.districts)} group by 1`,
  );
  return found.map((r) => ({ period: r.period, reviewed: n(r.reviewed), rejected: n(r.rejected) }));
}

/** Displacement complaints filed by period, and how many of them were upheld. */
export async function complaintsByPeriod(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{ period: string; filed: unknown; upheld: unknown }>`select ${periodOf(sql.ref("dp.created_at"), q.groupBy)} as period,
      count(*) as filed, sum(case when dp.status = 'upheld' then 1 else 0 end) as upheld
    from displacement_complaints dp join volunteer_roles r on r.id = dp.role_id
    where ${withinDays("dp.created_at", q)} ${ofOrganisations("r.organisation_id", q.districts)} group by 1`,
  );
  return found.map((r) => ({ period: r.period, filed: n(r.filed), upheld: n(r.upheld) }));
}

/** Guidance hours per week the organisations of each district declare. */
export async function guidanceSupply(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{ district: string; hours: unknown }>`select coalesce(o.district, '') as district, sum(o.guidance_hours_per_week) as hours
    from organisations o where 1 = 1 ${inDistricts("o.district", q.districts)} group by 1`,
  );
  return found.map((r) => ({ district: r.district, hours: n(r.hours) }));
}

/** Placements under way on the query's last day, by their organisation's district and guidance level. */
export async function placementsUnderWay(db: Db, q: FigureQuery) {
  const found = await rows(
    db,
    sql<{ district: string; level: string; placements: unknown }>`select coalesce(o.district, '') as district, pl.guidance_level as level,
      count(*) as placements
    from placements pl join organisations o on o.id = pl.organisation_id
    where pl.started_on <= ${q.to} and (pl.ended_on is null or pl.ended_on > ${q.to}) and pl.status in ('active', 'ended')
      ${inDistricts("o.district", q.districts)} group by 1, 2`,
  );
  return found.map((r) => ({ district: r.district, level: r.level, placements: n(r.placements) }));
}

/**
 * Outflow to paid work by period: placements ended because the client found paid work, and clients who reached rung 5
 * or 6 of the ladder (paid work, with or without support) for the first time after a lower rung.
 */
export async function outflowByPeriod(db: Db, q: FigureQuery) {
  const placements = await rows(
    db,
    sql<{
      period: string;
      clients: unknown;
    }>`select ${periodOf(sql.ref("pl.ended_on"), q.groupBy)} as period, count(distinct pl.client_id) as clients
    from placements pl
    where pl.end_reason = 'movedToPaidWork' and ${withinDates("pl.ended_on", q)} ${ofClients("pl.client_id", q.districts)} group by 1`,
  );
  const ladder = await rows(
    db,
    sql<{ period: string; clients: unknown }>`select ${periodOf(sql.ref("x.reached_on"), q.groupBy)} as period, count(*) as clients
    from (
      select a.client_id, min(a.assessed_on) as reached_on from ladder_assessments a
      where a.rung >= 5 and exists (
        select 1 from ladder_assessments b where b.client_id = a.client_id and b.rung < 5 and b.assessed_on < a.assessed_on
      )
      group by a.client_id
    ) x
    where ${withinDates("x.reached_on", q)} ${ofClients("x.client_id", q.districts)} group by 1`,
  );
  return {
    placementEnded: placements.map((r) => ({ period: r.period, clients: n(r.clients) })),
    ladderPaidWork: ladder.map((r) => ({ period: r.period, clients: n(r.clients) })),
  };
}
