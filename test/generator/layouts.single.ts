// Layouts for one account: key/value lines, label above value, tiles, grids with distractor
// columns, browser-printed cards and prose. Each draws the account's printed fields onto a page
// from `top` down and returns the y where it ended.
import type { MoneyField } from './figures.ts';
import { formatAmount } from './formats.ts';
import { type AccountDraw, type GenPage, PAGE_W, type Style } from './page.ts';
import {
  CARD_TITLE_WORDS,
  CURRENT_WORDS,
  DISTRACTOR_COLUMN_WORDS,
  FIELD_WORDS,
  GROUP_HEADER_WORDS,
  NO_CALL_PROSE,
  PROSE,
  ROW_TITLE_WORDS,
} from './words.ts';

export type SingleLayout = (page: GenPage, a: AccountDraw, s: Style, top: number) => number;

const label = (s: Style, f: MoneyField) => s.rng.pick(FIELD_WORDS[f]);

/** Label left, value right-aligned at a column edge. */
export const keyValue: SingleLayout = (page, a, s, top) => {
  const right = s.rng.int(330, 560);
  const step = s.size + s.rng.int(4, 9);
  let y = top;
  for (const f of a.fields) {
    page.items.push({ text: label(s, f), x: 50, y, size: s.size });
    page.items.push({ text: s.value(a, f), x: right, y, size: s.size, align: 'right' });
    y += step;
  }
  return y;
};

/** Two columns of key/value pairs side by side. */
export const keyValueTwoColumns: SingleLayout = (page, a, s, top) => {
  const half = Math.ceil(a.fields.length / 2);
  const step = s.size + s.rng.int(5, 9);
  a.fields.forEach((f, i) => {
    const col = i < half ? 0 : 1;
    const y = top + (i % half) * step;
    page.items.push({ text: label(s, f), x: 40 + col * 290, y, size: s.size });
    page.items.push({ text: s.value(a, f), x: 300 + col * 275, y, size: s.size, align: 'right' });
  });
  return top + half * step;
};

/** Labels across, each value below its label. */
export const labelAbove: SingleLayout = (page, a, s, top) => {
  const perRow = s.rng.int(3, 4);
  const colW = (PAGE_W - 80) / perRow;
  const rightAligned = s.rng.chance(0.5);
  let y = top;
  for (let i = 0; i < a.fields.length; i += perRow) {
    a.fields.slice(i, i + perRow).forEach((f, j) => {
      const x = 40 + j * colW;
      page.items.push({ text: label(s, f), x, y, size: s.size - 1, bold: true });
      page.items.push(
        rightAligned
          ? { text: s.value(a, f), x: x + colW - 14, y: y + s.size + 5, size: s.size, align: 'right' }
          : { text: s.value(a, f), x, y: y + s.size + 5, size: s.size },
      );
    });
    y += 2 * s.size + 18;
  }
  return y;
};

/** Framed tiles: a small label on top, the figure large below. */
export const tiles: SingleLayout = (page, a, s, top) => {
  const perRow = 3;
  const w = 170;
  const h = 46;
  let y = top;
  for (let i = 0; i < a.fields.length; i += perRow) {
    a.fields.slice(i, i + perRow).forEach((f, j) => {
      const x = 40 + j * (w + 12);
      page.frames.push({ x, y, w, h });
      page.items.push({ text: label(s, f), x: x + 8, y: y + 14, size: s.size - 2 });
      page.items.push({ text: s.value(a, f), x: x + 8, y: y + 36, size: s.size + 4, bold: true });
    });
    y += h + 12;
  }
  return y;
};

/** Rows of fields, a current column among prior/change/YTD columns, with one- or two-line or stacked headers. */
export const gridWithDistractors: SingleLayout = (page, a, s, top) => {
  const distractors = s.rng.shuffle(DISTRACTOR_COLUMN_WORDS).slice(0, s.rng.int(1, 3));
  const current = s.rng.pick(CURRENT_WORDS);
  const columns = s.rng.shuffle([current, ...distractors]);
  // Label column up to x = 230; value columns share the rest of the page up to x = 570.
  const colW = Math.min(110, 340 / columns.length);
  const right = (j: number) => 230 + (j + 1) * colW;
  const stacked = s.rng.chance(0.3);
  // Long titles over narrow columns go on two lines; wider ones only sometimes.
  const twoLines = colW < 100 || s.rng.chance(0.5);
  let y = top;
  if (stacked) {
    page.items.push({
      text: s.rng.pick(GROUP_HEADER_WORDS),
      x: right(columns.length - 1),
      y,
      size: s.size,
      bold: true,
      align: 'right',
    });
    y += s.size + 4;
  }
  page.items.push({ text: s.rng.pick(ROW_TITLE_WORDS), x: 50, y, size: s.size, bold: true });
  columns.forEach(([upper, lower], j) => {
    if (twoLines) {
      page.items.push({ text: upper, x: right(j), y, size: s.size, bold: true, align: 'right' });
      page.items.push({ text: lower, x: right(j), y: y + s.size + 2, size: s.size, bold: true, align: 'right' });
    } else page.items.push({ text: `${upper} ${lower}`, x: right(j), y, size: s.size, bold: true, align: 'right' });
  });
  y += (twoLines ? 2 : 1) * (s.size + 2) + 6;
  const step = s.size + 6;
  for (const f of a.fields) {
    page.items.push({ text: label(s, f), x: 50, y, size: s.size });
    columns.forEach((c, j) => {
      const cents = a.figures[f];
      // A distractor column holds another day's figure (or the change): never the report's.
      const text =
        c === current
          ? s.value(a, f)
          : formatAmount(
              f === 'margin_call' && cents === 0
                ? 0
                : Math.round(cents * (0.7 + s.rng.next() * 0.6)) + s.rng.int(1, 99_999),
              s.numbers,
            );
      page.items.push({ text, x: right(j), y, size: s.size, align: 'right' });
    });
    y += step;
  }
  return y;
};

/** Sentences: the figures a letter states in prose, the rest as key/value lines below. */
export const prose: SingleLayout = (page, a, s, top) => {
  let y = top;
  const rest: MoneyField[] = [];
  for (const f of a.fields) {
    const templates = PROSE[f];
    if (!templates) {
      rest.push(f);
      continue;
    }
    const sentence =
      f === 'margin_call' && a.figures[f] === 0
        ? s.rng.pick(NO_CALL_PROSE)
        : s.rng.pick(templates).replace('{x}', s.value(a, f));
    page.items.push({ text: `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`, x: 50, y, size: s.size });
    y += s.size + 5;
  }
  if (rest.length > 0) y = keyValue(page, { ...a, fields: rest }, s, y + 10);
  return y;
};

/** Cards as a browser prints a web page: a titled frame per group, label above or beside its value. */
export const cards: SingleLayout = (page, a, s, top) => {
  const perCard = s.rng.int(2, 4);
  const beside = s.rng.chance(0.5);
  const w = 255;
  let y = top;
  let rowH = 0;
  const groups: MoneyField[][] = [];
  for (let i = 0; i < a.fields.length; i += perCard) groups.push(a.fields.slice(i, i + perCard));
  groups.forEach((g, i) => {
    const col = i % 2;
    const x = 40 + col * (w + 22);
    const h = 24 + g.length * (beside ? s.size + 8 : 2 * s.size + 10);
    page.frames.push({ x, y, w, h });
    page.items.push({ text: s.rng.pick(CARD_TITLE_WORDS), x: x + 10, y: y + 14, size: s.size, bold: true });
    let yy = y + 30;
    for (const f of g) {
      if (beside) {
        page.items.push({ text: label(s, f), x: x + 10, y: yy, size: s.size - 1 });
        page.items.push({ text: s.value(a, f), x: x + w - 10, y: yy, size: s.size, align: 'right' });
        yy += s.size + 8;
      } else {
        page.items.push({ text: label(s, f), x: x + 10, y: yy, size: s.size - 2 });
        page.items.push({ text: s.value(a, f), x: x + 10, y: yy + s.size + 2, size: s.size + 1, bold: true });
        yy += 2 * s.size + 10;
      }
    }
    rowH = Math.max(rowH, h);
    if (col === 1 || i === groups.length - 1) {
      y += rowH + 14;
      rowH = 0;
    }
  });
  return y;
};

export const SINGLE_LAYOUTS: Record<string, SingleLayout> = {
  'key-value': keyValue,
  'key-value-2col': keyValueTwoColumns,
  'label-above': labelAbove,
  tiles,
  'grid-distractors': gridWithDistractors,
  prose,
  cards,
};
