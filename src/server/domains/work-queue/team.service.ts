import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { ClientRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { forbidden, invalidField, notFound } from "@server/http/errors.js";
import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import { addDays, addMonths } from "@shared/dates.js";
import { ATTRIBUTION_STATES } from "@shared/schemas/placements.js";
import type { TeamMemberOutcomes } from "@shared/schemas/work-queue.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { who5Percentage, who5TrendOf } from "./team.rules.js";
import * as outcomes from "./team-outcomes.repo.js";
import * as repo from "./work-queue.repo.js";
import { computeWorkQueue } from "./work-queue.service.js";

/** The consultants of the caller's team: those working in one of the team lead's districts (admins: all). */
export async function teamConsultants(db: Kysely<Database>, ctx: RequestContext) {
  const rows = await repo.consultantsInDistricts(
    db,
    ctx.actor.role === "admin" ? null : ctx.actor.districts.length ? ctx.actor.districts : ["—"],
  );
  const byId = new Map<string, { id: string; displayName: string; districts: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, displayName: row.display_name, districts: [] };
    entry.districts.push(row.district);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** The clients whose queue the caller asks for: a consultant's own caseload, or a team member's. */
export async function queueClients(db: Kysely<Database>, ctx: RequestContext, consultantId?: string): Promise<repo.Caseload> {
  if (ctx.actor.role === "consultant") {
    if (consultantId && consultantId !== ctx.actor.id) throw forbidden("notYourQueue", "Consultants see their own work queue.");
    // A client who moved into the consultant's districts is theirs to take over: on the queue until someone does.
    return repo.consultantCaseload(db, ctx.actor, addDays(ctx.clock.today(), -CASEWORK_DEFAULTS.movedWithinDays));
  }
  if (consultantId) {
    const team = await teamConsultants(db, ctx);
    if (!team.some((m) => m.id === consultantId)) throw notFound("consultant");
    return repo.visibleCaseload(db, ctx.actor, consultantId);
  }
  return repo.visibleCaseload(db, ctx.actor, null);
}

/**
 * The outcomes of every consultant's caseload at once, a few grouped queries for the whole team: placements that
 * lasted three months, endings of the last twelve months by attribution, the WHO-5 of the last three months against
 * the three before, and open deadlines.
 */
async function teamOutcomes(db: Kysely<Database>, consultantIds: string[], today: string): Promise<Map<string, TeamMemberOutcomes>> {
  const threeMonthsAgo = addMonths(today, -3);
  const [lasting, endings, who5, objections, sanctions] = await Promise.all([
    outcomes.lastingPlacements(db, consultantIds, threeMonthsAgo),
    outcomes.endingsByAttribution(db, consultantIds, addMonths(today, -12)),
    outcomes.who5Means(db, consultantIds, { before: addMonths(today, -6), from: threeMonthsAgo, today }),
    outcomes.openObjections(db, consultantIds, today),
    outcomes.pendingSanctions(db, consultantIds),
  ]);
  const result = new Map<string, TeamMemberOutcomes>();
  for (const id of consultantIds) {
    const recent = who5.find((row) => row.consultantId === id && row.period === "recent");
    const earlier = who5.find((row) => row.consultantId === id && row.period === "earlier");
    const lasted = lasting.find((row) => row.consultantId === id);
    const objection = objections.find((row) => row.consultantId === id);
    result.set(id, {
      placementsStarted: lasted?.started ?? 0,
      placementsLasted: lasted?.lasted ?? 0,
      endings: Object.fromEntries(
        ATTRIBUTION_STATES.map((state) => [
          state,
          endings
            .filter((row) => row.consultantId === id && (row.attribution ?? "undetermined") === state)
            .reduce((sum, row) => sum + row.count, 0),
        ]),
      ) as TeamMemberOutcomes["endings"],
      who5Recent: recent ? who5Percentage(recent.mean) : null,
      who5Earlier: earlier ? who5Percentage(earlier.mean) : null,
      who5Trend: who5TrendOf(recent, earlier),
      openObjections: objection?.open ?? 0,
      overdueObjections: objection?.overdue ?? 0,
      pendingSanctions: sanctions.find((row) => row.consultantId === id)?.count ?? 0,
    });
  }
  return result;
}

/** Caseload size, queue length and outcomes per consultant of the team. */
export async function teamOverview(db: Kysely<Database>, ctx: RequestContext) {
  const members = await teamConsultants(db, ctx);
  const today = ctx.clock.today();
  const outcomesOf = await teamOutcomes(
    db,
    members.map((member) => member.id),
    today,
  );
  const result = [];
  for (const member of members) {
    const caseload = await repo.caseloadOf(db, member.id);
    const queue = await computeWorkQueue(db, caseload, today);
    result.push({
      consultantId: member.id,
      displayName: member.displayName,
      districts: member.districts,
      caseloadSize: caseload.clients.length,
      queueLength: queue.length,
      outcomes: outcomesOf.get(member.id) as TeamMemberOutcomes,
    });
  }
  return result;
}

/** Moves a client to another consultant of the team who works in the client's district. */
export async function reassignClient(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  consultantId: string,
): Promise<ClientRow> {
  return inTransaction(db, async (trx) => {
    const client = await requireVisibleClient(trx, ctx.actor, clientId);
    const member = (await teamConsultants(trx, ctx)).find((m) => m.id === consultantId);
    if (!member) throw invalidField("consultantId", "notInTeam", "Not a consultant of your team");
    if (client.district && !member.districts.includes(client.district)) {
      throw invalidField("consultantId", "otherDistrict", `This consultant does not work in ${client.district}`);
    }
    const now = nowIso(ctx.clock);
    await repo.assignConsultant(trx, clientId, consultantId, now);
    await recordAudit(trx, ctx, {
      action: "client.reassign",
      category: "write",
      clientId,
      subjectType: "client",
      subjectId: clientId,
      details: { from: client.consultant_id, to: consultantId },
    });
    return { ...client, consultant_id: consultantId, updated_at: now };
  });
}
