import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockPlacements } from "@server/db/locks.repo.js";
import type { ClientRow, Database, LettersTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, requireFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import type { BenefitEndReason } from "@shared/enums.js";
import type { EndReason } from "@shared/schemas/placements.js";
import type { BenefitEndInput } from "@shared/schemas/registry.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { assertBenefitEndAfterStart, assertBenefitRunning } from "../clients/clients.rules.js";
import { requireVisibleClient, systemFindClient, updateClient } from "../clients/clients.repo.js";
import { prepareLetter, storeLetter } from "../letters/letters.service.js";
import { updatePlacement } from "../placements/placements.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { openPlacementsOfClient, openStepsOfClient, stopSteps } from "./benefit-end.repo.js";

/** How an ended benefit's reason reads as the ending of a placement. */
const PLACEMENT_END_REASON: Record<BenefitEndReason, EndReason> = {
  work: "movedToPaidWork",
  moved: "moved",
  otherIncome: "other",
  deceased: "other",
  other: "other",
};

/** The sentence of the letter that says why the benefit stopped, in the client's words. */
const REASON_SENTENCE: Record<BenefitEndReason, string> = {
  work: "U heeft werk gevonden. Gefeliciteerd!",
  moved: "U bent verhuisd naar een andere gemeente.",
  otherIncome: "U heeft nu ander inkomen.",
  deceased: "",
  other: "",
};

type Open = { placements: Awaited<ReturnType<typeof openPlacementsOfClient>>; steps: Awaited<ReturnType<typeof openStepsOfClient>> };

/** What ends, as the letter lists it: each placement and each step in plain words. */
function endedLines(open: Open): string[] {
  return [
    ...open.placements.map((p) => `Uw vrijwilligerswerk bij ${p.organisation_name}: ${p.role_title}.`),
    ...open.steps.map((s) => `De afspraak in uw plan: ${s.title}.`),
  ];
}

/**
 * A letter is needed when something the client was asked to do stops (a placement, a plan step), and never to
 * someone who died: their file is closed without post to the address.
 */
function needsLetter(reason: BenefitEndReason, open: Open): boolean {
  return reason !== "deceased" && open.placements.length + open.steps.length > 0;
}

async function benefitEndedLetter(db: Kysely<Database>, ctx: RequestContext, client: ClientRow, input: BenefitEndInput, open: Open) {
  const consultantName = (await displayNamesOf(db, [client.consultant_id])).get(client.consultant_id ?? "");
  return prepareLetter(ctx, {
    client,
    kind: "benefitEnded",
    template: "benefit-ended",
    registered: false,
    data: {
      givenName: client.given_name,
      familyName: client.family_name,
      benefitEndDate: formatDutchDate(input.benefitEndDate),
      reasonSentence: REASON_SENTENCE[input.reason],
      ended: endedLines(open),
      placements: open.placements.length > 0,
      phone: municipality.phone,
      consultantName: consultantName ?? "uw consulent",
    },
  });
}

/** A letter rendered for the open plans and placements as they were before the transaction. */
const sameOpen = (a: Open, b: Open) =>
  a.placements.map((p) => p.id).join() === b.placements.map((p) => p.id).join() && a.steps.map((s) => s.id).join() === b.steps.map((s) => s.id).join();

/**
 * Records that the benefits administration ended a client's benefit. The client leaves the invitation cohort; open
 * placements end (not attributable to the client: nothing can rest on it), planned and running plan steps stop, and
 * the client gets a letter saying so (not after a death). The file itself stays, under the retention periods. Once
 * per client (409 `benefitAlreadyEnded`), under the client's lock.
 */
export async function endBenefit(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: BenefitEndInput): Promise<ClientRow> {
  if (input.benefitEndDate > ctx.clock.today()) {
    throw invalidField("benefitEndDate", "dateInFuture", "Record the end of a benefit once it has ended");
  }
  const before = await requireVisibleClient(db, ctx.actor, clientId);
  assertBenefitRunning(before);
  assertBenefitEndAfterStart(before.benefit_start_date, input.benefitEndDate);
  const openBefore: Open = { placements: await openPlacementsOfClient(db, clientId), steps: await openStepsOfClient(db, clientId) };
  // Rendering is slow: done before the transaction, for what is open now, and made again inside when that changed.
  const early = needsLetter(input.reason, openBefore) ? await benefitEndedLetter(db, ctx, before, input, openBefore) : null;

  return inTransaction(db, async (trx) => {
    await lockClient(trx, clientId);
    const client = await requireVisibleClient(trx, ctx.actor, clientId);
    assertBenefitRunning(client);
    const open: Open = { placements: await openPlacementsOfClient(trx, clientId), steps: await openStepsOfClient(trx, clientId) };
    await lockPlacements(
      trx,
      open.placements.map((p) => p.id),
    );
    let letter: LettersTable | null = null;
    if (needsLetter(input.reason, open)) letter = early && sameOpen(open, openBefore) ? early : await benefitEndedLetter(trx, ctx, client, input, open);
    const today = ctx.clock.today();
    const now = nowIso(ctx.clock);
    await updateClient(trx, clientId, { benefit_end_date: input.benefitEndDate, benefit_end_reason: input.reason, updated_at: now });
    for (const placement of open.placements) {
      await updatePlacement(trx, placement.id, {
        status: "ended",
        ended_on: today,
        end_reason: PLACEMENT_END_REASON[input.reason],
        end_note: "De uitkering is beëindigd.",
        // Determined at once: the benefit's end is nobody's failing, so no sanction can rest on it.
        attributable_to: "none",
        attribution_reasons: "The benefit ended",
        attribution_determined_by: ctx.actor.id,
        attribution_determined_on: today,
        updated_at: now,
      });
    }
    await stopSteps(
      trx,
      open.steps.map((s) => s.id),
      "benefitEnded",
      now,
    );
    if (letter) await storeLetter(trx, ctx, letter);
    await recordAudit(trx, ctx, {
      action: "client.benefitEnd",
      category: "write",
      clientId,
      subjectType: "client",
      subjectId: clientId,
      details: {
        reason: input.reason,
        placementsEnded: open.placements.map((p) => p.id),
        stepsStopped: open.steps.length,
        letterId: letter?.id ?? null,
      },
    });
    return requireFound(await systemFindClient(trx, clientId), "client");
  });
}
