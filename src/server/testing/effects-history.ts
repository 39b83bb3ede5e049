import { randomUUID } from "node:crypto";
import type { CheckInsTable, Database, LadderAssessmentsTable, PlacementsTable } from "@server/db/schema.js";
import { seededRandom } from "@shared/random.js";
import type { Insertable, Kysely } from "kysely";

/** The effect built into `recordEffectsHistory`: WHO-5 rises by this much once a placement has started. */
export const TEST_WHO5_EFFECT = 3;

const month = (m: number, day: number) =>
  `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * A history with a known effect for the effect estimates: check-ins (WHO-5 and a ladder rung) every two months from
 * January 2025 to May 2026; about half the clients start a placement between April and December 2025, and from the
 * month after score `TEST_WHO5_EFFECT` higher on WHO-5. Those placed start higher too (selection on levels), which the
 * difference-in-differences removes. Returns how many were placed.
 */
export async function recordEffectsHistory(db: Kysely<Database>, clientIds: readonly string[], seed: number): Promise<number> {
  const random = seededRandom(seed);
  const role = await db.selectFrom("volunteer_roles").select(["id", "organisation_id"]).orderBy("id").executeTakeFirstOrThrow();
  const placements: Insertable<PlacementsTable>[] = [];
  const checkIns: Insertable<CheckInsTable>[] = [];
  const rungs: Insertable<LadderAssessmentsTable>[] = [];
  for (const clientId of clientIds) {
    const start = random() < 0.5 ? 3 + Math.floor(random() * 9) : null;
    const level = 11 + Math.floor(random() * 6) + (start === null ? 0 : 2);
    if (start !== null) {
      placements.push({
        id: randomUUID(),
        client_id: clientId,
        role_id: role.id,
        organisation_id: role.organisation_id,
        status: "active",
        hours_per_week: 4,
        guidance_level: "light",
        started_on: month(start, 10),
        created_at: `${month(start, 1)}T09:00:00.000Z`,
        updated_at: `${month(start, 1)}T09:00:00.000Z`,
      });
    }
    for (let m = 0; m < 17; m += 2) {
      const on = month(m, 1 + Math.floor(random() * 27));
      const after = start !== null && m > start ? TEST_WHO5_EFFECT : 0;
      const who5 = Math.max(0, Math.min(25, level + Math.round(m / 6) + after + Math.floor(random() * 3) - 1));
      const created_at = `${on}T10:00:00.000Z`;
      checkIns.push({
        id: randomUUID(),
        client_id: clientId,
        held_on: on,
        channel: "inPerson",
        // Five items of 0–5 that add up to the raw score.
        who5_items: JSON.stringify([0, 1, 2, 3, 4].map((item) => Math.max(0, Math.min(5, who5 - 5 * item)))),
        who5_raw: who5,
        ready_for_next_step: 0,
        created_at,
      });
      rungs.push({ id: randomUUID(), client_id: clientId, rung: 2, growth_rung: 3, assessed_on: on, source: "checkIn", created_at });
    }
  }
  if (placements.length > 0) await db.insertInto("placements").values(placements).execute();
  for (let i = 0; i < checkIns.length; i += 200) {
    await db
      .insertInto("check_ins")
      .values(checkIns.slice(i, i + 200))
      .execute();
    await db
      .insertInto("ladder_assessments")
      .values(rungs.slice(i, i + 200))
      .execute();
  }
  return placements.length;
}
