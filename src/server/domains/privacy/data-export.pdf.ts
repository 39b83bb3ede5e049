import municipality from "@server/letters/municipality.json" with { type: "json" };
import { fontsFor, formatDutchDate } from "@server/letters/pdf.js";
import type { AccessLogEntry, DataExportOutput } from "@shared/schemas/privacy.js";
import PDFDocument from "pdfkit";

/** What the readable export needs: the export itself and the client's name for its first page. */
export interface DataExportPdfInput {
  data: DataExportOutput;
  clientName: string;
  /** Today (YYYY-MM-DD, Europe/Amsterdam) by the request's clock. */
  madeOn: string;
  /** Why a source's columns are left out, per section key. */
  omitted: Record<string, string[]>;
}

// Field names in plain Dutch for the columns most records share; other columns keep their API name.
const LABELS: Record<string, string> = {
  id: "Nummer",
  bsn: "BSN",
  givenName: "Voornaam",
  familyName: "Achternaam",
  birthDate: "Geboortedatum",
  postcode: "Postcode",
  houseNumber: "Huisnummer",
  houseNumberAddition: "Toevoeging",
  street: "Straat",
  city: "Plaats",
  district: "Wijk",
  phone: "Telefoon",
  email: "E-mail",
  languages: "Talen",
  benefitStartDate: "Uitkering sinds",
  capacityHoursPerWeek: "Hoeveel uur per week u kunt",
  hoursPerWeek: "Uur per week",
  status: "Stand",
  createdAt: "Gemaakt op",
  updatedAt: "Aangepast op",
  createdBy: "Gemaakt door (nummer)",
  startDate: "Begin",
  endDate: "Einde",
  startsAt: "Begint om",
  endsAt: "Eindigt om",
  location: "Plaats",
  heldOn: "Datum gesprek",
  notes: "Notities",
  healthNotes: "Notities over gezondheid",
  incomeDebts: "Geld en schulden (score)",
  reason: "Reden",
  description: "Omschrijving",
  title: "Titel",
  subject: "Onderwerp",
  letterDate: "Datum brief",
  kind: "Soort",
  type: "Soort",
  since: "Sinds",
  endedOn: "Gestopt op",
  summary: "Samenvatting",
  facts: "Wat er gebeurde",
  reasons: "Waarom",
  grounds: "Waarom u bezwaar maakte",
  filename: "Bestand",
};

const label = (field: string) => LABELS[field] ?? field;
const valueText = (value: unknown) => (value === null || value === undefined || value === "" ? "–" : String(value));

const WHO: Record<AccessLogEntry["actorKind"], string> = {
  self: "Uzelf",
  consultant: "Consulent",
  teamLead: "Teamleider",
  host: "Organisatie",
  agencyWorker: "Bemiddelingsbureau",
  admin: "Beheerder",
  system: "Het systeem, vanzelf",
  other: "Iemand anders",
};

/** Who did it, in one line of the readable access log. */
export function whoDidIt(entry: AccessLogEntry): string {
  if (entry.actorKind === "host") return entry.organisationName ?? WHO.host;
  if (entry.actorKind === "agencyWorker")
    return entry.organisationName ? `${WHO.agencyWorker} ${entry.organisationName}` : WHO.agencyWorker;
  return entry.actorName ? `${WHO[entry.actorKind]}: ${entry.actorName}` : WHO[entry.actorKind];
}

const TIME = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/**
 * Lays out the data export (AVG art. 15) as a readable A4 PDF: an explanation, every part with its records,
 * and the access log. Synchronous work of some size: it runs on a worker thread (`data-export.worker.ts`).
 */
export function renderDataExportPdf(input: DataExportPdfInput): Promise<Buffer> {
  const { data } = input;
  const allText = JSON.stringify(data) + input.clientName;
  const fonts = fontsFor(allText);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    info: { Title: "Uw gegevens", Author: municipality.name },
    lang: "nl-NL",
    bufferPages: true,
  });
  doc.registerFont("body", fonts.body);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 128;
  const heading = (text: string, size = 13) => doc.moveDown(0.6).font("bold").fontSize(size).text(text, { width }).moveDown(0.3);
  const paragraph = (text: string) => doc.font("body").fontSize(10).text(text, { width, lineGap: 1.5 }).moveDown(0.4);

  doc.font("bold").fontSize(16).text("Uw gegevens bij de gemeente", { width });
  doc.font("body").fontSize(10).text(`${municipality.name}, ${municipality.department}`);
  doc.moveDown(0.8);
  paragraph(`Voor: ${input.clientName}. Gemaakt op ${formatDutchDate(input.madeOn)}.`);
  paragraph(
    "Hierin staat alles wat wij over u bewaren voor de tegenprestatie. U heeft recht om dat te zien. Dat staat in de wet (AVG, artikel 15).",
  );
  paragraph(`Klopt er iets niet? Dan mag u vragen om het te verbeteren. Bel ons: ${municipality.phone}.`);

  for (const section of data.sections) {
    heading(section.title.nl);
    if (section.rows.length === 0) paragraph("Hierover bewaren wij niets.");
    section.rows.forEach((row, index) => {
      if (section.rows.length > 1)
        doc
          .font("bold")
          .fontSize(10)
          .text(`${index + 1}.`, { width });
      for (const [field, value] of Object.entries(row)) {
        doc
          .font("bold")
          .fontSize(9)
          .text(`${label(field)}: `, { continued: true, width });
        doc.font("body").text(valueText(value), { width });
      }
      doc.moveDown(0.4);
    });
    for (const why of input.omitted[section.key] ?? []) paragraph(`Niet in dit overzicht: ${why}.`);
  }

  heading("Wie heeft uw dossier bekeken of veranderd?");
  if (data.accessLog.length === 0) paragraph("Nog niemand.");
  for (const entry of data.accessLog) {
    doc
      .font("bold")
      .fontSize(9)
      .text(`${TIME.format(new Date(entry.occurredAt))} – ${whoDidIt(entry)}`, { width });
    doc.font("body").fontSize(9).text(entry.purpose.nl, { width }).moveDown(0.3);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font("body").fontSize(8).fillColor("#555555");
    doc.text(`Uw gegevens · pagina ${i + 1} van ${range.count}`, 64, doc.page.height - 44, { width, align: "center", lineBreak: false });
  }
  doc.end();
  return finished;
}
