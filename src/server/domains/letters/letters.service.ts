import { createHash, randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { type Clock, nowIso } from "@server/clock.js";
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
import { assertDeliveryDatePlausible } from "./letters.rules.js";

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
  });
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

/** Returns a letter's PDF and records the read (a letter holds personal data). */
export async function readLetterPdf(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const letter = await findVisibleLetter(db, ctx, id);
  const pdf = requireFound(await repo.findLetterPdf(db, id), "letter");
  await recordAudit(db, ctx, {
    action: "letter.read",
    category: "read:sensitive",
    clientId: letter.client_id,
    subjectType: "letter",
    subjectId: id,
  });
  return { letter, pdf };
}

/** Records the tracking number and delivery state of a (registered) letter. */
export async function recordLetterDelivery(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { status: DeliveryStatus; trackingNumber?: string | undefined; occurredOn?: string | undefined },
) {
  return inTransaction(db, async (trx) => {
    const letter = await findVisibleLetter(trx, ctx, id);
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
