// fontkit comes with pdfkit, which lays text out with it; it ships no types of its own.
declare module "fontkit" {
  /** A parsed font file: pdfkit lays text out with it and embeds the glyphs a document uses. */
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
