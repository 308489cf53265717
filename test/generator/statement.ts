// Composes one random statement: header (title, account, date, currency, distractor accounts,
// browser print header and footer), a body from the layout primitives, and the truth it prints.
import type { GoodTruth, TruthReport } from '../fixtures/truth.ts';
import { drawFigures, MONEY_FIELDS, type MoneyField } from './figures.ts';
import { type DateStyle, drawDate, drawDateStyle, drawNumberFormat, formatDate } from './formats.ts';
import { hideVocabulary } from './hidden.ts';
import { columnPerAccount, rowPerAccount } from './layouts.multi.ts';
import { linePrinter } from './layouts.printer.ts';
import { SINGLE_LAYOUTS, type SingleLayout } from './layouts.single.ts';
import { type AccountDraw, type GenPage, makeStyle, newPage, PAGE_H, type Style } from './page.ts';
import { type Rng, seeded } from './random.ts';
import { ACCOUNT_WORDS, CURRENCY_WORDS, DATE_WORDS, FIRM_WORDS, OTHER_ACCOUNT_WORDS, TITLE_WORDS } from './words.ts';

export type Font = 'helvetica' | 'times' | 'courier';
export type Kind = 'text' | 'scanned';

export interface GeneratedStatement {
  name: string;
  layout: string;
  kind: Kind;
  font: Font;
  pages: GenPage[];
  truth: GoodTruth;
  /** Seed of the drawing order and rasterising, so the PDF is reproducible too. */
  renderSeed: string;
}

export const LAYOUTS = [...Object.keys(SINGLE_LAYOUTS), 'rows', 'columns'] as const;

/**
 * Layouts drawn only when asked for by name (`generateStatement(seed, i, { layout })`, the bench's
 * `--layout`): outside the random draw, so the statements of the standard seeds stay as they were.
 */
export const NAMED_LAYOUTS: Record<string, SingleLayout> = { 'line-printer': linePrinter };
/** Fonts a named layout prints in (a line printer's is fixed-pitch). */
const NAMED_FONTS: Record<string, Font> = { 'line-printer': 'courier' };

function accountNumber(rng: Rng): string {
  const d = (n: number) => Array.from({ length: n }, (_, i) => String(rng.int(i === 0 ? 1 : 0, 9))).join('');
  const L = () => String.fromCharCode(65 + rng.int(0, 25));
  return rng.pick([
    () => `${d(3)}-${d(6)}`,
    () => `${L()}${L()}${d(6)}`,
    () => `${d(8)}`,
    () => `${d(2)}-${d(4)}-${d(2)}`,
    () => `${L()}${d(7)}`,
  ])();
}

function printedFields(rng: Rng, max: number): MoneyField[] {
  const out: MoneyField[] = ['total_equity', 'maintenance_requirement', 'excess_liquidity'];
  if (rng.chance(0.8)) out.push('margin_call');
  if (rng.chance(0.5)) out.push('initial_requirement');
  if (rng.chance(0.5)) out.push('buying_power');
  if (rng.chance(0.5)) out.push('cash_balance', 'long_market_value', 'short_market_value');
  if (rng.chance(0.3)) out.push('sma');
  const kept = out.slice(0, max);
  return rng.chance(0.5) ? rng.shuffle(kept) : MONEY_FIELDS.filter((f) => kept.includes(f));
}

/** Browser print header and footer: timestamp, page title, URL, page x of n. */
function browserChrome(rng: Rng, pages: GenPage[], title: string): void {
  const stamp = `${rng.int(1, 12)}/${rng.int(1, 28)}/${rng.int(25, 27)}, ${rng.int(1, 12)}:${String(rng.int(0, 59)).padStart(2, '0')} ${rng.pick(['AM', 'PM'])}`;
  const url = `https://portal.${rng.pick(['northwind', 'bluefin', 'kestrel'])}.example/margin/${rng.pick(['summary', 'detail', 'view'])}?id=${rng.int(10_000, 99_999)}`;
  pages.forEach((p, i) => {
    p.items.push({ text: stamp, x: 20, y: 18, size: 7 });
    p.items.push({ text: title, x: 300, y: 18, size: 7 });
    p.items.push({ text: url, x: 20, y: PAGE_H - 14, size: 7 });
    p.items.push({ text: `${i + 1}/${pages.length}`, x: 592, y: PAGE_H - 14, size: 7, align: 'right' });
  });
}

/** Header lines: "label  value" pairs, label-above-value, or the account beside a distractor account. */
function header(page: GenPage, s: Style, pairs: [string, string][], top: number): number {
  let y = top;
  if (s.rng.chance(0.5)) {
    for (const [label, value] of pairs) {
      page.items.push({ text: `${label}:`, x: 40, y, size: s.size });
      page.items.push({ text: value, x: 170, y, size: s.size, bold: true });
      y += s.size + 5;
    }
    return y;
  }
  const colW = Math.min(180, 530 / pairs.length);
  pairs.forEach(([label, value], j) => {
    page.items.push({ text: label, x: 40 + j * colW, y, size: s.size - 1 });
    page.items.push({ text: value, x: 40 + j * colW, y: y + s.size + 3, size: s.size, bold: true });
  });
  return y + 2 * s.size + 10;
}

export function generateStatement(
  seed: number,
  index: number,
  opts: { kind?: Kind; layout?: string; hidden?: boolean } = {},
): GeneratedStatement {
  const rng = seeded(`${seed}:${index}`);
  const drawn = rng.pick(LAYOUTS);
  // A named layout takes the drawn one's place; figures, formats and header are drawn from the seed as ever.
  const named = opts.layout ? NAMED_LAYOUTS[opts.layout] : undefined;
  if (opts.layout && !named && !(LAYOUTS as readonly string[]).includes(opts.layout))
    throw new Error(`unknown layout ${opts.layout}`);
  const layout = opts.layout ?? drawn;
  const currency = rng.chance(0.7) ? 'USD' : rng.pick(['EUR', 'GBP', 'CHF', 'CAD']);
  const numbers = drawNumberFormat(rng, currency);
  const dateStyle: DateStyle = drawDateStyle(rng);
  const date = drawDate(rng);
  const s = makeStyle(rng.fork('values'), numbers, rng.pick([8, 9, 10]));
  const count = layout === 'rows' ? rng.int(3, 5) : layout === 'columns' ? rng.int(2, 3) : 1;
  const fields = printedFields(rng, layout === 'rows' ? 6 : 10);
  const accounts: AccountDraw[] = Array.from({ length: count }, () => ({
    printed: accountNumber(rng),
    figures: drawFigures(rng, { deficit: rng.chance(0.35) }),
    fields,
  }));
  const title = rng.pick(TITLE_WORDS);
  const first = newPage();
  first.items.push({ text: rng.pick(FIRM_WORDS), x: 40, y: 44, size: 14, bold: true });
  first.items.push({ text: title, x: 40, y: 62, size: 11 });

  const pairs: [string, string][] = [];
  if (count === 1) pairs.push([rng.pick(ACCOUNT_WORDS), accounts[0]!.printed]);
  pairs.push([rng.pick(DATE_WORDS), formatDate(date, dateStyle)]);
  if (currency !== 'USD' || rng.chance(0.3)) pairs.push([rng.pick(CURRENCY_WORDS), currency]);
  // A master, sweep or linked account printed beside the real one: the figures are not its.
  if (count === 1 && rng.chance(0.5)) pairs.splice(1, 0, [rng.pick(OTHER_ACCOUNT_WORDS), accountNumber(rng)]);
  const top = header(first, s, pairs, 90) + 18;

  let pages: GenPage[] = [first];
  if (layout === 'rows') pages = rowPerAccount(first, accounts, s, top);
  else if (layout === 'columns') columnPerAccount(first, accounts, s, top);
  else (named ?? SINGLE_LAYOUTS[layout]!)(first, accounts[0]!, s, top);
  if (layout === 'cards' || rng.chance(0.2)) browserChrome(rng, pages, title);

  const kind = opts.kind ?? 'text';
  const reports: TruthReport[] = accounts.map((a) => ({
    account_number: a.printed.toUpperCase().replace(/\s+/g, ''),
    report_date: date,
    currency,
    fields: Object.fromEntries(a.fields.map((f) => [f, a.figures[f] / 100])),
  }));
  const name = `gen-${seed}-${String(index).padStart(4, '0')}`;
  const g: GeneratedStatement = {
    name,
    layout,
    kind,
    font: NAMED_FONTS[layout] ?? rng.pick(['helvetica', 'times', 'courier'] as const),
    pages,
    truth: { reports, kind, layout: `gen-${layout}`, pages: pages.length },
    renderSeed: `${name}:render`,
  };
  // The same statement in a language the extractor has never seen (`hidden.ts`): its figures, layout and truth unchanged.
  return opts.hidden ? hideVocabulary(g) : g;
}
