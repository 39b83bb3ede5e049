import type { Actor } from "@server/auth/actor.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { Database } from "@server/db/schema.js";
import { SANCTION_BLOCKS } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { sanctionRefusalsInRange, sanctionsInRange } from "./sanctions.repo.js";

/** Researchers see no count below this: small numbers in a district and month could point at a person. */
export const SUPPRESS_BELOW = 5;

/**
 * The details of a `sanction.refused` audit event: the refusal code and the ground proposed. The code stays text, as
 * written at the time, so an event of a rule since renamed is read and left out rather than failing the statistics.
 */
export const sanctionRefusalDetails = z.object({ code: z.string(), ground: z.string().optional() });

type Block = (typeof SANCTION_BLOCKS)[number];
type Counts = { proposed: number; imposed: number; refrained: number; overturned: number; refusedByRule: Record<Block, number> };

const isBlock = (code: string): code is Block => (SANCTION_BLOCKS as readonly string[]).includes(code);
const emptyCounts = (): Counts => ({
  proposed: 0,
  imposed: 0,
  refrained: 0,
  overturned: 0,
  refusedByRule: Object.fromEntries(SANCTION_BLOCKS.map((c) => [c, 0])) as Record<Block, number>,
});

/**
 * Sanctions per district and month of proposal: proposed, refused by each rule, imposed, refrained, overturned on
 * objection. Team leads see their districts; researchers and admins all, researchers with small counts hidden.
 */
export async function sanctionStatistics(
  db: Kysely<Database>,
  actor: Actor,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const period = { from: range.from ?? "0000-01-01", to: `${range.to ?? "9999-12-31"}T99` };
  const sanctions = await sanctionsInRange(db, actor, period);
  const refusals = await sanctionRefusalsInRange(db, actor, period);

  const cells = new Map<string, Counts>();
  const cell = (district: string | null, instant: string) => {
    const key = `${district ?? "—"}|${instant.slice(0, 7)}`;
    const counts = cells.get(key) ?? emptyCounts();
    cells.set(key, counts);
    return counts;
  };
  for (const s of sanctions) {
    const counts = cell(s.district, s.proposed_at);
    counts.proposed++;
    if (s.revoked === 1) counts.overturned++;
    else if (s.outcome === "imposed" || s.outcome === "imposedLower") counts.imposed++;
    else if (s.outcome === "refrained") counts.refrained++;
  }
  for (const r of refusals) {
    const code = r.details ? parseJsonColumn(sanctionRefusalDetails, r.details).code : "";
    const counts = cell(r.district, r.occurred_at);
    if (isBlock(code)) counts.refusedByRule[code]++;
  }
  const suppress = actor.role === "researcher";
  const shown = (n: number) => (suppress && n > 0 && n < SUPPRESS_BELOW ? null : n);
  const rows = [...cells.entries()]
    .map(([key, c]) => {
      const [district, month] = key.split("|") as [string, string];
      return {
        district,
        month,
        proposed: shown(c.proposed),
        imposed: shown(c.imposed),
        refrained: shown(c.refrained),
        overturned: shown(c.overturned),
        refusedByRule: Object.fromEntries(SANCTION_BLOCKS.map((code) => [code, shown(c.refusedByRule[code])])) as Record<
          Block,
          number | null
        >,
      };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.district.localeCompare(b.district));
  return { rows, suppressedBelow: suppress ? SUPPRESS_BELOW : null };
}
