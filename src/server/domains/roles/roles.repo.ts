import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";

/** The roles this actor may see: hosts their own organisation's, staff all. */
export function visibleRoles(db: Kysely<Database>, actor: Actor) {
  const base = db
    .selectFrom("volunteer_roles")
    .innerJoin("organisations", "organisations.id", "volunteer_roles.organisation_id")
    .selectAll("volunteer_roles")
    .select("organisations.name as organisation_name")
    .select((eb) => [
      eb
        .selectFrom("placements")
        .select((p) => p.fn.countAll<number>().as("n"))
        .whereRef("placements.role_id", "=", "volunteer_roles.id")
        .where("placements.status", "in", [...OPEN_PLACEMENT_STATUSES])
        .as("places_taken"),
      eb
        .selectFrom("displacement_complaints")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("displacement_complaints.role_id", "=", "volunteer_roles.id")
        .where("displacement_complaints.status", "=", "open")
        .as("open_complaints"),
    ]);
  if (actor.role === "host") return base.where("volunteer_roles.organisation_id", "=", actor.organisationId ?? "");
  return base;
}

export type RoleWithCounts = Awaited<ReturnType<ReturnType<typeof visibleRoles>["executeTakeFirstOrThrow"]>>;
