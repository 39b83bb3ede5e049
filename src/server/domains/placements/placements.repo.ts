import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { GuidanceLevel } from "@shared/schemas/roles.js";
import type { Kysely } from "kysely";
import { hostVisibleSince, OPEN_PLACEMENT_STATUSES, OPEN_REFERRAL_STATUS } from "../vocabulary.js";

/**
 * The placements this actor may see. Hosts: their organisation's, while open and for 30 days after they end
 * or are declined. Consultants and team leads: those of clients in their scope. Admins: all.
 */
export function visiblePlacements(db: Kysely<Database>, actor: Actor) {
  const base = db
    .selectFrom("placements")
    .innerJoin("volunteer_roles", "volunteer_roles.id", "placements.role_id")
    .innerJoin("organisations", "organisations.id", "placements.organisation_id")
    .innerJoin("clients", "clients.id", "placements.client_id")
    .selectAll("placements")
    .select(["volunteer_roles.title as role_title", "organisations.name as organisation_name", "clients.given_name as client_given_name"]);
  switch (actor.role) {
    case "admin":
      return base;
    case "host": {
      const since = hostVisibleSince(actor.scopeDate);
      return base
        .where("placements.organisation_id", "=", actor.organisationId ?? "")
        .where((eb) => eb.or([eb("placements.status", "in", [...OPEN_PLACEMENT_STATUSES]), eb("placements.updated_at", ">=", since)]));
    }
    case "consultant":
    case "teamLead":
      return base.where((eb) =>
        eb.or([
          ...(actor.districts.length ? [eb("clients.district", "in", actor.districts)] : []),
          eb("clients.consultant_id", "=", actor.id),
        ]),
      );
    default:
      return base.where("placements.id", "=", "");
  }
}

export type PlacementWithNames = Awaited<ReturnType<ReturnType<typeof visiblePlacements>["executeTakeFirstOrThrow"]>>;

/** Guidance hours a week an organisation's placements ask under the ordinance's hours per level, by status group. */
export async function guidanceDemand(
  db: Kysely<Database>,
  organisationId: string,
  hoursPerLevel: Record<GuidanceLevel, number>,
  exceptPlacementId?: string,
) {
  let query = db
    .selectFrom("placements")
    .select(["status", "guidance_level"])
    .where("organisation_id", "=", organisationId)
    .where("status", "in", [...OPEN_PLACEMENT_STATUSES]);
  if (exceptPlacementId) query = query.where("id", "!=", exceptPlacementId);
  const rows = await query.execute();
  const hours = (level: GuidanceLevel) => hoursPerLevel[level] ?? 0;
  return {
    committed: rows.filter((r) => r.status !== OPEN_REFERRAL_STATUS).reduce((sum, r) => sum + hours(r.guidance_level), 0),
    proposed: rows.filter((r) => r.status === OPEN_REFERRAL_STATUS).reduce((sum, r) => sum + hours(r.guidance_level), 0),
  };
}

/** The organisation and client of a placement (they never change), so their locks can be taken first. */
export function partiesOfPlacement(db: Kysely<Database>, id: string) {
  return db.selectFrom("placements").select(["organisation_id", "client_id"]).where("id", "=", id).executeTakeFirst();
}
