import type { LetterOutput } from "@shared/schemas/letters.js";
import type { LetterMeta } from "./letters.repo.js";
import { letterReference } from "./letters.service.js";

/** Every outgoing field of a letter; the PDF itself is served separately. */
export function presentLetter(row: LetterMeta): LetterOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    subject: row.subject,
    letterDate: row.letter_date,
    reference: letterReference(row.id, row.letter_date),
    sha256: row.sha256,
    registered: row.registered === 1,
    trackingNumber: row.tracking_number,
    deliveryStatus: row.delivery_status,
    deliveryUpdatedAt: row.delivery_updated_at,
    deliveryDate: row.delivery_date ?? null,
    createdAt: row.created_at,
    printedAt: row.printed_at ?? null,
    withdrawnAt: row.withdrawn_at ?? null,
  };
}
