import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ContributionsTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { CONTRIBUTION_KINDS, type ContributionInput } from "@shared/schemas/contributions.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { assertWithinCapacity, committedHours } from "../plans/capacity.js";
import { findOrganisationName, hasActiveCaregivingBeyondCustomary, insertContribution, listContributionsOf } from "./contributions.repo.js";
import { CONTRIBUTION_AGREEMENT_LETTER } from "./contributions.rules.js";

/** What a client contributes through: a kind of formalised contribution, or caregiving beyond customary care. */
export type ContributionChannel = (typeof CONTRIBUTION_KINDS)[number] | "caregiving";
const kindOf = z.enum(CONTRIBUTION_KINDS);

/**
 * Formalises volunteer work a client already does, at any organisation: an agreement letter records it, the
 * client counts as contributing, and its hours count towards capacity like any other activity. The letter is held
 * back from the client for a few minutes, so that formalising can be undone until it is printed.
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
    const name = await findOrganisationName(db, input.organisationId);
    if (name === undefined) throw invalidField("organisationId", "unknownOrganisation", "No such organisation");
    organisationName = name;
  }
  await assertWithinCapacity(db, client, (await committedHours(db, clientId)) + input.hoursPerWeek, ctx.clock.today());
  const letter = await prepareLetter(ctx, {
    client,
    kind: CONTRIBUTION_AGREEMENT_LETTER,
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
    await storeLetter(trx, ctx, holdForUndo(ctx, letter));
    await insertContribution(trx, row);
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

/**
 * A client's formalised contributions, newest first, and what the client contributes through now: active
 * volunteer work and caregiving beyond customary care.
 */
export async function listContributions(db: Kysely<Database>, ctx: RequestContext, clientId: string) {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listContributionsOf(db, clientId);
  const through: ContributionChannel[] = [...new Set(rows.filter((r) => r.status === "active").map((r) => kindOf.parse(r.kind)))];
  if (await hasActiveCaregivingBeyondCustomary(db, clientId)) through.push("caregiving");
  return { rows, contributingThrough: through };
}
