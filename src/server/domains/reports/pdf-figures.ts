import type PDFDocument from "pdfkit";

/**
 * The frame figures are drawn in and the tables of a report that prints figures, with pdfkit (`pdf-charts.ts` draws
 * the charts beside them).
 */
export type Doc = InstanceType<typeof PDFDocument>;

/** The text column of the page the figures are drawn in. */
export interface Frame {
  doc: Doc;
  left: number;
  width: number;
}

export const PALETTE = ["#1f5f8b", "#d9730d", "#4a8c2a", "#8e4a9e", "#a1741c", "#50606e"];
export const INK = "#222222";
export const MUTED = "#666666";
export const RULE = "#bbbbbb";

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureRoom({ doc, left }: Frame, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = left;
}

export interface TableLayout {
  header: string[];
  rows: string[][];
  /** A last row in bold, e.g. the totals. */
  footer?: string[] | undefined;
  /** How many leading columns are labels (left-aligned, wider); the rest are numbers. */
  labelColumns: number;
}

const CELL_PAD = 3;
const NUMBER_COLUMN = 64;
const TABLE_FONT = 8;

/** A table that breaks over pages, repeating its header; numbers right-aligned. */
export function drawTable(frame: Frame, table: TableLayout): void {
  const { doc, left, width } = frame;
  const columns = table.header.length;
  const numbers = columns - table.labelColumns;
  // Number columns get what "minder dan 5" needs; the labels the rest, within bounds.
  const labelShare = numbers === 0 ? 1 : Math.min(0.6, Math.max(0.2 * table.labelColumns, 1 - (numbers * NUMBER_COLUMN) / width));
  const widths = table.header.map((_, i) =>
    i < table.labelColumns ? (width * labelShare) / table.labelColumns : (width * (1 - labelShare)) / numbers,
  );
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((text, i) =>
        doc
          .font(bold ? "bold" : "body")
          .fontSize(TABLE_FONT)
          .heightOfString(text, { width: (widths[i] ?? 0) - 2 * CELL_PAD }),
      ),
    ) +
    2 * CELL_PAD;
  const drawRow = (cells: string[], bold: boolean, shaded: boolean) => {
    const height = heightOf(cells, bold);
    const top = doc.y;
    if (shaded) doc.rect(left, top, width, height).fill("#eef1f4");
    let x = left;
    cells.forEach((text, i) => {
      const cellWidth = widths[i] ?? 0;
      doc
        .fillColor(INK)
        .font(bold ? "bold" : "body")
        .fontSize(TABLE_FONT)
        .text(text, x + CELL_PAD, top + CELL_PAD, { width: cellWidth - 2 * CELL_PAD, align: i < table.labelColumns ? "left" : "right" });
      x += cellWidth;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  const drawHeader = () => drawRow(table.header, true, true);

  ensureRoom(frame, heightOf(table.header, true) + heightOf(table.rows[0] ?? table.header, false));
  drawHeader();
  for (const row of [...table.rows, ...(table.footer ? [table.footer] : [])]) {
    const isFooter = row === table.footer;
    if (doc.y + heightOf(row, isFooter) > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, isFooter, false);
  }
  doc.moveDown(0.6);
}
