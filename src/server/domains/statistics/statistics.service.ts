import type { Actor } from "@server/auth/actor.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { Database } from "@server/db/schema.js";
import { listOrdinanceVersions, ordinanceOn } from "@server/domains/ordinance/ordinance.repo.js";
import { addDays } from "@shared/dates.js";
import { SANCTION_BLOCKS } from "@shared/schemas/sanctions.js";
import { SMALL_CELL_THRESHOLD, type StatisticsOverview } from "@shared/schemas/statistics.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import {
  byKey,
  count,
  daysBetween,
  exemptionLength,
  figure,
  keyOf,
  median,
  perPeriod,
  rounded,
  rungsAt,
  stock,
} from "./statistics.figures.js";
import { type Period, periodsBetween } from "./statistics.periods.js";
import * as repo from "./statistics.repo.js";
import {
  assertDistrictInScope,
  coarserChoice,
  type FigureTable,
  isSuppressedFor,
  showAllCells,
  suppressSmallCells,
} from "./statistics.rules.js";

/** What the overview is asked for: the shared query, parsed. */
export interface OverviewQuery {
  from: string;
  to: string;
  district?: string | undefined;
  groupBy: StatisticsOverview["groupBy"];
}

/**
 * The details of a `sanction.refused` audit event: the refusal code and the ground proposed. The code stays text, as
 * written at the time, so an event of a rule since renamed is read and left out rather than failing the figures.
 */
export const sanctionRefusalDetails = z.object({ code: z.string(), ground: z.string().optional() });

type Db = Kysely<Database>;
type Build = (db: Db, q: repo.FigureQuery, periods: Period[]) => Promise<FigureTable>;

const funnel: Build = async (db, q, periods) => {
  const [cohort, invitations, intakes, plans, placements] = await Promise.all([
    repo.cohortStarts(db, q),
    repo.invitationsByPeriod(db, q),
    repo.eventsByPeriod(db, q, "intakesHeld"),
    repo.eventsByPeriod(db, q, "plansConfirmed"),
    repo.eventsByPeriod(db, q, "placementsStarted"),
  ]);
  const starts = byKey(
    cohort,
    (r) => r.period,
    (r) => r.clients,
  );
  let onBenefit = starts.get("") ?? 0;
  const invited = new Map(invitations.map((r) => [r.period, r]));
  const events = (rows: { period: string; events: number }[]) =>
    byKey(
      rows,
      (r) => r.period,
      (r) => r.events,
    );
  const [held, confirmed, started] = [events(intakes), events(plans), events(placements)];
  return figure(
    { id: "funnel", chart: "bar", dimensions: ["period"] },
    [
      stock("cohort"),
      count("invited"),
      count("lettersDelivered"),
      count("lettersReturned"),
      count("intakesHeld"),
      count("plansConfirmed"),
      count("placementsStarted"),
    ],
    perPeriod(periods, (p) => {
      onBenefit += starts.get(p) ?? 0;
      const i = invited.get(p);
      return [
        onBenefit,
        i?.invited ?? 0,
        i?.delivered ?? 0,
        i?.returned ?? 0,
        held.get(p) ?? 0,
        confirmed.get(p) ?? 0,
        started.get(p) ?? 0,
      ];
    }),
  );
};

const activeSteps: Build = async (db, q, periods) =>
  figure(
    { id: "activeSteps", chart: "stackedBar", dimensions: ["period", "stepType"] },
    [stock("clientsActive"), count("stepsStarted")],
    (await repo.activeStepsByPeriod(db, q, periods)).map((r) => ({ keys: [r.period, r.type], values: [r.clients, r.started] })),
  );

const contributions: Build = async (db, q) =>
  figure(
    { id: "contributions", chart: "stackedBar", dimensions: ["period", "kind"] },
    [count("formalised")],
    (await repo.contributionsByPeriod(db, q)).map((r) => ({ keys: [r.period, r.kind], values: [r.formalised] })),
  );

const endings: Build = async (db, q) =>
  figure(
    { id: "endings", chart: "stackedBar", dimensions: ["period", "reason", "attribution"] },
    [count("ended")],
    (await repo.endingsByPeriod(db, q)).map((r) => ({ keys: [r.period, r.reason, r.attribution], values: [r.ended] })),
  );

const timeToFirstActivity: Build = async (db, q) => {
  const days = new Map<string, number[]>();
  for (const r of await repo.firstActivities(db, q)) {
    const key = keyOf(r.first_activity, q.groupBy);
    days.set(key, [...(days.get(key) ?? []), daysBetween(r.invited_on, r.first_activity)]);
  }
  const all = [...days.values()].flat();
  return figure(
    { id: "timeToFirstActivity", chart: "line", dimensions: ["period"] },
    [count("clients", "clients"), { key: "medianDays", unit: "days", protection: { basis: 0 }, total: "none" }],
    [...days].map(([period, list]) => ({ keys: [period], values: [list.length, median(list)] })),
    { 1: median(all) },
  );
};

const ladder = async (db: Db, q: repo.FigureQuery, periods: Period[]) => {
  const assessments = await repo.ladderAssessments(db, q);
  const rungs = rungsAt(assessments, [addDays(q.from, -1), ...periods.map((p) => p.ends)]);
  const distribution = new Map<string, number>();
  const transitions = new Map<string, number>();
  for (const client of rungs.values()) {
    periods.forEach((p, i) => {
      const rung = client[i + 1];
      if (rung !== null && rung !== undefined) distribution.set(`${p.key}|${rung}`, (distribution.get(`${p.key}|${rung}`) ?? 0) + 1);
    });
    const [before, after] = [client[0], client[periods.length]];
    if (before !== null && before !== undefined && after !== null && after !== undefined) {
      transitions.set(`${before}|${after}`, (transitions.get(`${before}|${after}`) ?? 0) + 1);
    }
  }
  const split = (map: Map<string, number>) => [...map].map(([key, value]) => ({ keys: key.split("|"), values: [value] }));
  return [
    figure({ id: "ladderDistribution", chart: "stackedBar", dimensions: ["period", "rung"] }, [stock("clients")], split(distribution)),
    figure(
      { id: "ladderTransitions", chart: "matrix", dimensions: ["fromRung", "toRung"] },
      [count("clients", "clients")],
      split(transitions),
    ),
  ];
};

const wellbeing: Build = async (db, q) => {
  const rows = await repo.wellbeingByPeriod(db, q);
  const checkIns = rows.reduce((sum, r) => sum + r.checkIns, 0);
  const mean = checkIns === 0 ? null : rows.reduce((sum, r) => sum + r.mean * r.checkIns, 0) / checkIns;
  return figure(
    { id: "wellbeing", chart: "line", dimensions: ["period", "moment"] },
    [count("checkIns"), { key: "meanScore", unit: "score", protection: { basis: 0 }, total: "none" }],
    rows.map((r) => ({ keys: [r.period, r.moment], values: [r.checkIns, rounded(r.mean)] })),
    { 1: rounded(mean) },
  );
};

const exemptions: Build = async (db, q) => {
  const granted = byKey(
    await repo.exemptionsGranted(db, q),
    (r) => `${keyOf(r.start_date, q.groupBy)}|${r.type}|${exemptionLength(r.start_date, r.end_date)}`,
    () => 1,
  );
  return figure(
    { id: "exemptions", chart: "stackedBar", dimensions: ["period", "ground", "length"] },
    [count("granted")],
    [...granted].map(([key, value]) => ({ keys: key.split("|"), values: [value] })),
  );
};

const caregiving: Build = async (db, q, periods) => {
  const rows = new Map((await repo.caregivingByPeriod(db, q)).map((r) => [r.period, r]));
  return figure(
    { id: "caregiving", chart: "stackedBar", dimensions: ["period"] },
    [count("accepted"), count("customaryCare")],
    perPeriod(periods, (p) => [rows.get(p)?.accepted ?? 0, rows.get(p)?.customary ?? 0]),
  );
};

const accountability: Build = async (db, q, periods) => {
  const versions = new Map((await listOrdinanceVersions(db)).map((v) => [v.version, v.accountabilityOverdueDays]));
  const counts = new Map<string, [number, number, number]>();
  for (const r of await repo.accountabilityRequests(db, q)) {
    const key = keyOf(r.requested_on, q.groupBy);
    const cell = counts.get(key) ?? [0, 0, 0];
    const answerBy = addDays(r.requested_on, versions.get(r.ordinance_version) ?? 0);
    cell[r.responded_on === null ? 2 : r.responded_on <= answerBy ? 0 : 1]++;
    counts.set(key, cell);
  }
  return figure(
    { id: "accountability", chart: "stackedBar", dimensions: ["period"] },
    [count("answeredOnTime"), count("answeredLate"), count("unanswered")],
    perPeriod(periods, (p) => counts.get(p) ?? [0, 0, 0]),
  );
};

const sanctions: Build = async (db, q, periods) => {
  const [rows, refusals] = await Promise.all([repo.sanctionsByPeriod(db, q), repo.sanctionRefusals(db, q)]);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const refused = byKey(
    refusals,
    (r) => `${keyOf(r.occurred_at, q.groupBy)}|${r.details ? parseJsonColumn(sanctionRefusalDetails, r.details).code : ""}`,
    () => 1,
  );
  return figure(
    { id: "sanctions", chart: "bar", dimensions: ["period"] },
    [
      count("proposed"),
      ...SANCTION_BLOCKS.map((code) => count(`refusedBy.${code}`)),
      count("imposed"),
      count("refrained"),
      count("objected"),
      count("revokedOnObjection"),
    ],
    perPeriod(periods, (p) => {
      const r = byPeriod.get(p);
      return [
        r?.proposed ?? 0,
        ...SANCTION_BLOCKS.map((code) => refused.get(`${p}|${code}`) ?? 0),
        r?.imposed ?? 0,
        r?.refrained ?? 0,
        r?.objected ?? 0,
        r?.revoked ?? 0,
      ];
    }),
  );
};

const objections: Build = async (db, q) =>
  figure(
    { id: "objections", chart: "stackedBar", dimensions: ["period", "decisionType", "outcome"] },
    [count("received")],
    (await repo.objectionsByPeriod(db, q)).map((r) => ({ keys: [r.period, r.decision, r.outcome], values: [r.received] })),
  );

const displacement: Build = async (db, q, periods) => {
  const [checks, complaints] = await Promise.all([repo.displacementChecksByPeriod(db, q), repo.complaintsByPeriod(db, q)]);
  const c = new Map(checks.map((r) => [r.period, r]));
  const k = new Map(complaints.map((r) => [r.period, r]));
  return figure(
    { id: "displacement", chart: "bar", dimensions: ["period"] },
    [count("rolesReviewed"), count("rolesRejected"), count("complaintsFiled"), count("complaintsUpheld")],
    perPeriod(periods, (p) => [c.get(p)?.reviewed ?? 0, c.get(p)?.rejected ?? 0, k.get(p)?.filed ?? 0, k.get(p)?.upheld ?? 0]),
  );
};

const guidance: Build = async (db, q) => {
  const [supply, underWay, ordinance] = await Promise.all([
    repo.guidanceSupply(db, q),
    repo.placementsUnderWay(db, q),
    ordinanceOn(db, q.to),
  ]);
  const perLevel = ordinance.guidanceHoursPerLevel as Record<string, number>;
  const districts = new Map<string, [number, number, number]>();
  const row = (d: string) => districts.get(d) ?? districts.set(d, [0, 0, 0]).get(d) ?? [0, 0, 0];
  for (const s of supply) row(s.district)[2] += s.hours;
  for (const u of underWay) {
    const cell = row(u.district);
    cell[0] += u.placements;
    cell[1] += u.placements * (perLevel[u.level] ?? 0);
  }
  return figure(
    { id: "guidance", chart: "bar", dimensions: ["district"] },
    [
      count("placements", "clients"),
      { key: "demandHours", unit: "hours", protection: { basis: 0 }, total: "sum" },
      { key: "supplyHours", unit: "hours", protection: "none", total: "sum" },
    ],
    [...districts].map(([district, values]) => ({ keys: [district], values })),
  );
};

const outflow: Build = async (db, q) => {
  const { placementEnded, ladderPaidWork } = await repo.outflowByPeriod(db, q);
  return figure(
    { id: "outflow", chart: "stackedBar", dimensions: ["period", "route"] },
    [count("clients", "clients")],
    [
      ...placementEnded.map((r) => ({ keys: [r.period, "placementEnded"], values: [r.clients] })),
      ...ladderPaidWork.map((r) => ({ keys: [r.period, "ladderPaidWork"], values: [r.clients] })),
    ],
  );
};

/** Builds every table, in the order of `STATISTICS_TABLES`. */
async function buildTables(db: Db, q: repo.FigureQuery): Promise<FigureTable[]> {
  const periods = periodsBetween(q.from, q.to, q.groupBy);
  const builders: Build[] = [funnel, activeSteps, contributions, endings, timeToFirstActivity];
  const rest: Build[] = [wellbeing, exemptions, caregiving, accountability, sanctions, objections, displacement, guidance, outflow];
  const first = await Promise.all(builders.map((build) => build(db, q, periods)));
  const ladderTables = await ladder(db, q, periods);
  const last = await Promise.all(rest.map((build) => build(db, q, periods)));
  return [...first, ...ladderTables, ...last];
}

/**
 * The figures of the tegenprestatie for a period, for the whole city or one district: researchers with small counts
 * hidden (and a coarser choice offered when any are), consultants and team leads for their own districts only.
 * The dashboard, the CSV download and the annual report all read this.
 */
export async function statisticsOverview(db: Db, actor: Actor, query: OverviewQuery): Promise<StatisticsOverview> {
  const districts = assertDistrictInScope(actor, query.district);
  const figures = await buildTables(db, { from: query.from, to: query.to, groupBy: query.groupBy, districts });
  const suppress = isSuppressedFor(actor);
  const tables = figures.map(suppress ? suppressSmallCells : showAllCells);
  const district = query.district ?? null;
  return {
    from: query.from,
    to: query.to,
    district,
    groupBy: query.groupBy,
    suppressedBelow: suppress ? SMALL_CELL_THRESHOLD : null,
    coarser: suppress ? coarserChoice(query.groupBy, district, tables) : null,
    tables,
  };
}
