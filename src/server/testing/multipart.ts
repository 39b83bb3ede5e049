/** A multipart/form-data body with one file, for injecting uploads in tests. */
export function multipartFile(
  field: string,
  filename: string,
  mediaType: string,
  content: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----nv${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest bytes each evidence type is recognised by. */
export const SAMPLE_PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
export const SAMPLE_PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
