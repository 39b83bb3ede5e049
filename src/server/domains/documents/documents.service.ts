import { createHash, randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, DocumentsTable } from "@server/db/schema.js";
import { invalidField, notFound } from "@server/http/errors.js";
import type { UploadedFile } from "@server/http/multipart.js";
import { type DocumentSubject, EVIDENCE_MEDIA_TYPES } from "@shared/schemas/exemptions.js";
import { fileTypeFromBuffer } from "file-type";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { findDocument, insertDocument, listDocumentsOfSubjects } from "./documents.repo.js";

/**
 * Judges an uploaded evidence file: a PDF, PNG or JPEG by its content (not by its name or declared type). Anything
 * else is a 400 naming `file`, before anything is stored. (Its size is limited while it is read.)
 */
export async function checkEvidence(file: UploadedFile): Promise<{ filename: string; mediaType: string; content: Buffer }> {
  const { content } = file;
  if (content.length === 0) throw invalidField("file", "empty", "The file is empty");
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(detected.mime)) {
    throw invalidField("file", "unsupportedType", "Send a PDF, PNG or JPEG file");
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a stored file name must lose.
  const filename = (file.filename || `bewijs.${detected.ext}`).replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 200);
  return { filename, mediaType: detected.mime, content };
}

/** Stores evidence for a subject inside the caller's transaction, with an audit entry. */
export async function storeDocument(
  db: Kysely<Database>,
  ctx: RequestContext,
  target: { clientId: string; subjectType: DocumentSubject; subjectId: string },
  upload: { filename: string; mediaType: string; content: Buffer },
): Promise<DocumentsTable> {
  const row: DocumentsTable = {
    id: randomUUID(),
    client_id: target.clientId,
    subject_type: target.subjectType,
    subject_id: target.subjectId,
    filename: upload.filename,
    media_type: upload.mediaType,
    size_bytes: upload.content.length,
    sha256: createHash("sha256").update(upload.content).digest("hex"),
    content: upload.content,
    uploaded_by: ctx.actor.id,
    uploaded_at: nowIso(ctx.clock),
  };
  await insertDocument(db, row);
  await recordAudit(db, ctx, {
    action: "document.upload",
    category: "write",
    clientId: target.clientId,
    subjectType: target.subjectType,
    subjectId: target.subjectId,
    details: { mediaType: row.media_type, sizeBytes: row.size_bytes },
  });
  return row;
}

/** The documents of subjects, without their content, by subject id. */
export async function documentsOf(db: Kysely<Database>, subjectType: DocumentSubject, subjectIds: string[]) {
  if (subjectIds.length === 0)
    return new Map<string, { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string }[]>();
  const rows = await listDocumentsOfSubjects(db, subjectType, subjectIds);
  const map = new Map<string, { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string }[]>();
  for (const r of rows)
    map.set(r.subject_id, [
      ...(map.get(r.subject_id) ?? []),
      { id: r.id, filename: r.filename, mediaType: r.media_type, sizeBytes: r.size_bytes, uploadedAt: r.uploaded_at },
    ]);
  return map;
}

/** Opens a document of a client the actor may see; every read is audited as sensitive. */
export async function openDocument(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<DocumentsTable> {
  const row = await findDocument(db, id);
  if (!row) throw notFound("document");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  await recordAudit(db, ctx, {
    action: "document.read",
    category: "read:sensitive",
    clientId: row.client_id,
    subjectType: "document",
    subjectId: id,
  });
  return row;
}

/** A stored document as the API shows it after an upload. */
export function presentDocument(row: DocumentsTable) {
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}
