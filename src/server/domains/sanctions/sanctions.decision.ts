import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { SanctionDecisionInput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { listClientExemptions } from "../exemptions/exemptions.repo.js";
import { prepareLetter, storeLetter } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { findSanction, updateSanction, updateSanctionWhere } from "./sanctions.repo.js";
import {
  assertDecided,
  assertHeardInPast,
  assertMayDecide,
  assertMayHear,
  assertMayInvite,
  assertMayReconsider,
  assertNoExemptionInForce,
  decidedTerms,
  levelFor,
  OBJECTION_TERM_DAYS,
} from "./sanctions.rules.js";
import { type Ground, invitationDelivery, requireVisibleSanction } from "./sanctions.service.js";

/** Invites the client to a hearing by registered letter, with the ordinance's response term. */
export async function inviteToHearing(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayInvite(sanction, await invitationDelivery(db, sanction));
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const respondBy = addDays(ctx.clock.today(), (await ordinanceOn(db, ctx.clock.today())).hearingResponseDays);
  const letter = await prepareLetter(ctx, {
    client,
    kind: "sanctionHearing",
    template: "sanction-hearing",
    registered: true,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      facts: sanction.facts,
      respondBy: formatDutchDate(respondBy),
      phone: municipality.phone,
      consultantName: ctx.actor.displayName,
    },
  });
  await inTransaction(db, async (trx) => {
    await storeLetter(trx, ctx, letter);
    await updateSanction(trx, id, { hearing_letter_id: letter.id, hearing_respond_by: respondBy });
    await recordAudit(trx, ctx, {
      action: "sanction.inviteToHearing",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
    });
  });
}

/** Records the client's response: in person, by phone, in writing, or (by the client themselves) through the portal. */
export async function recordHearing(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { heldOn: string; channel: string; record: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayHear(sanction);
  assertHeardInPast(input.heldOn, ctx.clock.today());
  const channel = ctx.actor.role === "client" ? "portal" : input.channel;
  await inTransaction(db, async (trx) => {
    const heard = await updateSanctionWhere(
      trx,
      id,
      { column: "hearing_record", is: null },
      { hearing_held_on: input.heldOn, hearing_channel: channel, hearing_record: input.record, hearing_recorded_by: ctx.actor.id },
    );
    if (!heard) throw conflict("alreadyHeard", "The hearing was recorded meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.hearing",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { channel },
    });
  });
}

/**
 * A second person decides. Refused to the proposer (403 sameDecisionMaker), without a hearing record unless the
 * delivered invitation's term has passed (409 hearingRequired), and while a full exemption is in force. The
 * decision applies the ordinance in force and records its version; the decision letter is issued with it.
 */
export async function decideSanction(db: Kysely<Database>, ctx: RequestContext, id: string, input: SanctionDecisionInput): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  const today = ctx.clock.today();
  assertMayDecide(sanction, ctx.actor, await invitationDelivery(db, sanction), today);
  if (input.outcome !== "refrained")
    assertNoExemptionInForce(await listClientExemptions(db, sanction.client_id), [sanction.facts_date, today]);
  const ordinance: Ordinance = await ordinanceOn(db, today);
  const terms = decidedTerms(input, levelFor(sanction.ground as Ground, sanction.recurrence, sanction.culpability, ordinance));
  await inTransaction(db, async (trx) => {
    const decided = await updateSanctionWhere(
      trx,
      id,
      { column: "status", is: "proposed" },
      {
        status: "decided",
        outcome: input.outcome,
        decision_reasons: input.reasons,
        ...terms,
        ordinance_version: ordinance.version,
        decided_by: ctx.actor.id,
        decided_at: nowIso(ctx.clock),
        reconsider_by: input.outcome === "refrained" ? null : addMonths(today, 3),
      },
    );
    if (!decided) throw conflict("sanctionDecided", "This sanction was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.decide",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { outcome: input.outcome, ordinanceVersion: ordinance.version },
    });
  });
  await issueDecisionLetter(db, ctx, id);
}

class IssuedMeanwhile extends Error {}

const firstOfNextMonth = (date: string) => `${addMonths(`${date.slice(0, 8)}01`, 1)}`;

/** The decision letter, made once: asking again returns the same letter. */
export async function issueDecisionLetter(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertDecided(sanction);
  if (sanction.decision_letter_id) return sanction.decision_letter_id;
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const decider = (await displayNamesOf(db, [sanction.decided_by])).get(sanction.decided_by ?? "") ?? "";
  const decidedOn = (sanction.decided_at ?? ctx.clock.today()).slice(0, 10);
  const letterDate = ctx.clock.today();
  const letter = await prepareLetter(ctx, {
    client,
    kind: "sanctionDecision",
    template: "sanction-decision",
    registered: true,
    letterDate,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      imposed: sanction.outcome !== "refrained",
      percentage: sanction.percentage ?? 0,
      months: sanction.months ?? 0,
      monthWord: sanction.months === 1 ? "maand" : "maanden",
      startsOn: formatDutchDate(firstOfNextMonth(letterDate)),
      facts: sanction.facts,
      hearing: sanction.hearing_record ?? "U heeft niet gereageerd op onze uitnodiging voor een gesprek.",
      circumstances: sanction.circumstances,
      childrenInterests: sanction.children_interests,
      reasons: sanction.decision_reasons,
      decidedOn: formatDutchDate(decidedOn),
      ordinanceVersion: sanction.ordinance_version,
      objectionDeadline: formatDutchDate(addDays(letterDate, OBJECTION_TERM_DAYS)),
      objectionAddress: municipality.objectionAddress,
      phone: municipality.phone,
      decidedBy: decider,
    },
  });
  try {
    await inTransaction(db, async (trx) => {
      await storeLetter(trx, ctx, letter);
      const stored = await updateSanctionWhere(trx, id, { column: "decision_letter_id", is: null }, { decision_letter_id: letter.id });
      if (!stored) throw new IssuedMeanwhile();
    });
    return letter.id;
  } catch (error) {
    if (!(error instanceof IssuedMeanwhile)) throw error;
    // Another request issued it meanwhile: theirs is the one letter, and this one was never stored.
    const issued = (await findSanction(db, id))?.decision_letter_id;
    if (!issued) throw error;
    return issued;
  }
}

/** Records the reconsideration due within three months of an imposed sanction. */
export async function reconsider(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: string; note: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayReconsider(sanction);
  await inTransaction(db, async (trx) => {
    const done = await updateSanctionWhere(
      trx,
      id,
      { column: "reconsidered_on", is: null },
      { reconsidered_on: ctx.clock.today(), reconsideration_outcome: input.outcome, reconsideration_note: input.note },
    );
    if (!done) throw conflict("alreadyReconsidered", "This sanction was reconsidered meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.reconsider",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { outcome: input.outcome },
    });
  });
}
