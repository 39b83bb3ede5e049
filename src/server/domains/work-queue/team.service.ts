import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { ClientRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { forbidden, invalidField, notFound } from "@server/http/errors.js";
import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import { addDays } from "@shared/dates.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
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

/** Caseload size and queue length per consultant of the team. */
export async function teamOverview(db: Kysely<Database>, ctx: RequestContext) {
  const members = await teamConsultants(db, ctx);
  const result = [];
  for (const member of members) {
    const caseload = await repo.caseloadOf(db, member.id);
    const queue = await computeWorkQueue(db, caseload, ctx.clock.today());
    result.push({
      consultantId: member.id,
      displayName: member.displayName,
      districts: member.districts,
      caseloadSize: caseload.clients.length,
      queueLength: queue.length,
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
