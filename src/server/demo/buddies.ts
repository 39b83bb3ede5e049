import type { Database } from "@server/db/schema.js";
import { addDays } from "@shared/dates.js";
import type { Kysely } from "kysely";
import { endPairing, makeBuddyAgreement, pairWithBuddy, recordMeeting } from "../domains/buddies/buddies.service.js";
import { contextOn, refusedByRule, type Staff } from "./acting.js";

/** How many buddies the Overschie group has, and how many people they support. */
export const DEMO_BUDDIES = 5;
const DEMO_PAIRS = 6;

/**
 * The Overschie buddy group the article speaks of: people on assistance who activate others. Made through the same
 * services as the API, by the Overschie demo consultant, on days in the past: five trained buddies with their
 * agreement (a decision and letter each), six pairs (one buddy supports two), a meeting every two weeks, and one
 * pairing the consultant ended. The clients follow from the seeded population in a fixed order. Returns the letters made.
 */
export async function seedBuddyGroup(db: Kysely<Database>, consultant: Staff, today: string): Promise<number> {
  const candidates = await db
    .selectFrom("clients")
    .select(["id", "capacity_hours_per_week"])
    .where("district", "=", "Overschie")
    .orderBy("id")
    .execute();
  const on = (daysAgo: number) => contextOn(consultant, "consultant", addDays(today, -daysAgo));
  const buddies: string[] = [];
  const used = new Set<string>();
  // Buddies give two hours a week, so they come from clients whose capacity has room for it.
  for (const candidate of candidates.filter((c) => (c.capacity_hours_per_week ?? 0) >= 2)) {
    if (buddies.length === DEMO_BUDDIES) break;
    const n = buddies.length + 1;
    const made = await refusedByRule(() =>
      makeBuddyAgreement(db, on(56), candidate.id, {
        trainedOn: addDays(today, -63),
        since: addDays(today, -56),
        hoursPerWeek: 2,
        maxPairings: n === 1 ? 2 : 1,
        contactPhone: `06 2000 010${n}`,
        availability: n % 2 === 0 ? "Doordeweeks overdag" : "Dinsdagmiddag en zaterdag",
      }),
    );
    if (made) {
      buddies.push(made);
      used.add(candidate.id);
    }
  }
  const pairs: string[] = [];
  const supported = candidates.filter((c) => !used.has(c.id));
  for (let i = 0; i < DEMO_PAIRS && i < supported.length; i++) {
    const buddyId = buddies[i % buddies.length];
    const clientId = supported[i]?.id;
    if (!buddyId || !clientId) continue;
    const pairing = await refusedByRule(() => pairWithBuddy(db, on(42), { buddyId, clientId, contactPhone: `06 3000 020${i + 1}` }));
    if (pairing) pairs.push(pairing);
  }
  for (const pairing of pairs)
    for (const daysAgo of [35, 21, 7])
      await refusedByRule(() => recordMeeting(db, on(daysAgo), pairing, { heldOn: addDays(today, -daysAgo), hours: 1.5 }));
  const last = pairs.at(-1);
  if (last) await refusedByRule(() => endPairing(db, on(3), last));
  return buddies.length;
}
