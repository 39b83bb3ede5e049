import { addDays } from "@shared/dates.js";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { SeededRandom } from "./population.js";

/** The demo's agency workers, as the start-up prints them (the first of each agency; each has a colleague too). */
export const DEMO_AGENCY_ACCOUNTS = [
  { email: "bemiddelaar@demo.local", role: "agencyWorker", description: "bemiddelingsbureau Werkpad, Charlois" },
  { email: "bemiddelaar2@demo.local", role: "agencyWorker", description: "bemiddelingsbureau Stap Verder, Overschie" },
] as const;

interface DemoAgency {
  name: string;
  kvkNumber: string;
  district: string;
  workers: readonly { email: string; displayName: string }[];
  /** The production targets of its contracts. */
  contract: { intake: number; placement: number; weeks: number };
}

// Two agencies: one in Charlois, one in Overschie (the demo team lead's districts, so the results page shows both).
// Stap Verder works under tighter production targets than Werkpad.
const AGENCIES: readonly DemoAgency[] = [
  {
    name: "Werkpad Charlois",
    kvkNumber: "90000019",
    district: "Charlois",
    workers: [
      { email: "bemiddelaar@demo.local", displayName: "Bemiddelaar Werkpad" },
      { email: "collega.werkpad@demo.local", displayName: "Collega Werkpad" },
    ],
    contract: { intake: 28, placement: 90, weeks: 13 },
  },
  {
    name: "Stap Verder Bemiddeling",
    kvkNumber: "90000027",
    district: "Overschie",
    workers: [
      { email: "bemiddelaar2@demo.local", displayName: "Bemiddelaar Stap Verder" },
      { email: "collega.stapverder@demo.local", displayName: "Collega Stap Verder" },
    ],
    contract: { intake: 14, placement: 60, weeks: 8 },
  },
];

const CURRENT_PER_AGENCY = 12;
const PAST_PER_AGENCY = 6;

/**
 * Two agencies with two workers each, and clients of their districts assigned to them: some now, for a year that began
 * one to ten months ago, and some for a year that ended, all among clients with a history of check-ins, so the results
 * page has intakes, placements and WHO-5 scores to count. Its own random stream, so the rest of the population is the
 * same with or without it; the demo client is never assigned, so its consultant's pages stay as they were.
 */
export async function seedDemoAgencies(
  db: Kysely<Database>,
  options: { seed: number; passwordHash: string; today: string; now: string; teamLeadId: string | null },
): Promise<{ users: number }> {
  const random = new SeededRandom(options.seed + 19);
  const demoClient = await db.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirst();
  let users = 0;
  for (const agency of AGENCIES) {
    const agencyId = random.uuid();
    await db
      .insertInto("agencies")
      .values({
        id: agencyId,
        name: agency.name,
        kvk_number: agency.kvkNumber,
        district: agency.district,
        created_at: options.now,
        updated_at: options.now,
      })
      .execute();
    for (const worker of agency.workers) {
      await db
        .insertInto("users")
        .values({
          id: random.uuid(),
          email: worker.email,
          password_hash: options.passwordHash,
          display_name: worker.displayName,
          role: "agencyWorker",
          organisation_id: null,
          client_id: null,
          agency_id: agencyId,
          active: 1,
          created_at: options.now,
          updated_at: options.now,
        })
        .execute();
      users++;
    }
    if (!options.teamLeadId) continue;
    const candidates = await db
      .selectFrom("clients")
      .select("id")
      .where("district", "=", agency.district)
      .where("id", "!=", demoClient?.client_id ?? "")
      .where("benefit_end_date", "is", null)
      .orderBy("id")
      .execute();
    const withHistory = new Set(
      (
        await db
          .selectFrom("check_ins")
          .innerJoin("clients", "clients.id", "check_ins.client_id")
          .select("check_ins.client_id")
          .where("clients.district", "=", agency.district)
          .execute()
      ).map((r) => r.client_id),
    );
    // At most a quarter of the district's clients, so its consultants keep a caseload; those with a history first, so
    // the counts have something to count.
    const size = Math.min(CURRENT_PER_AGENCY + PAST_PER_AGENCY, Math.floor(candidates.length / 4));
    const currentSize = Math.ceil((size * CURRENT_PER_AGENCY) / (CURRENT_PER_AGENCY + PAST_PER_AGENCY));
    const chosen = [...candidates.filter((c) => withHistory.has(c.id)), ...candidates.filter((c) => !withHistory.has(c.id))].slice(0, size);
    const rows = chosen.map((client, i) => {
      const current = i < currentSize;
      const start = current ? addDays(options.today, -random.int(30, 300)) : addDays(options.today, -random.int(450, 690));
      return {
        id: random.uuid(),
        agency_id: agencyId,
        client_id: client.id,
        start_date: start,
        end_date: addDays(start, 364),
        intake_within_days: agency.contract.intake,
        placement_within_days: agency.contract.placement,
        placement_min_weeks: agency.contract.weeks,
        assigned_by: options.teamLeadId ?? "",
        created_at: options.now,
      };
    });
    if (rows.length > 0) await db.insertInto("agency_assignments").values(rows).execute();
  }
  return { users };
}
