// What a generated statement is before it becomes a PDF: positioned strings per page, in points
// from the page's top-left corner, and the truth they print.

import type { Figures, MoneyField } from './figures.ts';
import { formatAmount, formatNoCall, type NumberFormat } from './formats.ts';
import type { Rng } from './random.ts';

export interface Item {
  text: string;
  /** Left edge, or right edge when `align` is right. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  size: number;
  bold?: boolean;
  align?: 'left' | 'right';
}

export interface Frame {
  /** Box drawn as a frame (tiles, cards): x, y (top), width, height. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GenPage {
  items: Item[];
  frames: Frame[];
}

export const PAGE_W = 612;
export const PAGE_H = 792;

export const newPage = (): GenPage => ({ items: [], frames: [] });

/** One account as a layout draws it. */
export interface AccountDraw {
  /** As printed; the truth holds it upper case without spaces. */
  printed: string;
  figures: Figures;
  /** The money fields this document prints for the account, in print order. */
  fields: MoneyField[];
}

/** Everything a layout needs to print values in this document's style. */
export interface Style {
  rng: Rng;
  numbers: NumberFormat;
  size: number;
  /** The printed text of a field's value ("None" for a call of 0 in some documents). */
  value(a: AccountDraw, field: MoneyField): string;
}

export function makeStyle(rng: Rng, numbers: NumberFormat, size: number): Style {
  const noCall = new Map<string, string>();
  return {
    rng,
    numbers,
    size,
    value(a, field) {
      const cents = a.figures[field];
      if (field === 'margin_call' && cents === 0) {
        // One wording per account, so a call printed twice reads the same.
        if (!noCall.has(a.printed)) noCall.set(a.printed, formatNoCall(rng, numbers));
        return noCall.get(a.printed)!;
      }
      return formatAmount(cents, numbers);
    },
  };
}
