import type { Database, DocumentsTable } from "@server/db/schema.js";
import type { Kysely } from "kysely";

export async function insertDocument(db: Kysely<Database>, row: DocumentsTable): Promise<void> {
  await db.insertInto("documents").values(row).execute();
}

/** The documents of subjects of one type, without their content, oldest first. */
export function listDocumentsOfSubjects(db: Kysely<Database>, subjectType: DocumentsTable["subject_type"], subjectIds: readonly string[]) {
  return db
    .selectFrom("documents")
    .select(["id", "subject_id", "filename", "media_type", "size_bytes", "uploaded_at"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "in", subjectIds)
    .orderBy("uploaded_at")
    .execute();
}

/** One document with its content, whoever's it is; the caller checks the client is in scope. */
export function findDocument(db: Kysely<Database>, id: string): Promise<DocumentsTable | undefined> {
  return db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
}
