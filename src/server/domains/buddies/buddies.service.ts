import { randomUUID } from "node:crypto";
import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockBuddyPairing, lockClient, lockClients } from "@server/db/locks.repo.js";
import type { BuddiesTable, BuddyPairingRow, BuddyPairingsTable, BuddyRow, ContributionsTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound, requireFound } from "@server/http/errors.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import type { BuddyAgreementInput, BuddyMeetingInput, BuddyPairingInput } from "@shared/schemas/buddies.js";
import type { Kysely } from "kysely";
import { countRequestsAbout, stopOpenRequestsAbout } from "../accountability/accountability.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { deleteContribution, endActiveContribution, insertContribution } from "../contributions/contributions.repo.js";
import { withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { holdForUndo, mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { assertWithinCapacity, committedHours } from "../plans/capacity.js";
import {
  activePairingsOfBuddy,
  buddyContacts,
  countActivePairings,
  countPairingsOfBuddy,
  deleteBuddy,
  endActiveBuddy,
  endActivePairing,
  findActiveBuddyOfClient,
  findActiveBuddyOfContribution,
  findActivePairingOfClient,
  findBuddy,
  findLatestBuddyOfClient,
  findPairing,
  findVisibleBuddy,
  findVisiblePairing,
  firstNamesOf,
  insertBuddy,
  insertMeeting,
  insertPairing,
  listPairingsOfClient,
  meetingsOf,
} from "./buddies.repo.js";
import {
  type AgreementUndoFacts,
  agreementSideOf,
  assertAgreementUndoable,
  assertBuddyActive,
  assertBuddyHasRoom,
  assertMeetingDate,
  assertNotBuddyAlready,
  assertNotOwnBuddy,
  assertNotPairedYet,
  assertPairingActive,
  assertTrained,
  BUDDY_AGREEMENT_DECISION,
  sideOf,
} from "./buddies.rules.js";

const legalBasis = (ordinanceVersion: number) =>
  `Artikel 9, eerste lid, onderdeel c, Participatiewet en de verordening van de gemeente over de tegenprestatie (versie ${ordinanceVersion})`;
const hoursText = (hours: number) => String(hours).replace(".", ",");

/** What the buddy agreement says, in plain Dutch (B1): the decision's first sentence, facts and reasons. */
export function buddyAgreementText(input: BuddyAgreementInput) {
  const hours = hoursText(input.hoursPerWeek);
  return {
    title: "u bent maatje, en dat telt als tegenprestatie",
    summary: `Wij hebben besloten dat u maatje bent voor mensen uit uw buurt. Dat telt als uw tegenprestatie, voor ${hours} uur per week.`,
    facts:
      `U volgde de training voor maatjes op ${formatDutchDate(input.trainedOn)}. ` +
      `U helpt vanaf ${formatDutchDate(input.since)} ten hoogste ${input.maxPairings} ${input.maxPairings === 1 ? "persoon" : "personen"} tegelijk. ` +
      `De persoon die u helpt, ziet alleen uw voornaam en het telefoonnummer dat u met ons afsprak: ${input.contactPhone}.`,
    reasons:
      "Wie zelf weet hoe het is om een uitkering te hebben, kan een ander goed helpen. Uw uren als maatje tellen daarom als uw tegenprestatie. " +
      "U en de persoon die u helpt, mogen altijd stoppen, zonder te zeggen waarom. Dat heeft nooit gevolgen voor u of voor de ander. " +
      "U ziet van de persoon die u helpt alleen de voornaam en de contactgegevens die zij of hij met ons afsprak. Houd die voor uzelf.",
  };
}

/**
 * A client who volunteers as a buddy gets a buddy agreement: a decision with its letter (open to objection), whose
 * contribution of kind `peerBuddy` counts the buddy's hours as their contribution and towards their capacity. The
 * training must have been followed; a client has one agreement at a time (a unique index holds it under concurrency).
 */
export async function makeBuddyAgreement(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: BuddyAgreementInput,
): Promise<string> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  assertTrained(input, today);
  assertNotBuddyAlready(await findActiveBuddyOfClient(db, clientId));
  await assertWithinCapacity(db, client, (await committedHours(db, clientId)) + input.hoursPerWeek, today);
  const ordinance = await ordinanceOn(db, today);
  const text = buddyAgreementText(input);
  // Dates as YYYY-MM-DD: the later one is the one that sorts last.
  const takesEffectOn = [input.since, today].sort()[1] ?? today;
  const prepared = await prepareDecisionLetter(ctx, {
    client,
    type: BUDDY_AGREEMENT_DECISION,
    template: "decision",
    data: {
      title: text.title,
      givenName: client.given_name,
      familyName: client.family_name,
      summary: text.summary,
      facts: text.facts,
      reasons: text.reasons,
      legalBasis: legalBasis(ordinance.version),
      takesEffectOn: formatDutchDate(takesEffectOn),
      decidedBy: ctx.actor.displayName,
    },
  });
  // Held back from the client for a few minutes: until it is printed, the agreement can be undone.
  const letter = { ...prepared, letter: holdForUndo(ctx, prepared.letter) };
  const now = nowIso(ctx.clock);
  const buddyId = randomUUID();
  await inTransaction(db, async (trx) => {
    // Capacity and the one agreement again under the client's lock: a parallel step or agreement may have come first.
    await lockClient(trx, clientId);
    assertNotBuddyAlready(await findActiveBuddyOfClient(trx, clientId));
    await assertWithinCapacity(trx, client, (await committedHours(trx, clientId)) + input.hoursPerWeek, today);
    const decision = await recordDecision(trx, ctx, {
      clientId,
      type: BUDDY_AGREEMENT_DECISION,
      subject: { type: "buddy", id: buddyId },
      summary: text.summary,
      legalBasis: legalBasis(ordinance.version),
      ordinanceVersion: ordinance.version,
      facts: text.facts,
      reasons: text.reasons,
      letter,
      takesEffectOn,
    });
    const contribution: ContributionsTable = {
      id: randomUUID(),
      client_id: clientId,
      kind: "peerBuddy",
      organisation_id: null,
      organisation_name: `Maatjes ${client.district}`,
      description: "Maatje voor mensen uit de buurt die een maatje willen",
      hours_per_week: input.hoursPerWeek,
      since: input.since,
      status: "active",
      ended_on: null,
      letter_id: letter.letter.id,
      created_by: ctx.actor.id,
      created_at: now,
    };
    await insertContribution(trx, contribution);
    const row: BuddiesTable = {
      id: buddyId,
      client_id: clientId,
      contribution_id: contribution.id,
      decision_id: decision.id,
      trained_on: input.trainedOn,
      since: input.since,
      max_pairings: input.maxPairings,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail ?? null,
      availability: input.availability ?? null,
      status: "active",
      ended_on: null,
      ended_by_side: null,
      ended_by: null,
      created_by: ctx.actor.id,
      created_at: now,
    };
    await insertBuddy(trx, row);
    await recordAudit(trx, ctx, {
      action: "buddy.create",
      category: "write",
      clientId,
      subjectType: "buddy",
      subjectId: buddyId,
      details: { hoursPerWeek: input.hoursPerWeek, maxPairings: input.maxPairings },
    });
  });
  return buddyId;
}

/** What may hang on a buddy agreement: its pairings and the accountability requests about its contribution. */
async function agreementUndoFacts(
  db: Kysely<Database>,
  buddy: Pick<BuddyRow, "id" | "status" | "contribution_id">,
): Promise<AgreementUndoFacts> {
  return {
    status: buddy.status,
    pairings: await countPairingsOfBuddy(db, buddy.id),
    accountabilityRequests: await countRequestsAbout(db, { type: "contribution", id: buddy.contribution_id }),
  };
}

/** Whether the actor can undo a buddy agreement now: nothing hangs on it and its letter is inside and theirs to undo. */
export async function mayUndoAgreement(
  db: Kysely<Database>,
  ctx: RequestContext,
  buddy: Pick<BuddyRow, "id" | "status" | "contribution_id"> & { letter_id: string },
): Promise<boolean> {
  const facts = await agreementUndoFacts(db, buddy);
  if (!passes(() => assertAgreementUndoable(facts))) return false;
  return mayWithdrawAll(db, ctx, [buddy.letter_id]);
}

/**
 * Undoes a buddy agreement while its letter is still inside and nothing hangs on it: the letter is withdrawn (kept),
 * the decision it announced is marked withdrawn (never made known, it never took effect), and the agreement and its
 * `peerBuddy` contribution are removed, so the buddy's hours no longer count anywhere. Under the buddy's client lock
 * (which making the agreement and pairing take) and the letter's, so of an undo and a pairing or a print at the same
 * moment exactly one wins.
 */
export async function undoBuddyAgreement(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
): Promise<{ id: string; letterId: string; withdrawnAt: string }> {
  const buddy = await findVisibleBuddy(db, ctx.actor, id);
  if (!buddy) throw notFound("buddy");
  return inTransaction(db, async (trx) => {
    await lockClient(trx, buddy.client_id);
    const fresh = requireFound(await findBuddy(trx, id), "buddy");
    assertAgreementUndoable(await agreementUndoFacts(trx, fresh));
    await withdrawLetters(trx, ctx, [buddy.letter_id]);
    const now = nowIso(ctx.clock);
    await withdrawDecisionsOfLetter(trx, buddy.letter_id, ctx.actor.id, now);
    await deleteBuddy(trx, id);
    await deleteContribution(trx, fresh.contribution_id);
    await recordAudit(trx, ctx, {
      action: "buddy.undo",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "buddy",
      subjectId: id,
      details: { letterId: buddy.letter_id, decisionId: fresh.decision_id, contributionId: fresh.contribution_id },
    });
    return { id, letterId: buddy.letter_id, withdrawnAt: now };
  });
}

/**
 * The consultant pairs a client who wants a buddy with a buddy whose agreement runs and who has room. Both are
 * locked (buddy first by id order), so two parallel pairings cannot overfill a buddy; a client has one buddy at a
 * time (also a unique index). The buddy will see only the client's first name and the contact details agreed here.
 */
export async function pairWithBuddy(db: Kysely<Database>, ctx: RequestContext, input: BuddyPairingInput): Promise<string> {
  const client = await requireVisibleClient(db, ctx.actor, input.clientId);
  const buddy = await findVisibleBuddy(db, ctx.actor, input.buddyId);
  if (!buddy) throw notFound("buddy");
  const check = async (trx: Kysely<Database>) => {
    // Undone meanwhile, the buddy is gone.
    const current = requireFound(await findBuddy(trx, buddy.id), "buddy");
    assertBuddyActive(current);
    assertNotOwnBuddy(current, client.id);
    assertNotPairedYet(await findActivePairingOfClient(trx, client.id));
    assertBuddyHasRoom(current, await countActivePairings(trx, buddy.id));
  };
  await check(db);
  const now = nowIso(ctx.clock);
  const row: BuddyPairingsTable = {
    id: randomUUID(),
    buddy_id: buddy.id,
    client_id: client.id,
    buddy_client_id: buddy.client_id,
    contact_phone: input.contactPhone,
    contact_email: input.contactEmail ?? null,
    paired_on: ctx.clock.today(),
    paired_by: ctx.actor.id,
    status: "active",
    ended_on: null,
    ended_by_side: null,
    ended_by: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await lockClients(trx, [client.id, buddy.client_id]);
    await check(trx);
    await insertPairing(trx, row);
    for (const clientId of [client.id, buddy.client_id]) {
      await recordAudit(trx, ctx, {
        action: "buddyPairing.create",
        category: "write",
        clientId,
        subjectType: "buddyPairing",
        subjectId: row.id,
        details: { side: clientId === client.id ? "client" : "buddy" },
      });
    }
  });
  return row.id;
}

/** A pairing within the caller's scope (a client: one of its two sides), or 404. */
export async function requireVisiblePairing(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<BuddyPairingRow> {
  const pairing = await findVisiblePairing(db, ctx.actor, id);
  if (!pairing) throw notFound("buddyPairing");
  return pairing;
}

/**
 * Either side, or the consultant, ends a pairing. No reason is asked or stored, and nothing follows from it: no
 * decision, no letter, no attribution, no change to the buddy's agreement or anyone's contribution. Only the ending
 * itself (who, when) is recorded, as every write is. Of two parallel endings one ends it and the other is told it has.
 */
export async function endPairing(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const pairing = await requireVisiblePairing(db, ctx, id);
  assertPairingActive(pairing);
  const side = sideOf(ctx.actor, pairing);
  await inTransaction(db, async (trx) => {
    await lockBuddyPairing(trx, id);
    const ended = await endActivePairing(trx, id, {
      ended_on: ctx.clock.today(),
      ended_by_side: side,
      ended_by: ctx.actor.id,
      updated_at: nowIso(ctx.clock),
    });
    if (!ended) throw conflict("pairingEnded", "This pairing has ended.");
    for (const clientId of [pairing.client_id, pairing.buddy_client_id]) {
      await recordAudit(trx, ctx, {
        action: "buddyPairing.end",
        category: "write",
        clientId,
        subjectType: "buddyPairing",
        subjectId: id,
        details: { side },
      });
    }
  });
}

/**
 * The buddy (from the portal) or the consultant ends the buddy's own agreement, without a reason. As with a pairing,
 * nothing follows against anyone: no decision, letter, attribution or sanction, and no work-queue item. What ends
 * with it: the buddy's running pairings (the people supported read that their buddy stopped), the contribution, so
 * the buddy's hours count up to today and no longer, and any open accountability request about it. Under the buddy's
 * client lock (which pairing takes too), so a parallel pairing or ending either comes first or sees it ended.
 */
export async function endBuddyAgreement(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
): Promise<{ endedOn: string; pairingsEnded: number }> {
  const buddy = await findVisibleBuddy(db, ctx.actor, id);
  if (!buddy) throw notFound("buddy");
  assertBuddyActive(buddy);
  return inTransaction(db, async (trx) => {
    await lockClient(trx, buddy.client_id);
    assertBuddyActive(requireFound(await findBuddy(trx, id), "buddy"));
    const pairingsEnded = await endAgreementLocked(trx, ctx, buddy);
    if (pairingsEnded === null) throw conflict("buddyNotActive", "This buddy's agreement has ended.");
    return { endedOn: ctx.clock.today(), pairingsEnded };
  });
}

/**
 * A buddy answered an accountability request that being a buddy has stopped: their agreement ends with their
 * contribution, as if they had ended it themselves (the same consequences, and none against anyone). Runs inside the
 * answer's transaction, which holds the client's lock; nothing happens when the contribution is no buddy agreement's.
 */
export async function endAgreementOfStoppedContribution(trx: Kysely<Database>, ctx: RequestContext, contributionId: string): Promise<void> {
  const buddy = await findActiveBuddyOfContribution(trx, contributionId);
  if (buddy) await endAgreementLocked(trx, ctx, buddy);
}

/**
 * Ends a running agreement with its pairings, contribution and open accountability requests, under the buddy's
 * client lock the caller holds; how many pairings ended with it, or null when the agreement had ended already.
 */
async function endAgreementLocked(
  trx: Kysely<Database>,
  ctx: RequestContext,
  buddy: Pick<BuddyRow, "id" | "client_id" | "contribution_id">,
): Promise<number | null> {
  const side = agreementSideOf(ctx.actor);
  const today = ctx.clock.today();
  const now = nowIso(ctx.clock);
  if (!(await endActiveBuddy(trx, buddy.id, { ended_on: today, ended_by_side: side, ended_by: ctx.actor.id }))) return null;
  let pairingsEnded = 0;
  for (const pairing of await activePairingsOfBuddy(trx, buddy.id)) {
    // The person supported may have ended it a moment ago; then it is theirs.
    if (!(await endActivePairing(trx, pairing.id, { ended_on: today, ended_by_side: side, ended_by: ctx.actor.id, updated_at: now })))
      continue;
    pairingsEnded++;
    for (const clientId of [pairing.client_id, pairing.buddy_client_id]) {
      await recordAudit(trx, ctx, {
        action: "buddyPairing.end",
        category: "write",
        clientId,
        subjectType: "buddyPairing",
        subjectId: pairing.id,
        details: { side, withAgreement: true },
      });
    }
  }
  await endActiveContribution(trx, buddy.contribution_id, today);
  await stopOpenRequestsAbout(trx, { type: "contribution", id: buddy.contribution_id }, { respondedOn: today, respondedBy: ctx.actor.id });
  await recordAudit(trx, ctx, {
    action: "buddy.end",
    category: "write",
    clientId: buddy.client_id,
    subjectType: "buddy",
    subjectId: buddy.id,
    details: { side, pairingsEnded },
  });
  return pairingsEnded;
}

/**
 * A meeting of a running pair, recorded by either side or the consultant: the buddy's hours. Under the pairing's row
 * lock, which ending it takes too, so a meeting and an ending at the same moment are ordered: the meeting is recorded
 * while the pairing runs, or refused once it has ended.
 */
export async function recordMeeting(db: Kysely<Database>, ctx: RequestContext, id: string, input: BuddyMeetingInput): Promise<string> {
  const pairing = await requireVisiblePairing(db, ctx, id);
  assertPairingActive(pairing);
  assertMeetingDate(input, pairing, ctx.clock.today());
  const meetingId = randomUUID();
  await inTransaction(db, async (trx) => {
    await lockBuddyPairing(trx, id);
    assertPairingActive(requireFound(await findPairing(trx, id), "buddyPairing"));
    await insertMeeting(trx, {
      id: meetingId,
      pairing_id: id,
      held_on: input.heldOn,
      hours: input.hours,
      recorded_by: ctx.actor.id,
      recorded_by_side: sideOf(ctx.actor, pairing),
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "buddyMeeting.create",
      category: "write",
      clientId: pairing.buddy_client_id,
      subjectType: "buddyPairing",
      subjectId: id,
      details: { hours: input.hours },
    });
  });
  return meetingId;
}

/** A client's pairings with what their presenter needs: first names, agreed contacts and meetings. */
export interface PairingsView {
  viewerClientId: string;
  /** The client's running buddy agreement, if they are a buddy. */
  activeBuddyId: string | undefined;
  /** The client's latest buddy agreement (running or ended), if they ever were a buddy. */
  agreement: Awaited<ReturnType<typeof findLatestBuddyOfClient>>;
  pairings: BuddyPairingRow[];
  firstNames: Map<string, string>;
  buddyContacts: Map<string, { phone: string | null; email: string | null }>;
  meetings: Awaited<ReturnType<typeof meetingsOf>>;
}

/**
 * The pairings a client is on either side of. A buddy reading the person they support learns only a first name and
 * the agreed contact; that read is audited for the person supported, so it shows in their access log.
 */
export async function listClientPairings(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<PairingsView> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const pairings = await listPairingsOfClient(db, clientId);
  const agreement = await findLatestBuddyOfClient(db, clientId);
  const view: PairingsView = {
    viewerClientId: clientId,
    activeBuddyId: agreement?.status === "active" ? agreement.id : undefined,
    agreement,
    pairings,
    firstNames: await firstNamesOf(
      db,
      pairings.flatMap((p) => [p.client_id, p.buddy_client_id]),
    ),
    buddyContacts: await buddyContacts(db, [...new Set(pairings.map((p) => p.buddy_id))]),
    meetings: await meetingsOf(
      db,
      pairings.map((p) => p.id),
    ),
  };
  const supportedRead = pairings.filter((p) => p.buddy_client_id === clientId && p.status === "active");
  if (ctx.actor.role === "client" && supportedRead.length > 0) {
    for (const pairing of supportedRead) {
      await recordAudit(db, ctx, {
        action: "buddyPairing.readContact",
        category: "read:profile",
        clientId: pairing.client_id,
        subjectType: "buddyPairing",
        subjectId: pairing.id,
        details: {},
      });
    }
  }
  return view;
}
