import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockLetters } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { csvField, spreadsheetSafe } from "@server/http/csv.js";
import { runInWorker } from "@server/worker-thread.js";
import { numericDutchDate } from "@shared/dates.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { markPrinted } from "../letters/letters.repo.js";
import { letterReference, recipientLines } from "../letters/letters.service.js";
import { type BatchLetter, batchLetters, letterPdfs } from "./invitations.repo.js";
import { assertWholeBatchVisible } from "./invitations.rules.js";

/** The letters of a batch in print order, when the actor may see every one of them (else 404). */
async function requireBatch(db: Kysely<Database>, ctx: RequestContext, batchId: string): Promise<BatchLetter[]> {
  const { visible, total } = await batchLetters(db, ctx.actor, batchId);
  assertWholeBatchVisible(visible.length, total);
  return visible;
}

/** Records, per client, that their letter (or their address on the post office's list) left the screen. */
async function auditEach(
  db: Kysely<Database>,
  ctx: RequestContext,
  letters: BatchLetter[],
  action: "letter.print" | "letter.mailList",
  batchId: string,
) {
  await inTransaction(db, async (trx) => {
    for (const letter of letters)
      await recordAudit(trx, ctx, {
        action,
        category: action === "letter.print" ? "read:sensitive" : "read:list",
        clientId: letter.client_id,
        subjectType: "letter",
        subjectId: letter.letter_id,
        details: { batchId },
      });
  });
}

/**
 * All letters of an invitation batch in one PDF, in the order of the registered mail list (postcode, house number),
 * so the printed stack, the envelopes and the list match line for line. Put together on a worker thread.
 */
export async function printBatchLetters(db: Kysely<Database>, ctx: RequestContext, batchId: string): Promise<Buffer> {
  const letters = await markBatchPrinted(db, ctx, batchId);
  const pdfs = await letterPdfs(
    db,
    letters.map((l) => l.letter_id),
  );
  const ordered = letters.map((l) => {
    const pdf = pdfs.get(l.letter_id);
    if (!pdf) throw new Error(`letter ${l.letter_id} has no PDF`);
    return new Uint8Array(pdf);
  });
  const merged = await runInWorker<Uint8Array[], Uint8Array>(import.meta.url, "batch-letters", ordered);
  await auditEach(db, ctx, letters, "letter.print", batchId);
  return Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength);
}

/**
 * Records that a batch's letters are printed, under their locks: an undo of an invitation at the same moment either
 * comes first (its letter is then out of the batch) or finds the letter printed and is refused.
 */
async function markBatchPrinted(db: Kysely<Database>, ctx: RequestContext, batchId: string): Promise<BatchLetter[]> {
  const first = await requireBatch(db, ctx, batchId);
  return inTransaction(db, async (trx) => {
    await lockLetters(
      trx,
      first.map((l) => l.letter_id),
    );
    const letters = await requireBatch(trx, ctx, batchId);
    await markPrinted(
      trx,
      letters.map((l) => l.letter_id),
      nowIso(ctx.clock),
    );
    return letters;
  });
}

/** The columns of the registered mail list (aangetekend-lijst), as the post office counter reads them. */
export const REGISTERED_MAIL_COLUMNS = [
  "Volgnummer",
  "Kenmerk",
  "Naam",
  "Adres",
  "Postcode en plaats",
  "Briefdatum",
  "Aangetekend",
  "Barcode",
];

/**
 * The registered mail list of a batch as CSV (semicolon-separated, UTF-8 with a byte order mark, as Dutch spreadsheet
 * programs open it): one line per letter in print order, with the reference printed on the letter and the barcode
 * once it is known. Names are written so a spreadsheet shows them and never runs them.
 */
export async function registeredMailList(db: Kysely<Database>, ctx: RequestContext, batchId: string): Promise<string> {
  const letters = await requireBatch(db, ctx, batchId);
  const lines = [REGISTERED_MAIL_COLUMNS.join(";")];
  for (const [i, letter] of letters.entries()) {
    const [name = "", address = "", place = ""] = recipientLines(letter);
    const cells = [
      String(i + 1),
      letterReference(letter.letter_id, letter.letter_date),
      name,
      address,
      place,
      numericDutchDate(letter.letter_date),
      letter.registered ? "ja" : "nee",
      letter.tracking_number ?? "",
    ];
    lines.push(cells.map((cell) => csvField(spreadsheetSafe(cell), ";")).join(";"));
  }
  await auditEach(db, ctx, letters, "letter.mailList", batchId);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
