// Layouts for several accounts in one document: a table with one row per account (with page and
// report totals that are not accounts), and a table with one column per account beside a
// combined household column (not an account either).
import type { MoneyField } from './figures.ts';
import { formatAmount } from './formats.ts';
import { type AccountDraw, type GenPage, newPage, PAGE_W, type Style } from './page.ts';
import {
  ACCOUNT_WORDS,
  COLUMN_WORDS,
  FIELD_WORDS,
  HOUSEHOLD_WORDS,
  PAGE_TOTAL_WORDS,
  REPORT_TOTAL_WORDS,
  ROW_TITLE_WORDS,
} from './words.ts';

const sum = (accounts: AccountDraw[], f: MoneyField) => accounts.reduce((t, a) => t + a.figures[f], 0);

/**
 * One row per account; a PAGE TOTAL row closes each page and a REPORT TOTAL row the last one.
 * Accounts may run over two pages, each repeating the header.
 */
export function rowPerAccount(first: GenPage, accounts: AccountDraw[], s: Style, top: number): GenPage[] {
  const fields = accounts[0]!.fields;
  const accW = 95;
  const colW = Math.min(90, (PAGE_W - 40 - accW) / fields.length);
  const size = Math.min(s.size, colW < 70 ? 7 : s.size);
  const right = (j: number) => 30 + accW + (j + 1) * colW;
  const titles = fields.map((f) => s.rng.pick(COLUMN_WORDS[f]));
  const perPage = s.rng.chance(0.4) && accounts.length > 3 ? Math.ceil(accounts.length / 2) : accounts.length;
  const pages: GenPage[] = [];
  for (let start = 0; start < accounts.length; start += perPage) {
    const page = start === 0 ? first : newPage();
    pages.push(page);
    let y = start === 0 ? top : 60;
    page.items.push({ text: s.rng.pick(ACCOUNT_WORDS), x: 30, y: y + size + 2, size, bold: true });
    titles.forEach(([a, b], j) => {
      page.items.push({ text: a, x: right(j), y, size, bold: true, align: 'right' });
      page.items.push({ text: b, x: right(j), y: y + size + 2, size, bold: true, align: 'right' });
    });
    y += 2 * size + 12;
    const rows = accounts.slice(start, start + perPage);
    for (const a of rows) {
      page.items.push({ text: a.printed, x: 30, y, size });
      fields.forEach((f, j) => {
        page.items.push({ text: s.value(a, f), x: right(j), y, size, align: 'right' });
      });
      y += size + 7;
    }
    const totals: [string, AccountDraw[]][] = [[s.rng.pick(PAGE_TOTAL_WORDS), rows]];
    if (start + perPage >= accounts.length) totals.push([s.rng.pick(REPORT_TOTAL_WORDS), accounts]);
    for (const [word, group] of totals) {
      y += 3;
      page.items.push({ text: word, x: 30, y, size, bold: true });
      fields.forEach((f, j) => {
        page.items.push({
          text: formatAmount(sum(group, f), s.numbers),
          x: right(j),
          y,
          size,
          bold: true,
          align: 'right',
        });
      });
      y += size + 7;
    }
  }
  return pages;
}

/** One column per account and a combined household column; field labels head the rows. */
export function columnPerAccount(page: GenPage, accounts: AccountDraw[], s: Style, top: number): number {
  const fields = accounts[0]!.fields;
  const household = s.rng.pick(HOUSEHOLD_WORDS);
  const columns = [...accounts.map((a) => a.printed), household];
  const colW = Math.min(105, (PAGE_W - 230) / columns.length);
  const right = (j: number) => 200 + (j + 1) * colW;
  let y = top;
  page.items.push({ text: s.rng.pick(ROW_TITLE_WORDS), x: 40, y, size: s.size, bold: true });
  columns.forEach((c, j) => {
    page.items.push({ text: c, x: right(j), y, size: s.size, bold: true, align: 'right' });
  });
  y += s.size + 8;
  for (const f of fields) {
    page.items.push({ text: s.rng.pick(FIELD_WORDS[f]), x: 40, y, size: s.size });
    accounts.forEach((a, j) => {
      page.items.push({ text: s.value(a, f), x: right(j), y, size: s.size, align: 'right' });
    });
    page.items.push({
      text: formatAmount(sum(accounts, f), s.numbers),
      x: right(accounts.length),
      y,
      size: s.size,
      align: 'right',
    });
    y += s.size + 6;
  }
  return y;
}
