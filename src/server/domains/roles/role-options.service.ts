import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { postcodeDistanceKm } from "@shared/geo.js";
import type { Kysely } from "kysely";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { roleTakesPlacements } from "../placements/placements.rules.js";
import { approvedRolesMatching } from "./roles.repo.js";

/** What a role picker asks: words, a furthest distance and a page. */
export interface RoleOptionsFilters {
  q?: string | undefined;
  maxDistanceKm?: number | undefined;
  page: number;
  pageSize: number;
}

/** Kilometres rounded to one decimal, as the picker shows them. */
function roundedKm(km: number | null): number | null {
  return km === null ? null : Math.round(km * 10) / 10;
}

/**
 * The roles a client can be proposed for now (approved, no open complaint, a free place), nearest first (then by title), with the distance from the client's
 * postcode area. The words match in SQL; the distance comes from the postcode areas' centroids, so it is measured and
 * filtered here, over the approved roles that match.
 */
export async function listRoleOptions(db: Kysely<Database>, actor: Actor, clientId: string, filters: RoleOptionsFilters) {
  const client = await requireVisibleClient(db, actor, clientId);
  const rows = await approvedRolesMatching(db, actor, filters.q);
  const measured = rows
    .filter((row) => roleTakesPlacements(row))
    .map((row) => ({ row, distanceKm: roundedKm(postcodeDistanceKm(client.postcode, row.postcode)) }))
    .filter((r) => filters.maxDistanceKm === undefined || (r.distanceKm !== null && r.distanceKm <= filters.maxDistanceKm))
    .sort(
      (a, b) =>
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        a.row.title.localeCompare(b.row.title, "nl") ||
        a.row.id.localeCompare(b.row.id),
    );
  const start = (filters.page - 1) * filters.pageSize;
  return { items: measured.slice(start, start + filters.pageSize), total: measured.length };
}
