// Draws a generated statement with pdf-lib in a random content-stream order (and some labels
// word by word), so only geometry says what belongs together; scanned statements are then
// rasterised by the fixture corpus's scanner.
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { makeScanned, type ScanLook } from '../fixtures/scan.ts';
import { type GenPage, PAGE_H, PAGE_W } from './page.ts';
import { seeded } from './random.ts';
import type { Font, GeneratedStatement } from './statement.ts';

/** A printed string and its box in points from the page's top-left corner. */
export interface DrawnBox {
  page: number;
  text: string;
  bbox: [number, number, number, number];
}

const FONTS: Record<Font, [StandardFonts, StandardFonts]> = {
  helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  courier: [StandardFonts.Courier, StandardFonts.CourierBold],
};

interface Draw {
  text: string;
  x: number;
  y: number;
  size: number;
  font: PDFFont;
}

export async function renderStatement(g: GeneratedStatement): Promise<{ bytes: Uint8Array; boxes: DrawnBox[] }> {
  const rng = seeded(g.renderSeed);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const [regular, bold] = await Promise.all(FONTS[g.font].map((f) => doc.embedFont(f)));
  const boxes: DrawnBox[] = [];
  g.pages.forEach((p: GenPage, pi) => {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    for (const f of p.frames) {
      page.drawRectangle({
        x: f.x,
        y: PAGE_H - f.y - f.h,
        width: f.w,
        height: f.h,
        borderColor: rgb(0.6, 0.6, 0.6),
        borderWidth: 0.7,
      });
    }
    const draws: Draw[] = [];
    for (const it of p.items) {
      const font = it.bold ? bold! : regular!;
      const width = font.widthOfTextAtSize(it.text, it.size);
      const x0 = it.align === 'right' ? it.x - width : it.x;
      boxes.push({ page: pi + 1, text: it.text, bbox: [x0, it.y - it.size * 0.8, x0 + width, it.y + it.size * 0.25] });
      // Some strings go into the content stream word by word, each word placed by its own offset.
      const words = it.text.split(' ');
      if (words.length > 1 && rng.chance(0.25)) {
        let offset = 0;
        for (const w of words) {
          if (w) draws.push({ text: w, x: x0 + offset, y: it.y, size: it.size, font });
          offset += font.widthOfTextAtSize(`${w} `, it.size);
        }
      } else draws.push({ text: it.text, x: x0, y: it.y, size: it.size, font });
    }
    for (const d of rng.shuffle(draws)) page.drawText(d.text, { x: d.x, y: PAGE_H - d.y, size: d.size, font: d.font });
  });
  let bytes = await doc.save({ useObjectStreams: false });
  if (g.kind === 'scanned') {
    const look: ScanLook = {
      dpi: rng.pick([200, 240, 300]),
      rotate: (rng.next() - 0.5) * 1.2,
      noise: rng.int(2, 8),
      specks: rng.int(0, 40),
      blur: rng.int(0, 1),
      quality: rng.int(55, 85),
      paper: rng.int(235, 255),
      ink: 0.85 + rng.next() * 0.15,
    };
    const meta = { title: g.name, author: '', creator: 'generator', created: '2026-01-01T00:00:00.000Z' };
    bytes = await makeScanned(bytes, meta, look, rng);
  }
  return { bytes, boxes };
}
