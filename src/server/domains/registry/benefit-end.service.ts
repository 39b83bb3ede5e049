import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockPlacements } from "@server/db/locks.repo.js";
import type { BenefitEndStopsTable, ClientRow, Database, LettersTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, requireFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import type { BenefitEndReason } from "@shared/enums.js";
import type { EndReason } from "@shared/schemas/placements.js";
import type { BenefitEndInput } from "@shared/schemas/registry.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient, systemFindClient, updateClient } from "../clients/clients.repo.js";
import { assertBenefitEndAfterStart, assertBenefitRunning } from "../clients/clients.rules.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { updatePlacement } from "../placements/placements.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { insertStops, openPlacementsOfClient, openStepsOfClient, stopSteps } from "./benefit-end.repo.js";

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

/** Whether what is open is still what a letter was rendered for. */
const sameOpen = (a: Open, b: Open) =>
  a.placements.map((p) => p.id).join() === b.placements.map((p) => p.id).join() &&
  a.steps.map((s) => s.id).join() === b.steps.map((s) => s.id).join();

/**
 * Ends what is still open for a client whose benefit ended, in the caller's transaction under the client's lock:
 * open placements end (not attributable to the client: nothing can rest on it), planned and running plan steps stop,
 * and the client gets a letter saying so (not after a death; `early` is the letter rendered before the transaction
 * for `openBefore`, made anew when what is open changed meanwhile). When `undoable` (recorded by staff, not by an
 * import), the letter is held back and what stopped is kept with its status, so that the end can be undone while the
 * letter is inside. Returns what ended, for the audit.
 */
async function endOpenWork(
  trx: Kysely<Database>,
  ctx: RequestContext,
  client: ClientRow,
  input: BenefitEndInput,
  early: Prepared,
  undoable: boolean,
) {
  const open: Open = { placements: await openPlacementsOfClient(trx, client.id), steps: await openStepsOfClient(trx, client.id) };
  await lockPlacements(
    trx,
    open.placements.map((p) => p.id),
  );
  let letter: LettersTable | null = null;
  if (needsLetter(input.reason, open)) {
    letter = early.letter && sameOpen(open, early.open) ? early.letter : await benefitEndedLetter(trx, ctx, client, input, open);
  }
  const today = ctx.clock.today();
  const now = nowIso(ctx.clock);
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
  if (letter) {
    // Held back from the client for a few minutes: until it is printed, the end can be undone.
    await storeLetter(trx, ctx, undoable ? holdForUndo(ctx, letter) : letter);
    if (undoable) await insertStops(trx, stopsOf(client.id, letter.id, open, now));
  }
  return { placementsEnded: open.placements.map((p) => p.id), stepsStopped: open.steps.length, letterId: letter?.id ?? null };
}

/** What the end stopped, each with the status it had, kept beside its letter for an undo. */
function stopsOf(clientId: string, letterId: string, open: Open, now: string): BenefitEndStopsTable[] {
  const stop = (subjectType: BenefitEndStopsTable["subject_type"], item: { id: string; status: string }) => ({
    id: randomUUID(),
    client_id: clientId,
    letter_id: letterId,
    subject_type: subjectType,
    subject_id: item.id,
    previous_status: item.status,
    stopped_at: now,
  });
  return [...open.placements.map((p) => stop("placement", p)), ...open.steps.map((s) => stop("planStep", s))];
}

interface Prepared {
  open: Open;
  letter: LettersTable | null;
}

/** What is open for the client now, and its letter, rendered before the transaction (rendering is slow). */
async function prepareEnding(db: Kysely<Database>, ctx: RequestContext, client: ClientRow, input: BenefitEndInput): Promise<Prepared> {
  const open: Open = { placements: await openPlacementsOfClient(db, client.id), steps: await openStepsOfClient(db, client.id) };
  return { open, letter: needsLetter(input.reason, open) ? await benefitEndedLetter(db, ctx, client, input, open) : null };
}

/**
 * Records that the benefits administration ended a client's benefit. The client leaves the invitation cohort and
 * what is still open ends (`endOpenWork`); the file itself stays, under the retention periods. Once per client
 * (409 `benefitAlreadyEnded`), under the client's lock.
 */
export async function endBenefit(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: BenefitEndInput): Promise<ClientRow> {
  if (input.benefitEndDate > ctx.clock.today()) {
    throw invalidField("benefitEndDate", "dateInFuture", "Record the end of a benefit once it has ended");
  }
  const before = await requireVisibleClient(db, ctx.actor, clientId);
  assertBenefitRunning(before);
  assertBenefitEndAfterStart(before.benefit_start_date, input.benefitEndDate);
  const early = await prepareEnding(db, ctx, before, input);
  return inTransaction(db, async (trx) => {
    await lockClient(trx, clientId);
    const client = await requireVisibleClient(trx, ctx.actor, clientId);
    assertBenefitRunning(client);
    await updateClient(trx, clientId, {
      benefit_end_date: input.benefitEndDate,
      benefit_end_reason: input.reason,
      updated_at: nowIso(ctx.clock),
    });
    const ended = await endOpenWork(trx, ctx, client, input, early, true);
    await recordAudit(trx, ctx, {
      action: "client.benefitEnd",
      category: "write",
      clientId,
      subjectType: "client",
      subjectId: clientId,
      details: { reason: input.reason, ...ended },
    });
    return requireFound(await systemFindClient(trx, clientId), "client");
  });
}

/**
 * Ends the open work of a client whose benefit an import has just ended (the end is already stored): the same
 * endings and letter as `endBenefit`, in a transaction of its own, audited as part of the benefit's end.
 */
export async function endOpenWorkOfEndedBenefit(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: BenefitEndInput,
): Promise<void> {
  const before = requireFound(await systemFindClient(db, clientId), "client");
  const early = await prepareEnding(db, ctx, before, input);
  if (early.open.placements.length + early.open.steps.length === 0) return;
  await inTransaction(db, async (trx) => {
    await lockClient(trx, clientId);
    const client = requireFound(await systemFindClient(trx, clientId), "client");
    // The benefits administration ended it: an import is not undone here, so its letter goes as it is.
    const ended = await endOpenWork(trx, ctx, client, input, early, false);
    await recordAudit(trx, ctx, {
      action: "client.benefitEnd",
      category: "write",
      clientId,
      subjectType: "client",
      subjectId: clientId,
      details: { reason: input.reason, source: "import", ...ended },
    });
  });
}
