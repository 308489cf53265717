import { PDFDocument, StandardFonts } from 'pdf-lib';

/** One piece of text placed at (x, y) in points from the top-left corner, as a broker's generator would. */
export type Placed = [text: string, x: number, y: number, size?: number];

/** Builds a text-layer PDF from placed strings, one array per page. */
export async function buildTextPdf(
  pages: Placed[][],
  opts: { font?: 'Helvetica' | 'Courier' | 'TimesRoman' } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts[opts.font ?? 'Helvetica']);
  for (const items of pages) {
    const page = doc.addPage([612, 792]);
    for (const [text, x, y, size = 10] of items) page.drawText(text, { x, y: 792 - y, size, font });
  }
  return doc.save();
}

/** Rows of cells at fixed column x positions, starting at `top`, `step` points apart. */
export function rows(top: number, step: number, cols: number[], data: (string | null)[][]): Placed[] {
  const out: Placed[] = [];
  data.forEach((r, i) => {
    r.forEach((cell, j) => {
      if (cell) out.push([cell, cols[j] ?? cols[cols.length - 1]!, top + i * step]);
    });
  });
  return out;
}
