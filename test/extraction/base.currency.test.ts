import { describe, expect, it } from 'vitest';
import { statedBaseCurrency } from '../../src/extraction/fields/base.currency.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { readColumnHeader } from '../../src/extraction/structure/column.header.ts';
import { settleCurrencyColumns } from '../../src/extraction/structure/currency.columns.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';
import { phrase, right } from './support/words.builder.ts';
import { segmented } from './support/words.reader.ts';

/**
 * A multi-currency statement that prints one column per currency (`USD | CAD`, `EUR | USD | GBP`),
 * unconverted, and no combined column: the report is the column of the base currency the statement
 * states (`Base Currency`, `Reporting currency`, `All amounts in`, a `(base)` title), wherever it
 * stands; with no base stated the figures go to review, never silently the first column.
 */
const lines = (words: PageWord[]) => segmented(words);

describe('the stated base currency', () => {
  it('is read from a base-currency label, a reporting-currency cell in a header line, or a sentence', () => {
    expect(statedBaseCurrency(lines([...phrase('Base Currency', 40, 20), ...phrase('CAD', 200, 20)]))).toBe('CAD');
    const header = [
      ...phrase('Portfolio no. 77-1', 40, 20),
      ...phrase('Valuation as at 30.11.2026', 160, 20),
      ...phrase('Reporting currency: EUR', 320, 20),
    ];
    expect(statedBaseCurrency(lines(header))).toBe('EUR');
    expect(statedBaseCurrency(lines(phrase('All amounts are shown in USD', 40, 20)))).toBe('USD');
  });

  it('is a bare currency label only when nothing names the base, and nothing when two disagree', () => {
    const bare = [...phrase('Currency', 40, 20), ...phrase('GBP', 200, 20)];
    expect(statedBaseCurrency(lines(bare))).toBe('GBP');
    const base = [...phrase('Base Currency', 40, 40), ...phrase('EUR', 200, 40)];
    expect(statedBaseCurrency(lines([...bare, ...base]))).toBe('EUR');
    const other = [...phrase('Reporting currency', 40, 60), ...phrase('CHF', 200, 60)];
    expect(statedBaseCurrency(lines([...base, ...other]))).toBeNull();
  });
});

describe('per-currency columns settled by the base currency', () => {
  const titles = lines([...phrase('Description', 40, 20), ...right('USD', 300, 20), ...right('CAD', 400, 20)]);
  const header = readColumnHeader(titles[0]!)!;

  it('makes the base currency’s column the report, though it is not the first', () => {
    const settled = settleCurrencyColumns(header, 'CAD');
    expect(settled.columns.find((c) => c.kind === 'base')?.text).toBe('CAD');
    expect(settled.unsure).toBeUndefined();
  });

  it('leaves the choice to review when no base is stated, or the stated one has no column', () => {
    expect(settleCurrencyColumns(header, null).unsure).toMatch(/states no base currency/);
    expect(settleCurrencyColumns(header, 'EUR').unsure).toMatch(/none is the stated base currency EUR/);
  });

  it('reads a currency beside a column title’s words (`Balance USD | Balance CAD`)', () => {
    const named = lines([
      ...phrase('Description', 40, 20),
      ...right('Balance USD', 300, 20),
      ...right('Balance CAD', 420, 20),
    ]);
    const settled = settleCurrencyColumns(readColumnHeader(named[0]!)!, 'CAD');
    expect(settled.columns.find((c) => c.kind === 'base')?.text).toBe('Balance CAD');
  });

  it('leaves a header with a combined column as it is', () => {
    const combined = lines([
      ...phrase('Description', 40, 20),
      ...right('USD', 260, 20),
      ...right('CAD', 330, 20),
      ...right('Combined in CAD', 460, 20),
    ]);
    const h = readColumnHeader(combined[0]!)!;
    expect(settleCurrencyColumns(h, 'USD')).toBe(h);
  });
});

const run = statementRunner();
/** Courier at 10 pt: 6 points a character, so a figure ends at `x`. */
const at = (text: string, x: number, y: number): Placed => [text, x - text.length * 6, y];
const COLS = [300, 410, 520];
const row = (y: number, label: string, figures: string[]): Placed[] => [
  [label, 40, y],
  ...figures.map((f, j) => at(f, COLS[j]!, y)),
];
/** USD | CAD | EUR ledgers, each balanced on its own (equity − requirement = excess). */
function table(top: number, titles: string[]): Placed[] {
  return [
    ...titles.map((t, j) => at(t, COLS[j]!, top)),
    ...row(top + 20, 'Total equity', ['120,000.00', '250,500.00', '48,000.00']),
    ...row(top + 34, 'Maintenance requirement', ['40,000.00', '90,200.00', '12,000.00']),
    ...row(top + 48, 'Excess equity', ['80,000.00', '160,300.00', '36,000.00']),
    ...row(top + 62, 'Cash balance', ['-15,000.00', '22,750.00', '3,100.00']),
  ];
}
const head = (extra: Placed[]): Placed[] => [
  ['Northgate Clearing', 40, 40],
  ['Account: NG-44120', 40, 60],
  ['Statement date: 11/30/2026', 40, 75],
  ...extra,
];

describe('multi-currency statements without a combined column', () => {
  it('reports the stated base currency’s column, not the first one', async () => {
    const [r] = await run(
      [[...head([['Base currency: CAD', 300, 60]]), ...table(110, ['USD', 'CAD', 'EUR'])]],
      'Courier',
    );
    expect(r!.currency).toBe('CAD');
    expect(r!.fields.total_equity).toBe(250_500);
    expect(r!.fields.maintenance_requirement).toBe(90_200);
    expect(r!.fields.excess_liquidity).toBe(160_300);
    expect(r!.fields.cash_balance).toBe(22_750);
    expect(r!.issues.some((i) => i.code === 'unsure_column')).toBe(false);
  });

  it('reads a "(base)" marker on a column title', async () => {
    const [r] = await run(
      [[...head([]), ...table(110, ['EUR', 'USD', 'GBP']), at('(base)', COLS[1]!, 121)]],
      'Courier',
    );
    expect(r!.currency).toBe('USD');
    expect(r!.fields.total_equity).toBe(250_500);
  });

  it('flags the figures when no base currency is stated', async () => {
    const [r] = await run([[...head([]), ...table(110, ['USD', 'CAD', 'EUR'])]], 'Courier');
    expect(r!.needs_review).toBe(true);
    for (const f of ['total_equity', 'maintenance_requirement', 'excess_liquidity'] as const) {
      expect(r!.confidence.fields[f]).toBeLessThan(0.8);
      expect(r!.issues.some((i) => i.field === f && /states no base currency/.test(i.message))).toBe(true);
    }
    expect(r!.confidence.fields.currency).toBeLessThan(0.8);
  });
});

describe('a currency code alone in a cell of the page header', () => {
  it('is the report currency, though the header line also prints numbers of other accounts', async () => {
    // `Account | Funding account | Date | Figures in` over `40117342 | 55120981 | 10/31/2026 | CAD`.
    const [r] = await run(
      [
        [
          ['Northgate Clearing', 40, 40],
          ['Zorp Handle', 40, 60],
          ['Funding Blim', 170, 60],
          ['Quux As Of', 300, 60],
          ['Figures In', 430, 60],
          ['40117342', 40, 74],
          ['55120981', 170, 74],
          ['10/31/2026', 300, 74],
          ['CAD', 430, 74],
          ...row(110, 'Total equity', ['250,500.00']),
          ...row(124, 'Maintenance requirement', ['90,200.00']),
          ...row(138, 'Excess equity', ['160,300.00']),
        ],
      ],
      'Courier',
    );
    expect(r!.currency).toBe('CAD');
  });
});
