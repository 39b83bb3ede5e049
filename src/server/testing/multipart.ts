/** One part of a multipart/form-data body: a file when it has a filename, a text field otherwise. */
export interface FormPart {
  field: string;
  content: Buffer | string;
  filename?: string;
  mediaType?: string;
}

/** A multipart/form-data body of these parts, for injecting uploads (well-formed, or cut and broken by a test). */
export function multipartBody(parts: FormPart[]): { payload: Buffer; headers: Record<string, string>; boundary: string } {
  const boundary = `----nv${Math.random().toString(16).slice(2)}`;
  const chunks = parts.flatMap((part) => {
    const disposition = `form-data; name="${part.field}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
    const type = part.mediaType ? `Content-Type: ${part.mediaType}\r\n` : "";
    return [
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`),
      Buffer.from(part.content),
      Buffer.from("\r\n"),
    ];
  });
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    boundary,
  };
}

/** A multipart/form-data body with one file, for injecting uploads in tests. */
export function multipartFile(
  field: string,
  filename: string,
  mediaType: string,
  content: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const { payload, headers } = multipartBody([{ field, filename, mediaType, content }]);
  return { payload, headers };
}

/** The smallest bytes each evidence type is recognised by. */
export const SAMPLE_PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
export const SAMPLE_PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
