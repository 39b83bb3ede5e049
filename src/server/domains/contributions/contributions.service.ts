import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ContributionsTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import type { ContributionInput } from "@shared/schemas/contributions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { prepareLetter, storeLetter } from "../letters/letters.service.js";
import { assertWithinCapacity, committedHours } from "../plans/capacity.js";

/**
 * Formalises volunteer work a client already does, at any organisation: an agreement letter records it, the
 * client counts as contributing, and its hours count towards capacity like any other activity.
 */
export async function formaliseContribution(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: ContributionInput,
): Promise<ContributionsTable> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  if (input.since > ctx.clock.today()) throw invalidField("since", "dateInFuture", "Formalise work that has started");
  let organisationName = input.organisationName ?? "";
  if (input.organisationId) {
    const organisation = await db.selectFrom("organisations").select("name").where("id", "=", input.organisationId).executeTakeFirst();
    if (!organisation) throw invalidField("organisationId", "unknownOrganisation", "No such organisation");
    organisationName = organisation.name;
  }
  await assertWithinCapacity(db, client, (await committedHours(db, clientId)) + input.hoursPerWeek, ctx.clock.today());
  const letter = await prepareLetter(ctx, {
    client,
    kind: "contributionAgreement",
    template: "contribution-agreement",
    registered: false,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      organisationName,
      description: input.description,
      hoursPerWeek: input.hoursPerWeek,
      since: formatDutchDate(input.since),
      phone: municipality.phone,
      consultantName: ctx.actor.displayName,
    },
  });
  const row: ContributionsTable = {
    id: randomUUID(),
    client_id: clientId,
    kind: input.kind,
    organisation_id: input.organisationId ?? null,
    organisation_name: organisationName,
    description: input.description,
    hours_per_week: input.hoursPerWeek,
    since: input.since,
    status: "active",
    ended_on: null,
    letter_id: letter.id,
    created_by: ctx.actor.id,
    created_at: nowIso(ctx.clock),
  };
  await inTransaction(db, async (trx) => {
    // Capacity again under the client's lock: a parallel plan step or referral may have filled it meanwhile.
    await lockClient(trx, clientId);
    await assertWithinCapacity(trx, client, (await committedHours(trx, clientId)) + input.hoursPerWeek, ctx.clock.today());
    await storeLetter(trx, ctx, letter);
    await trx.insertInto("contributions").values(row).execute();
    await recordAudit(trx, ctx, {
      action: "contribution.create",
      category: "write",
      clientId,
      subjectType: "contribution",
      subjectId: row.id,
      details: { kind: input.kind },
    });
  });
  return row;
}

/** A client's formalised contributions, newest first. */
export async function listContributions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<ContributionsTable[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  return db.selectFrom("contributions").selectAll().where("client_id", "=", clientId).orderBy("since", "desc").execute();
}
