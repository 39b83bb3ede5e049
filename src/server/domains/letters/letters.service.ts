import { createHash, randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { type Clock, nowIso } from "@server/clock.js";
import { lockLetters } from "@server/db/locks.repo.js";
import type { ClientRow, Database, LettersTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound, requireFound } from "@server/http/errors.js";
import { type LetterLayout, renderLetterPdf } from "@server/letters/pdf.js";
import { type LetterTemplate, renderTemplate } from "@server/letters/templates.js";
import type { DeliveryStatus } from "@shared/schemas/letters.js";
import type { Kysely } from "kysely";
import { recordAudit, type SystemRun } from "../audit/audit.service.js";
import { findVisibleClient } from "../clients/clients.repo.js";
import { queueNotification } from "../notifications/notifications.service.js";
import * as repo from "./letters.repo.js";
import {
  assertDeliveryDatePlausible,
  assertLetterMayBeWithdrawn,
  assertLetterNotWithdrawn,
  canWithdrawLetter,
  isVisibleToClient,
  type LetterDispatchFacts,
  noticeHeldUntil,
} from "./letters.rules.js";

/** The reference printed on a letter and quoted on the phone. */
export function letterReference(id: string, letterDate: string): string {
  return `NV-${letterDate.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`;
}

/** The client's postal address as it goes on the envelope window. */
export function recipientLines(
  client: Pick<ClientRow, "given_name" | "family_name" | "street" | "house_number" | "house_number_addition" | "postcode" | "city">,
): string[] {
  const house = `${client.house_number}${client.house_number_addition ? ` ${client.house_number_addition}` : ""}`;
  return [
    `${client.given_name} ${client.family_name}`,
    client.street ? `${client.street} ${house}` : `Huisnummer ${house}`,
    `${client.postcode}  ${client.city ?? ""}`.trim(),
  ];
}

export interface LetterRequest {
  client: ClientRow;
  kind: string;
  template: LetterTemplate;
  data: Record<string, unknown>;
  registered: boolean;
  letterDate?: string;
  /** Set by the demo history, which makes letters in the past with ids that follow from its seed. */
  id?: string;
  createdAt?: string;
  /** Lays out the PDF; this thread by default (the demo history lays out its thousands of letters on worker threads). */
  render?: (layout: LetterLayout) => Promise<Buffer>;
}

/** Renders a letter to PDF and returns the row to store (rendering is kept outside write transactions), for a request or a run of the daily job. */
export async function prepareLetter(ctx: RequestContext | SystemRun, request: LetterRequest): Promise<LettersTable> {
  const id = request.id ?? randomUUID();
  const letterDate = request.letterDate ?? ctx.clock.today();
  const { subject, blocks } = renderTemplate(request.template, request.data);
  const pdf = await (request.render ?? renderLetterPdf)({
    reference: letterReference(id, letterDate),
    letterDate,
    recipient: recipientLines(request.client),
    subject,
    blocks,
    registered: request.registered,
  });
  return {
    id,
    client_id: request.client.id,
    kind: request.kind,
    template: request.template,
    subject,
    letter_date: letterDate,
    pdf,
    sha256: createHash("sha256").update(pdf).digest("hex"),
    registered: request.registered ? 1 : 0,
    tracking_number: null,
    delivery_status: "sent",
    delivery_updated_at: null,
    created_by: "actor" in ctx ? ctx.actor.id : null,
    created_at: request.createdAt ?? nowIso(ctx.clock),
  };
}

/** A letter that asks the client to answer by a date: the message about it says so (`answerAwaited`). */
export interface AwaitedAnswer {
  answerBy: string;
}

/**
 * Stores a letter and, in the same transaction, the message that tells the client it is there (a new letter, or an
 * answer awaited by a date), on their own channel. For a request or a run of the daily job; the caller audits.
 */
export async function storeLetterWithNotice(
  db: Kysely<Database>,
  clock: Clock,
  letter: LettersTable,
  awaiting?: AwaitedAnswer,
): Promise<void> {
  await repo.insertLetter(db, letter);
  await queueNotification(db, clock, {
    clientId: letter.client_id,
    kind: awaiting ? "answerAwaited" : "letterReady",
    subjectType: "letter",
    subjectId: letter.id,
    ...(awaiting ? { facts: { answerBy: awaiting.answerBy } } : {}),
    ...(letter.held_until ? { notBefore: letter.held_until } : {}),
  });
}

/**
 * Marks a prepared letter as made by an action that can be undone: the client neither sees it in the portal nor gets
 * its notice until the hold (`NV_UNDO_HOLD_MINUTES`) has passed, so that undoing is real.
 */
export function holdForUndo(ctx: RequestContext, letter: LettersTable): LettersTable {
  return { ...letter, held_until: noticeHeldUntil(ctx.clock.now(), ctx.undoHoldMinutes) };
}

/** Stores a prepared letter with its message to the client, and records it in the audit log. */
export async function storeLetter(
  db: Kysely<Database>,
  ctx: RequestContext,
  letter: LettersTable,
  awaiting?: AwaitedAnswer,
): Promise<void> {
  await storeLetterWithNotice(db, ctx.clock, letter, awaiting);
  await recordAudit(db, ctx, {
    action: "letter.create",
    category: "write",
    clientId: letter.client_id,
    subjectType: "letter",
    subjectId: letter.id,
    details: { kind: letter.kind },
  });
}

/** A letter whose client the actor may see, or 404. */
export async function findVisibleLetter(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const letter = await repo.findLetter(db, id);
  if (!letter || !(await findVisibleClient(db, ctx.actor, letter.client_id))) throw notFound("letter");
  return letter;
}

/**
 * Returns a letter's PDF and records the read (a letter holds personal data). A download by staff is a print: the
 * letter has left the building (a withdrawn one is only read for the record). The client opening it counts too; a
 * client never gets a letter that is withdrawn or still held back. Under the letter's lock, so that of a print and an
 * undo at the same moment one wins.
 */
export async function readLetterPdf(db: Kysely<Database>, ctx: RequestContext, id: string) {
  return inTransaction(db, async (trx) => {
    await lockLetters(trx, [id]);
    const letter = await findVisibleLetter(trx, ctx, id);
    const now = nowIso(ctx.clock);
    const isClient = ctx.actor.role === "client";
    if (isClient && !isVisibleToClient({ withdrawnAt: letter.withdrawn_at ?? null, visibleFrom: letter.held_until ?? "" }, now)) {
      throw notFound("letter");
    }
    if (isClient) await repo.markOpened(trx, id, now);
    else if (!letter.withdrawn_at) await repo.markPrinted(trx, [id], now);
    const pdf = requireFound(await repo.findLetterPdf(trx, id), "letter");
    await recordAudit(trx, ctx, {
      action: "letter.read",
      category: "read:sensitive",
      clientId: letter.client_id,
      subjectType: "letter",
      subjectId: id,
    });
    return { letter, pdf };
  });
}

/** What decides, per letter, whether it has left the building; read under the letters' lock by whoever writes. */
export async function dispatchFactsOf(
  db: Kysely<Database>,
  letters: readonly repo.LetterMeta[],
): Promise<Map<string, LetterDispatchFacts & { createdBy: string | null }>> {
  const taken = await repo.noticesTaken(
    db,
    letters.map((l) => l.id),
  );
  return new Map(
    letters.map((l) => [
      l.id,
      {
        printedAt: l.printed_at ?? null,
        openedAt: l.opened_at ?? null,
        deliveryRecordedAt: l.delivery_updated_at,
        noticeTaken: taken.has(l.id),
        withdrawnAt: l.withdrawn_at ?? null,
        createdBy: l.created_by,
      },
    ]),
  );
}

/** Whether the actor may undo the action that made all these letters now (false for none). */
export async function mayWithdrawAll(db: Kysely<Database>, ctx: RequestContext, letterIds: readonly string[]): Promise<boolean> {
  if (letterIds.length === 0) return false;
  const facts = await dispatchFactsOf(db, await repo.findLetters(db, letterIds));
  return letterIds.every((id) => {
    const f = facts.get(id);
    return f !== undefined && canWithdrawLetter(f, ctx.actor);
  });
}

/**
 * Withdraws letters whose action is being undone, in the caller's transaction: under the letters' lock each must still
 * be inside (`assertLetterMayBeWithdrawn`); its notice, not yet taken by the outbox, is dropped; the letter stays,
 * marked withdrawn, and the withdrawal is audited. The caller reverses what the action did in its own domain.
 */
export async function withdrawLetters(trx: Kysely<Database>, ctx: RequestContext, letterIds: readonly string[]): Promise<void> {
  await lockLetters(trx, letterIds);
  const letters = await repo.findLetters(trx, letterIds);
  if (letters.length !== new Set(letterIds).size) throw notFound("letter");
  const facts = await dispatchFactsOf(trx, letters);
  for (const letter of letters) assertLetterMayBeWithdrawn(requireFound(facts.get(letter.id), "letter"), ctx.actor);
  const now = nowIso(ctx.clock);
  for (const letter of letters) {
    // The outbox may take the notice between our read and this delete: then it has left after all.
    if ((await repo.dropUntakenNotice(trx, letter.id)) > 0) {
      assertLetterMayBeWithdrawn({ ...requireFound(facts.get(letter.id), "letter"), noticeTaken: true }, ctx.actor);
    }
    await repo.markWithdrawn(trx, letter.id, ctx.actor.id, now);
    await recordAudit(trx, ctx, {
      action: "letter.withdraw",
      category: "write",
      clientId: letter.client_id,
      subjectType: "letter",
      subjectId: letter.id,
      details: { kind: letter.kind },
    });
  }
}

/** Records the tracking number and delivery state of a (registered) letter. */
export async function recordLetterDelivery(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { status: DeliveryStatus; trackingNumber?: string | undefined; occurredOn?: string | undefined },
) {
  return inTransaction(db, async (trx) => {
    await lockLetters(trx, [id]);
    const letter = await findVisibleLetter(trx, ctx, id);
    assertLetterNotWithdrawn({ withdrawnAt: letter.withdrawn_at ?? null });
    const occurredOn = input.occurredOn ?? ctx.clock.today();
    assertDeliveryDatePlausible(occurredOn, letter.letter_date, ctx.clock.today());
    await repo.recordDelivery(trx, {
      id: randomUUID(),
      letterId: id,
      status: input.status,
      trackingNumber: input.trackingNumber?.toUpperCase() ?? letter.tracking_number,
      recordedBy: ctx.actor.id,
      at: nowIso(ctx.clock),
      occurredOn,
    });
    await recordAudit(trx, ctx, {
      action: "letter.delivery",
      category: "write",
      clientId: letter.client_id,
      subjectType: "letter",
      subjectId: id,
      details: { status: input.status, occurredOn },
    });
    return requireFound(await repo.findLetter(trx, id), "letter");
  });
}
