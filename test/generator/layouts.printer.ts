// A statement printed as plain text by a line printer (or a text report piped to a PDF printer): a
// fixed-pitch font, each line one string of characters, two blocks of label/value pairs side by side
// on the same lines, dotted leaders from each label to its figure, debits marked DR after the figure,
// a banner title drawn with asterisks and, at times, a rule drawn with dashes under it.
import type { MoneyField } from './figures.ts';
import { formatAmount } from './formats.ts';
import type { SingleLayout } from './layouts.single.ts';
import type { AccountDraw, Style } from './page.ts';
import { BANNER_WORDS, FIELD_WORDS } from './words.ts';

/** Points per character of Courier at a size. */
const pitch = (size: number) => size * 0.6;

/** The figure as a line printer prints it: the document's grouping, no currency sign, debits marked DR. */
function printedValue(a: AccountDraw, f: MoneyField, s: Style, glued: boolean, credit: boolean): string {
  const cents = a.figures[f];
  if (f === 'margin_call' && cents === 0) return s.value(a, f);
  const text = formatAmount(cents, { ...s.numbers, negative: 'dr', prefix: '' });
  if (cents < 0) return glued ? text.replace(' DR', 'DR') : text;
  return credit && f === 'cash_balance' ? `${text}${glued ? '' : ' '}CR` : text;
}

/** `LABEL . . . . .` or `LABEL ......` to a fixed width. */
function leader(label: string, width: number, spaced: boolean): string {
  const room = width - label.length - 1;
  if (room < 2) return `${label} `;
  const dots = spaced ? ' .'.repeat(Math.floor(room / 2)).slice(0, room) : '.'.repeat(room);
  return `${label} ${dots.trimStart()}`.padEnd(width);
}

export const linePrinter: SingleLayout = (page, a, s, top) => {
  const upper = s.rng.chance(0.7);
  const spaced = s.rng.chance(0.5);
  const glued = s.rng.chance(0.5);
  const credit = s.rng.chance(0.5);
  const gap = s.rng.int(1, 6);
  const labelOf = (f: MoneyField) => {
    const l = s.rng.pick(FIELD_WORDS[f]);
    return upper ? l.toUpperCase() : l;
  };
  const half = Math.ceil(a.fields.length / 2);
  const blocks = [a.fields.slice(0, half), a.fields.slice(half)].map((fields) =>
    fields.map((f) => ({ label: labelOf(f), value: printedValue(a, f, s, glued, credit) })),
  );
  const widths = blocks.map((b) => ({
    label: Math.max(0, ...b.map((p) => p.label.length)) + s.rng.int(7, 12),
    value: Math.max(0, ...b.map((p) => p.value.length)) + s.rng.int(1, 4),
  }));
  const lines: string[] = [];
  const total = widths.reduce((n, w) => n + w.label + w.value, gap);
  if (s.rng.chance(0.8)) {
    const title = ` ${upper ? s.rng.pick(BANNER_WORDS).toUpperCase() : s.rng.pick(BANNER_WORDS)} `;
    const side = Math.max(3, Math.floor((total - title.length) / 2));
    lines.push(`${'*'.repeat(side)}${title}${'*'.repeat(side)}`);
    if (s.rng.chance(0.5)) lines.push('-'.repeat(Math.min(total, side * 2 + title.length)));
  }
  for (let i = 0; i < half; i++) {
    const row = blocks.map((b, k) => {
      const pair = b[i];
      if (!pair) return '';
      return `${leader(pair.label, widths[k]!.label, spaced)}${pair.value.padStart(widths[k]!.value)}`;
    });
    lines.push(row[1] ? `${row[0]!.padEnd(widths[0]!.label + widths[0]!.value)}${' '.repeat(gap)}${row[1]}` : row[0]!);
  }
  // Courier fits about 100 characters across the page from x = 30 at 9 pt; a wider line prints smaller.
  const size = Math.min(s.size, Math.floor((552 / Math.max(...lines.map((l) => l.length)) / 0.6) * 10) / 10);
  let y = top;
  for (const text of lines) {
    page.items.push({ text, x: 30, y, size });
    y += size + Math.max(2, Math.round(pitch(size) * 0.5));
  }
  return y;
};
