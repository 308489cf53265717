import type { PageWord } from '../../../src/extraction/pdf/page.types.ts';

/** A phrase as words with boxes, at a left edge x and top y, about 5 pt per character. */
export function phrase(text: string, x: number, y: number): PageWord[] {
  const out: PageWord[] = [];
  let at = x;
  for (const t of text.split(' ')) {
    out.push({ text: t, x0: at, x1: at + t.length * 5, y0: y, y1: y + 9, conf: 1 });
    at += t.length * 5 + 3;
  }
  return out;
}

/** Right-aligned at x1. */
export const right = (text: string, x1: number, y: number) =>
  phrase(text, x1 - text.length * 5 - (text.split(' ').length - 1) * 3, y);
