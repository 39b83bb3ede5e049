import { PDFDocument } from "pdf-lib";

/**
 * One PDF of several, page after page in the order given, for printing a batch of letters in one go. The stored
 * letters are copied as they are (their pages, not re-rendered), so what is printed is what was stored.
 */
export async function mergePdfs(pdfs: readonly Uint8Array[], reportProgress?: (share: number) => void): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle("Brieven om te printen");
  merged.setLanguage("nl-NL");
  for (const [i, bytes] of pdfs.entries()) {
    const source = await PDFDocument.load(bytes);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
    reportProgress?.((i + 1) / pdfs.length);
  }
  return merged.save();
}
