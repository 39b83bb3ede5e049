import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { SANCTION_BLOCKS } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";

/** Researchers see no count below this: small numbers in a district and month could point at a person. */
export const SUPPRESS_BELOW = 5;

type Counts = { proposed: number; imposed: number; refrained: number; overturned: number; refusedByRule: Record<string, number> };

/**
 * Sanctions per district and month of proposal: proposed, refused by each rule, imposed, refrained, overturned on
 * objection. Team leads see their districts; researchers and admins all, researchers with small counts hidden.
 */
export async function sanctionStatistics(
  db: Kysely<Database>,
  actor: Actor,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const from = range.from ?? "0000-01-01";
  const to = `${range.to ?? "9999-12-31"}T99`;
  const scope = actor.role === "teamLead" ? visibleClients(db, actor).select("clients.id") : db.selectFrom("clients").select("id");
  const sanctions = await db
    .selectFrom("sanctions")
    .innerJoin("clients", "clients.id", "sanctions.client_id")
    .select(["clients.district", "sanctions.proposed_at", "sanctions.outcome", "sanctions.revoked"])
    .where("sanctions.client_id", "in", scope)
    .where("sanctions.proposed_at", ">=", from)
    .where("sanctions.proposed_at", "<=", to)
    .execute();
  const refusals = await db
    .selectFrom("audit_events")
    .innerJoin("clients", "clients.id", "audit_events.client_id")
    .select(["clients.district", "audit_events.occurred_at", "audit_events.details"])
    .where("audit_events.action", "=", "sanction.refused")
    .where("audit_events.client_id", "in", scope)
    .where("audit_events.occurred_at", ">=", from)
    .where("audit_events.occurred_at", "<=", to)
    .execute();

  const cells = new Map<string, Counts>();
  const cell = (district: string | null, instant: string) => {
    const key = `${district ?? "—"}|${instant.slice(0, 7)}`;
    let counts = cells.get(key);
    if (!counts)
      cells.set(
        key,
        (counts = {
          proposed: 0,
          imposed: 0,
          refrained: 0,
          overturned: 0,
          refusedByRule: Object.fromEntries(SANCTION_BLOCKS.map((c) => [c, 0])),
        }),
      );
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
    const code = (JSON.parse(r.details ?? "{}") as { code?: string }).code ?? "";
    const counts = cell(r.district, r.occurred_at);
    if (code in counts.refusedByRule) counts.refusedByRule[code]!++;
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
        refusedByRule: Object.fromEntries(SANCTION_BLOCKS.map((code) => [code, shown(c.refusedByRule[code]!)])) as Record<
          (typeof SANCTION_BLOCKS)[number],
          number | null
        >,
      };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.district.localeCompare(b.district));
  return { rows, suppressedBelow: suppress ? SUPPRESS_BELOW : null };
}
