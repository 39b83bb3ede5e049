import type { Actor, RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { requireFound } from "@server/http/errors.js";
import type { StatePensionAgeRow } from "@shared/schemas/registry.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { lastPensionAgeChange, listStatePensionAges, replaceStatePensionAges } from "./pension-ages.repo.js";
import { registryPolicy } from "./registry.policy.js";

/** The state pension age table with its last change and whether the caller may change it. */
export async function readPensionAges(db: Kysely<Database>, actor: Actor) {
  // The migration seeds the table and a change never leaves it empty, so a last change is always there.
  const changed = requireFound(await lastPensionAgeChange(db), "state pension age table");
  return {
    items: await listStatePensionAges(db),
    updatedAt: changed.updated_at,
    abilities: { update: registryPolicy.updatePensionAges.allows(actor) },
  };
}

/** Replaces the whole table (already checked to have no gap or overlap) and records who did. */
export async function replacePensionAges(db: Kysely<Database>, ctx: RequestContext, items: readonly StatePensionAgeRow[]) {
  await inTransaction(db, async (trx) => {
    await replaceStatePensionAges(trx, items, ctx.actor.id, nowIso(ctx.clock));
    await recordAudit(trx, ctx, {
      action: "statePensionAges.update",
      category: "admin",
      subjectType: "statePensionAges",
      details: { rows: items.length },
    });
  });
  return readPensionAges(db, ctx.actor);
}
