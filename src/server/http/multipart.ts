import type { FastifyRequest } from "fastify";
import { AppError, type FieldErrorCode, invalidField, unsupportedMediaType } from "./errors.js";

/** The one form field an upload route reads its file from. */
export const UPLOAD_FIELD = "file";

/** A file as the client sent it, read whole; what it may contain is for the caller to judge. */
export interface UploadedFile {
  filename: string;
  content: Buffer;
}

const ONLY_FILE = `Send no other fields than \`${UPLOAD_FIELD}\``;
const ONE_FILE = "Send one file, not more";

/**
 * What @fastify/multipart's own limits mean for an upload (FST_REQ_FILE_TOO_LARGE, which names the limit, aside).
 * Any other error while reading the body (busboy's "Unexpected end of multipart data", "Boundary not found", a connection closed mid-part) means
 * the form could not be read: `malformed`.
 */
const MULTIPART_REFUSALS: Record<string, { code: FieldErrorCode; reason: string }> = {
  FST_FILES_LIMIT: { code: "tooMany", reason: ONE_FILE },
  FST_FIELDS_LIMIT: { code: "unexpectedField", reason: ONLY_FILE },
  FST_PARTS_LIMIT: { code: "unexpectedField", reason: ONLY_FILE },
  FST_PROTO_VIOLATION: { code: "unexpectedField", reason: ONLY_FILE },
};

function refusalOf(error: unknown, maxBytes: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "FST_REQ_FILE_TOO_LARGE")
    return invalidField(UPLOAD_FIELD, "tooLarge", `A file may be at most ${maxBytes / 1024 / 1024} MB`);
  const known = typeof code === "string" ? MULTIPART_REFUSALS[code] : undefined;
  if (known) return invalidField(UPLOAD_FIELD, known.code, known.reason);
  return invalidField(UPLOAD_FIELD, "malformed", `The form could not be read: send one file in the field \`${UPLOAD_FIELD}\``);
}

/**
 * Reads the one file of a multipart/form-data upload, and maps every way such a body can be wrong to a problem, in
 * this one place: another media type is a 415; a malformed or truncated body, a second file, a field other than
 * `file` or a file above `maxBytes` is a 400 naming the field. Nothing has been stored when it throws.
 */
export async function readUploadedFile(request: FastifyRequest, { maxBytes }: { maxBytes: number }): Promise<UploadedFile> {
  if (!request.isMultipart()) throw unsupportedMediaType("multipart/form-data");
  let upload: UploadedFile | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.fieldname !== UPLOAD_FIELD) {
        // A part without a name is named after the one field this form takes.
        throw invalidField(part.fieldname.trim() || UPLOAD_FIELD, "unexpectedField", ONLY_FILE);
      }
      if (upload) throw invalidField(UPLOAD_FIELD, "tooMany", ONE_FILE);
      if (part.type !== "file") throw invalidField(UPLOAD_FIELD, "required", `Send a file, not text, in the field \`${UPLOAD_FIELD}\``);
      upload = { filename: part.filename, content: await part.toBuffer() };
    }
  } catch (error) {
    throw refusalOf(error, maxBytes);
  }
  if (!upload) throw invalidField(UPLOAD_FIELD, "required", `Send one file in the field \`${UPLOAD_FIELD}\``);
  return upload;
}
