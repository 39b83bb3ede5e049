import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Font, create as parseFont } from "fontkit";
import PDFDocument from "pdfkit";
import municipality from "./municipality.json" with { type: "json" };
import type { LetterBlock } from "./templates.js";

const require = createRequire(import.meta.url);
// DejaVu covers every Latin script our clients' names use (ş, ı, ğ, ł …); the PDF standard fonts cover only
// WinAnsi. Embedding DejaVu makes a larger file, so it is used only when the text needs it. The fonts are parsed once
// (pdfkit takes a parsed font as well as a file), not for every letter: parsing was most of a Unicode letter's time.
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
// pdfkit's types list only files, though it takes a parsed font too.
const asFontSource = (font: Font) => font as unknown as Buffer;
const UNICODE_FONTS = {
  body: asFontSource(parseFont(fs.readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")))),
  bold: asFontSource(parseFont(fs.readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))),
};
const STANDARD_FONTS = { body: "Helvetica", bold: "Helvetica-Bold" };
// Windows-1252 beyond Latin-1: the characters the standard fonts can show besides U+0020–U+00FF.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** True when the standard PDF fonts can show every character of the text. */
export function fitsStandardFonts(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) continue;
    return false;
  }
  return true;
}

/** The fonts a document with this text needs: the standard ones when they can show it, otherwise DejaVu. */
export function fontsFor(text: string): { body: string | Buffer; bold: string | Buffer } {
  return fitsStandardFonts(text) ? STANDARD_FONTS : UNICODE_FONTS;
}

export interface LetterLayout {
  reference: string;
  letterDate: string; // YYYY-MM-DD
  recipient: string[]; // name and address lines
  subject: string;
  blocks: LetterBlock[];
  registered: boolean;
}

const DUTCH_DATE = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A calendar date written the Dutch way: `28 november 2026`. */
export function formatDutchDate(date: string): string {
  return DUTCH_DATE.format(new Date(`${date}T12:00:00Z`));
}

/** Lays out a letter as an A4 PDF. The output depends only on the input, so the same letter hashes the same. */
export function renderLetterPdf(letter: LetterLayout): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    info: {
      Title: letter.subject,
      Author: municipality.name,
      Subject: letter.reference,
      CreationDate: new Date(`${letter.letterDate}T00:00:00Z`),
      ModDate: new Date(`${letter.letterDate}T00:00:00Z`),
    },
    lang: "nl-NL",
    bufferPages: true,
  });
  const allText = [letter.reference, letter.subject, ...letter.recipient, ...letter.blocks.map((b) => b.text)].join("\n");
  const fonts = fontsFor(allText);
  // Standard fonts go by their own names: pdfkit reads a standard font's metrics anew for every name it is opened by (an
  // alias too), and that reading was most of a letter's time. Embedded fonts go by an alias, so each is embedded once.
  const font = (which: "body" | "bold") => {
    const source = fonts[which];
    if (typeof source === "string") return source;
    doc.registerFont(which, source);
    return which;
  };
  const body = font("body");
  const bold = font("bold");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 128;
  doc.font(bold).fontSize(15).text(municipality.name, 64, 56);
  doc.font(body).fontSize(9).fillColor("#333333").text(municipality.department);
  doc.text([...municipality.postalAddress, `Telefoon ${municipality.phone}`, municipality.website].join("\n"), 360, 56, {
    width: 170,
    align: "right",
  });
  doc.fillColor("black");

  let y = 150;
  if (letter.registered) {
    doc
      .font(bold)
      .fontSize(9)
      .text("AANGETEKEND", 64, y - 16);
  }
  doc.font(body).fontSize(11).text(letter.recipient.join("\n"), 64, y);
  y = 250;
  doc.fontSize(9).fillColor("#333333");
  doc.text(`Datum: ${formatDutchDate(letter.letterDate)}`, 64, y);
  doc.text(`Ons kenmerk: ${letter.reference}`);
  doc.fillColor("black").moveDown(1.2);
  doc.font(bold).fontSize(13).text(letter.subject, { width });
  doc.moveDown(0.8);

  for (const block of letter.blocks) {
    if (block.kind === "heading") {
      doc.moveDown(0.4).font(bold).fontSize(12).text(block.text, { width });
      doc.moveDown(0.2);
    } else if (block.kind === "bullet") {
      doc.font(body).fontSize(11).text(`•  ${block.text}`, { width, indent: 0 });
    } else {
      doc.font(body).fontSize(11).text(block.text, { width, lineGap: 2 });
      doc.moveDown(0.6);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; lift the margin so pdfkit does not start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font(body).fontSize(8).fillColor("#555555");
    doc.text(`${letter.reference} · pagina ${i + 1} van ${range.count}`, 64, doc.page.height - 44, {
      width,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return finished;
}
