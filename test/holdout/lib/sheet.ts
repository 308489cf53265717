// A thin drawing layer over pdf-lib with top-left coordinates in points.

import { grayscale, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

export type FontKey = 'sans' | 'sansB' | 'sansI' | 'mono' | 'monoB' | 'serif' | 'serifB' | 'serifI';
export type Fonts = Record<FontKey, PDFFont>;
export type Color = number | [number, number, number];

export const LETTER: [number, number] = [612, 792];
export const LETTER_LANDSCAPE: [number, number] = [792, 612];
export const A4: [number, number] = [595.28, 841.89];

export interface DocMeta {
  title: string;
  author: string;
  creator: string;
  producer: string;
  created: Date;
}

export interface Pdf {
  doc: PDFDocument;
  fonts: Fonts;
}

export async function newPdf(meta: DocMeta): Promise<Pdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  doc.setCreationDate(meta.created);
  doc.setModificationDate(meta.created);
  const fonts: Fonts = {
    sans: await doc.embedFont(StandardFonts.Helvetica),
    sansB: await doc.embedFont(StandardFonts.HelveticaBold),
    sansI: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
    monoB: await doc.embedFont(StandardFonts.CourierBold),
    serif: await doc.embedFont(StandardFonts.TimesRoman),
    serifB: await doc.embedFont(StandardFonts.TimesRomanBold),
    serifI: await doc.embedFont(StandardFonts.TimesRomanItalic),
  };
  return { doc, fonts };
}

export interface TextOpts {
  size?: number;
  font?: FontKey;
  align?: 'left' | 'right' | 'center';
  color?: Color;
}

const paint = (c: Color | undefined) => (Array.isArray(c) ? rgb(c[0], c[1], c[2]) : grayscale(c ?? 0));

export class Sheet {
  readonly page: PDFPage;
  readonly fonts: Fonts;
  readonly w: number;
  readonly h: number;

  constructor(pdf: Pdf, size: [number, number]) {
    this.page = pdf.doc.addPage(size);
    this.fonts = pdf.fonts;
    this.w = size[0];
    this.h = size[1];
  }

  width(s: string, size = 9, font: FontKey = 'sans'): number {
    return this.fonts[font].widthOfTextAtSize(s, size);
  }

  /** y is the text baseline measured from the top of the page */
  text(x: number, y: number, s: string, o: TextOpts = {}): void {
    const size = o.size ?? 9;
    const font = o.font ?? 'sans';
    const w = this.width(s, size, font);
    const left = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
    if (s.length)
      this.page.drawText(s, { x: left, y: this.h - y, size, font: this.fonts[font], color: paint(o.color) });
  }

  /** several lines from a baseline downward */
  lines(x: number, y: number, rows: string[], o: TextOpts & { leading?: number } = {}): number {
    const lead = o.leading ?? (o.size ?? 9) * 1.25;
    rows.forEach((r, i) => {
      this.text(x, y + i * lead, r, o);
    });
    return y + rows.length * lead;
  }

  /** wrap a paragraph into lines no wider than maxW; returns the baseline after the last line */
  para(x: number, y: number, s: string, maxW: number, o: TextOpts & { leading?: number } = {}): number {
    const size = o.size ?? 9;
    const font = o.font ?? 'sans';
    const words = s.split(/\s+/).filter(Boolean);
    const out: string[] = [];
    let cur = '';
    for (const wd of words) {
      const next = cur ? `${cur} ${wd}` : wd;
      if (cur && this.width(next, size, font) > maxW) {
        out.push(cur);
        cur = wd;
      } else cur = next;
    }
    if (cur) out.push(cur);
    return this.lines(x, y, out, o);
  }

  hline(x1: number, x2: number, y: number, width = 0.5, color: Color = 0): void {
    this.page.drawLine({
      start: { x: x1, y: this.h - y },
      end: { x: x2, y: this.h - y },
      thickness: width,
      color: paint(color),
    });
  }

  vline(x: number, y1: number, y2: number, width = 0.5, color: Color = 0): void {
    this.page.drawLine({
      start: { x, y: this.h - y1 },
      end: { x, y: this.h - y2 },
      thickness: width,
      color: paint(color),
    });
  }

  dotted(x1: number, x2: number, y: number, color: Color = 0.4): void {
    this.page.drawLine({
      start: { x: x1, y: this.h - y },
      end: { x: x2, y: this.h - y },
      thickness: 0.8,
      color: paint(color),
      dashArray: [0.8, 2.2],
    });
  }

  /** a text run of periods filling [x1, x2] (the leader is part of the text layer, as on many statements) */
  leader(x1: number, x2: number, y: number, o: { size?: number; spaced?: boolean; color?: Color } = {}): void {
    const size = o.size ?? 9;
    const unit = o.spaced ? '. ' : '.';
    const n = Math.floor((x2 - x1) / this.width(unit, size));
    if (n < 3) return;
    this.text(x1, y, unit.repeat(n).trimEnd(), { size, color: o.color ?? 0.35 });
  }

  /** x, y = top-left */
  box(x: number, y: number, w: number, h: number, o: { fill?: Color; stroke?: Color; width?: number } = {}): void {
    this.page.drawRectangle({
      x,
      y: this.h - y - h,
      width: w,
      height: h,
      color: o.fill === undefined ? undefined : paint(o.fill),
      borderColor: o.stroke === undefined ? undefined : paint(o.stroke),
      borderWidth: o.stroke === undefined ? 0 : (o.width ?? 0.6),
    });
  }
}

export async function finish(pdf: Pdf): Promise<Uint8Array> {
  return pdf.doc.save({ useObjectStreams: false });
}
