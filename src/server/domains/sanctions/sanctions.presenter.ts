import type { Database, SanctionRow } from "@server/db/schema.js";
import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { levelFor } from "./sanctions.rules.js";

/** Sanctions with names, the hearing letter's delivery, the ordinance's level and the objection. */
export async function presentSanctions(db: Kysely<Database>, rows: SanctionRow[]): Promise<SanctionOutput[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.proposed_by, r.decided_by]).filter((id): id is string => Boolean(id)))];
  const users = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", userIds).execute();
  const clients = await db
    .selectFrom("clients")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [...new Set(rows.map((r) => r.client_id))])
    .execute();
  const letterIds = rows.map((r) => r.hearing_letter_id).filter((id): id is string => Boolean(id));
  const letters = letterIds.length
    ? await db.selectFrom("letters").select(["id", "delivery_status"]).where("id", "in", letterIds).execute()
    : [];
  const objections = await db
    .selectFrom("sanction_objections")
    .selectAll()
    .where(
      "sanction_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const ordinance = await ordinanceOn(db);
  const nameOf = (id: string | null) => users.find((u) => u.id === id)?.display_name ?? null;
  return rows.map((row) => {
    const client = clients.find((c) => c.id === row.client_id)!;
    const objection = objections.find((o) => o.sanction_id === row.id);
    return {
      id: row.id,
      clientId: row.client_id,
      clientName: `${client.given_name} ${client.family_name}`,
      ground: row.ground as SanctionOutput["ground"],
      factsDate: row.facts_date,
      facts: row.facts,
      appointmentId: row.appointment_id,
      placementId: row.placement_id,
      letterId: row.letter_id,
      culpability: row.culpability as SanctionOutput["culpability"],
      circumstances: row.circumstances,
      childrenInterests: row.children_interests,
      urgentReasons: row.urgent_reasons === 1,
      urgentReasonsNote: row.urgent_reasons_note,
      recurrence: row.recurrence,
      proposedBy: nameOf(row.proposed_by) ?? "",
      proposedById: row.proposed_by,
      proposedAt: row.proposed_at,
      status: row.status as SanctionOutput["status"],
      hearing: {
        letterId: row.hearing_letter_id,
        letterDelivery: letters.find((l) => l.id === row.hearing_letter_id)?.delivery_status ?? null,
        respondBy: row.hearing_respond_by,
        heldOn: row.hearing_held_on,
        channel: row.hearing_channel as SanctionOutput["hearing"]["channel"],
        record: row.hearing_record,
      },
      proposedLevel: levelFor(row.ground as Parameters<typeof levelFor>[0], row.recurrence, row.culpability, ordinance),
      outcome: row.outcome as SanctionOutput["outcome"],
      decisionReasons: row.decision_reasons,
      level: row.level,
      percentage: row.percentage,
      months: row.months,
      ordinanceVersion: row.ordinance_version,
      decidedBy: nameOf(row.decided_by),
      decidedAt: row.decided_at,
      decisionLetterId: row.decision_letter_id,
      reconsiderBy: row.reconsider_by,
      reconsideredOn: row.reconsidered_on,
      reconsiderationOutcome: row.reconsideration_outcome as SanctionOutput["reconsiderationOutcome"],
      reconsiderationNote: row.reconsideration_note,
      revoked: row.revoked === 1,
      objection: objection
        ? {
            id: objection.id,
            receivedOn: objection.received_on,
            grounds: objection.grounds,
            late: objection.late === 1,
            decideBy: objection.decide_by,
            extended: objection.extended === 1,
            outcome: objection.outcome as "upheld" | "partlyUpheld" | "rejected" | null,
            outcomeOn: objection.outcome_on,
            outcomeNote: objection.outcome_note,
          }
        : null,
    };
  });
}
