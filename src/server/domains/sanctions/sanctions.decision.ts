import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockSanction } from "@server/db/locks.repo.js";
import type { ClientRow, Database, SanctionRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, requireFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { DecisionType } from "@shared/schemas/decisions.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { SanctionDecisionInput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { listClientExemptions } from "../exemptions/exemptions.repo.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { findSanction, insertSanctionHearing, sanctionHearingsOf, updateSanction, updateSanctionWhere } from "./sanctions.repo.js";
import {
  assertDecided,
  assertHeardInPast,
  assertMayDecide,
  assertMayHear,
  assertMayInvite,
  assertMayReconsider,
  assertNoExemptionInForce,
  assertNoUrgentReasons,
  decidedTerms,
  levelFor,
} from "./sanctions.rules.js";
import { type Ground, invitationDelivery, requireVisibleSanction } from "./sanctions.service.js";

/**
 * Invites the client to a hearing by registered letter, with the ordinance's response term. The letter and the
 * client's notice that an answer is awaited are held back for a few minutes, so that the invitation can be undone.
 */
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
    // Check again under the sanction's lock: a parallel invitation waits here, then finds this one's letter.
    await lockSanction(trx, id);
    const fresh = await requireVisibleSanction(trx, ctx, id);
    assertMayInvite(fresh, await invitationDelivery(trx, fresh));
    await storeLetter(trx, ctx, holdForUndo(ctx, letter), { answerBy: respondBy });
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

/**
 * Records the client's response: in person, by phone, in writing, or (by the client themselves) through the portal.
 * Once; after that a correction names the latest version and becomes a new version, every version kept and shown
 * to the decider (409 alreadyHeard without correctionOf, 409 hearingChanged for an older version).
 */
export async function recordHearing(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { heldOn: string; channel: string; record: string; correctionOf?: number | null | undefined },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  const versions = (await sanctionHearingsOf(db, [id])).get(id) ?? [];
  assertMayHear(sanction, input.correctionOf, versions.length);
  assertHeardInPast(input.heldOn, ctx.clock.today());
  const channel = ctx.actor.role === "client" ? "portal" : input.channel;
  const latest = {
    hearing_held_on: input.heldOn,
    hearing_channel: channel,
    hearing_record: input.record,
    hearing_recorded_by: ctx.actor.id,
  };
  await inTransaction(db, async (trx) => {
    // Under the sanction's lock: an undo of the invitation at the same moment goes either before or after the answer.
    await lockSanction(trx, id);
    assertMayHear(requireFound(await findSanction(trx, id), "sanction"), input.correctionOf, versions.length);
    await insertSanctionHearing(trx, {
      id: randomUUID(),
      sanction_id: id,
      version: versions.length + 1,
      held_on: input.heldOn,
      channel,
      record: input.record,
      recorded_by: ctx.actor.id,
      correction_of: input.correctionOf ?? null,
      recorded_at: nowIso(ctx.clock),
    });
    // The sanction keeps the latest version at hand for its rules; the versions table keeps them all.
    const heard = input.correctionOf
      ? await updateSanctionWhere(trx, id, { column: "status", is: "proposed" }, latest)
      : await updateSanctionWhere(trx, id, { column: "hearing_record", is: null }, latest);
    if (!heard)
      throw conflict(input.correctionOf ? "sanctionDecided" : "alreadyHeard", "The hearing or the decision was recorded meanwhile.");
    await recordAudit(trx, ctx, {
      action: input.correctionOf ? "sanction.hearingCorrection" : "sanction.hearing",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { channel, version: versions.length + 1 },
    });
  });
}

const firstOfNextMonth = (date: string) => `${addMonths(`${date.slice(0, 8)}01`, 1)}`;

const DECISION_TYPE: Record<string, DecisionType> = {
  imposed: "sanctionImposed",
  imposedLower: "sanctionImposedLower",
  refrained: "sanctionRefrained",
};

type Decided = Pick<SanctionRow, "outcome" | "percentage" | "months" | "ordinance_version">;

/** The decision in one plain sentence, the letter's first. */
export function sanctionSummary(sanction: Decided): string {
  if (sanction.outcome === "refrained") return "Wij hebben besloten dat u geen maatregel krijgt.";
  const months = sanction.months ?? 0;
  return (
    `Wij hebben besloten dat u een maatregel krijgt: uw bijstand wordt ${months} ${months === 1 ? "maand" : "maanden"} ` +
    `verlaagd met ${sanction.percentage ?? 0} procent.`
  );
}

export const sanctionLegalBasis = (sanction: Decided) =>
  `Artikel 18, tweede lid, Participatiewet en de afstemmingsverordening (versie ${sanction.ordinance_version ?? "onbekend"})`;

/** Renders the decision letter of a decided (or now being decided) sanction, outside any transaction. */
async function prepareSanctionDecisionLetter(
  db: Kysely<Database>,
  ctx: RequestContext,
  sanction: SanctionRow & Decided,
  client: ClientRow,
  decidedBy: string | null,
  decidedOn: string,
) {
  const decider = (await displayNamesOf(db, [decidedBy])).get(decidedBy ?? "") ?? "";
  const letterDate = ctx.clock.today();
  return prepareDecisionLetter(ctx, {
    client,
    type: DECISION_TYPE[sanction.outcome ?? ""] ?? "sanctionImposed",
    template: "sanction-decision",
    kind: "sanctionDecision",
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
      reasons: sanction.decision_reasons ?? "",
      urgentReasonsLapsed: sanction.urgent_reasons_lapsed_reasons,
      decidedOn: formatDutchDate(decidedOn),
      ordinanceVersion: sanction.ordinance_version,
      decidedBy: decider,
    },
  });
}

/** The decision record of a sanction decision, stored with its letter in the caller's transaction. */
function recordSanctionDecision(
  trx: Kysely<Database>,
  ctx: RequestContext,
  sanction: SanctionRow & Decided,
  letter: Awaited<ReturnType<typeof prepareDecisionLetter>>,
  decidedBy: string,
  decidedOn: string,
) {
  return recordDecision(trx, ctx, {
    clientId: sanction.client_id,
    type: DECISION_TYPE[sanction.outcome ?? ""] ?? "sanctionImposed",
    subject: { type: "sanction", id: sanction.id },
    summary: sanctionSummary(sanction),
    legalBasis: sanctionLegalBasis(sanction),
    ordinanceVersion: sanction.ordinance_version,
    facts: sanction.facts,
    reasons: sanction.decision_reasons ?? "",
    letter,
    preparedBy: sanction.proposed_by,
    decidedBy,
    decidedOn,
    takesEffectOn: sanction.outcome === "refrained" ? letter.letterDate : firstOfNextMonth(letter.letterDate),
  });
}

/**
 * A second person decides. Refused to the proposer (403 sameDecisionMaker), without a hearing record unless the
 * delivered invitation's term has passed (409 hearingRequired), and imposing while a full exemption is in force or
 * while the proposal's urgent reasons stand (409 urgentReasons; `urgentReasonsLapsed` records, as a new weighing,
 * that they no longer apply, and the letter names it). The
 * decision applies the ordinance in force and records its version; it is a decision (besluit) with its letter,
 * which carries the legal remedy notice, all stored in one transaction.
 */
export async function decideSanction(db: Kysely<Database>, ctx: RequestContext, id: string, input: SanctionDecisionInput): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  const today = ctx.clock.today();
  assertMayDecide(sanction, ctx.actor, await invitationDelivery(db, sanction), today);
  assertNoUrgentReasons(sanction, input);
  if (input.outcome !== "refrained")
    assertNoExemptionInForce(await listClientExemptions(db, sanction.client_id), [sanction.facts_date, today]);
  const ordinance: Ordinance = await ordinanceOn(db, today);
  const terms = decidedTerms(input, levelFor(sanction.ground as Ground, sanction.recurrence, sanction.culpability, ordinance));
  // The new weighing of urgent reasons is kept only where it carried the decision: imposing despite them.
  const lapsed =
    input.outcome !== "refrained" && sanction.urgent_reasons === 1 && input.urgentReasonsLapsed
      ? {
          urgent_reasons_lapsed_reasons: input.urgentReasonsLapsed.reasons,
          urgent_reasons_lapsed_by: ctx.actor.id,
          urgent_reasons_lapsed_at: nowIso(ctx.clock),
        }
      : {};
  const decided = {
    ...sanction,
    ...terms,
    ...lapsed,
    outcome: input.outcome,
    decision_reasons: input.reasons,
    ordinance_version: ordinance.version,
  };
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const prepared = await prepareSanctionDecisionLetter(db, ctx, decided, client, ctx.actor.id, today);
  // Held back from the client for a few minutes, so that the decision can be undone before it is made known.
  const letter = { ...prepared, letter: holdForUndo(ctx, prepared.letter) };
  await inTransaction(db, async (trx) => {
    // Checked again under the client's lock (exemptions are granted under it) and the sanction's: the letter was
    // rendered from what was read above, so it must still be the state of things.
    await lockClient(trx, sanction.client_id);
    await lockSanction(trx, id);
    const fresh = requireFound(await findSanction(trx, id), "sanction");
    assertMayDecide(fresh, ctx.actor, await invitationDelivery(trx, fresh), today);
    if (fresh.hearing_record !== sanction.hearing_record)
      throw conflict("hearingChanged", "The hearing was corrected meanwhile; read it before deciding.");
    if (input.outcome !== "refrained")
      assertNoExemptionInForce(await listClientExemptions(trx, sanction.client_id), [sanction.facts_date, today]);
    const decision = await recordSanctionDecision(trx, ctx, decided, letter, ctx.actor.id, today);
    const stored = await updateSanctionWhere(
      trx,
      id,
      { column: "status", is: "proposed" },
      {
        status: "decided",
        outcome: input.outcome,
        decision_reasons: input.reasons,
        ...terms,
        ...lapsed,
        ordinance_version: ordinance.version,
        decided_by: ctx.actor.id,
        decided_at: nowIso(ctx.clock),
        reconsider_by: input.outcome === "refrained" ? null : addMonths(today, 3),
        decision_letter_id: letter.letter.id,
        decision_id: decision.id,
      },
    );
    if (!stored) throw conflict("sanctionDecided", "This sanction was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "sanction.decide",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { outcome: input.outcome, ordinanceVersion: ordinance.version, urgentReasonsLapsed: "urgent_reasons_lapsed_at" in lapsed },
    });
  });
}

class IssuedMeanwhile extends Error {}

/** The decision letter, made once: asking again returns the same letter (a sanction decided before decisions had letters gets one now). */
export async function issueDecisionLetter(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertDecided(sanction);
  if (sanction.decision_letter_id) return sanction.decision_letter_id;
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const decidedOn = (sanction.decided_at ?? ctx.clock.today()).slice(0, 10);
  const letter = await prepareSanctionDecisionLetter(db, ctx, sanction, client, sanction.decided_by, decidedOn);
  try {
    await inTransaction(db, async (trx) => {
      const decision = await recordSanctionDecision(trx, ctx, sanction, letter, sanction.decided_by ?? ctx.actor.id, decidedOn);
      const stored = await updateSanctionWhere(
        trx,
        id,
        { column: "decision_letter_id", is: null },
        { decision_letter_id: letter.letter.id, decision_id: decision.id },
      );
      if (!stored) throw new IssuedMeanwhile();
    });
    return letter.letter.id;
  } catch (error) {
    if (!(error instanceof IssuedMeanwhile)) throw error;
    // Another request issued it meanwhile: theirs is the one letter, and this one was never stored.
    const issued = (await findSanction(db, id))?.decision_letter_id;
    if (!issued) throw error;
    return issued;
  }
}

/**
 * Records the reconsideration due within three months of an imposed sanction (art. 18 lid 3). "ended" really ends
 * the sanction from today and is itself a decision, with a letter that carries the legal remedy notice.
 */
export async function reconsider(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: string; note: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  assertMayReconsider(sanction);
  const today = ctx.clock.today();
  const ended = input.outcome === "ended";
  const client = await requireVisibleClient(db, ctx.actor, sanction.client_id);
  const summary = `Wij stoppen uw maatregel vanaf ${formatDutchDate(today)}. Vanaf die dag wordt uw bijstand niet meer verlaagd.`;
  const legalBasis = "Artikel 18, derde lid, Participatiewet";
  const prepared = ended
    ? await prepareDecisionLetter(ctx, {
        client,
        type: "reconsideration",
        template: "decision",
        kind: "sanctionReconsideration",
        data: {
          title: "uw maatregel stopt",
          givenName: client.given_name,
          familyName: client.family_name,
          summary,
          facts: `Wij hebben opnieuw gekeken naar uw maatregel. Dat doen wij binnen drie maanden nadat wij die hebben opgelegd. ${sanction.facts}`,
          reasons: input.note,
          legalBasis,
          takesEffectOn: formatDutchDate(today),
          decidedBy: ctx.actor.displayName,
        },
      })
    : null;
  // Held back from the client for a few minutes, so that the reconsideration can be undone before it is made known.
  const letter = prepared ? { ...prepared, letter: holdForUndo(ctx, prepared.letter) } : null;
  await inTransaction(db, async (trx) => {
    // Under the sanction's lock, as its undo: a reconsideration and an undo of it or of the decision go one after the other.
    await lockSanction(trx, id);
    assertMayReconsider(requireFound(await findSanction(trx, id), "sanction"));
    const decision = letter
      ? await recordDecision(trx, ctx, {
          clientId: sanction.client_id,
          type: "reconsideration",
          subject: { type: "sanction", id },
          summary,
          legalBasis,
          ordinanceVersion: sanction.ordinance_version,
          facts: sanction.facts,
          reasons: input.note,
          letter,
          preparedBy: ctx.actor.id,
          takesEffectOn: today,
          replacesDecisionId: sanction.decision_id,
        })
      : null;
    const done = await updateSanctionWhere(
      trx,
      id,
      { column: "reconsidered_on", is: null },
      {
        reconsidered_on: today,
        reconsideration_outcome: input.outcome,
        reconsideration_note: input.note,
        ...(decision ? { ended_on: today, reconsideration_decision_id: decision.id } : {}),
      },
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
