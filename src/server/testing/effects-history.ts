import { randomUUID } from "node:crypto";
import type { CheckInsTable, Database, LadderAssessmentsTable, PlacementsTable } from "@server/db/schema.js";
import type { EffectClient, Observation } from "@server/domains/statistics/effects.estimate.js";
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

const FIRST_MONTH = 2024 * 12; // January 2024
const MONTHS = 30;
const dateOf = (month: number, day: number) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * A population with a known effect: each client has a level of their own (higher for those who are placed: selection
 * on levels, which a difference-in-differences removes), a trend the whole city shares, and noise; from the month after
 * a placement starts their outcomes rise by `effect`. Outcomes are measured about every three months.
 */
export function effectPopulation(seed: number, options: { clients: number; effect: { ladderRung: number; who5: number } }): EffectClient[] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: options.clients }, () => {
    const placed = random() < 0.4;
    const start = placed ? FIRST_MONTH + 6 + Math.floor(random() * 18) : null;
    const level = { ladderRung: 2 + normal() * 0.7 + (placed ? 0.5 : 0), who5: 12 + normal() * 3 + (placed ? 2 : 0) };
    const ladderRung: Observation[] = [];
    const who5: Observation[] = [];
    for (let month = FIRST_MONTH + Math.floor(random() * 3); month < FIRST_MONTH + MONTHS; month += 3) {
      const on = dateOf(month, 1 + Math.floor(random() * 28));
      const after = start !== null && month > start ? 1 : 0;
      const trend = (month - FIRST_MONTH) * 0.02;
      ladderRung.push([on, level.ladderRung + trend + after * options.effect.ladderRung + normal() * 0.4]);
      who5.push([on, level.who5 + trend * 3 + after * options.effect.who5 + normal() * 2]);
    }
    return {
      starts: start === null ? {} : { placementStarted: dateOf(start, 1 + Math.floor(random() * 28)) },
      outcomes: { ladderRung, who5 },
    };
  });
}
