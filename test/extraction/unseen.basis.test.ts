import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { readAccountToken } from '../../src/extraction/parse/account.parser.ts';
import type { Known } from '../../src/extraction/solver/filled.figures.ts';
import { fillByIdentities } from '../../src/extraction/solver/identity.fill.ts';
import { openFigures } from '../../src/extraction/solver/open.figures.ts';
import { figureBuilder } from './support/figures.builder.ts';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';
import { phrase } from './support/words.builder.ts';

/**
 * Issue 20, what statements of unseen layouts say around their figures: the basis after `ueber` (also as a
 * scan misreads it), an excess reckoned over the initial requirement, a currency code glossed in words,
 * labels of many short syllable words, and an account number after a colon a scan read as a plus.
 */
const run = statementRunner();
const { fig } = figureBuilder();
const trusted = (entries: [FieldName, number][]) =>
  new Map<FieldName, Known>(entries.map(([f, value]) => [f, { value, trusted: true, page: 0, line: 900 }]));

describe('the basis of an excess after `ueber`', () => {
  it('reads an umlaut-less German excess label whose basis names the maintenance margin', () => {
    expect(matchLabel('Ueberschuss ueber Erhaltungsmarge')?.target).toBe('excess_liquidity');
  });

  it('reads it where a scan misread the pivot by one letter', () => {
    expect(matchLabel('Ueberschuss veber Erhaltungsmarge')?.target).toBe('excess_liquidity');
    expect(matchLabel('Erhaltungsmarge')?.target).toBe('maintenance_requirement');
  });
});

describe('an excess reckoned over the initial requirement', () => {
  it('places the printed figure that makes excess = equity − initial as the initial requirement, below review', () => {
    const out = fillByIdentities(
      trusted([
        ['total_equity', 7_915_500],
        ['maintenance_requirement', 4_883_000],
        ['excess_liquidity', 591_000],
      ]),
      [fig('Position Value', 24_415_000), fig('Required Margin (30%)', 7_324_500)],
    );
    const initial = out.find((o) => o.field === 'initial_requirement');
    expect(initial?.value).toBe(7_324_500);
    expect(initial!.conf).toBeLessThan(0.8);
  });

  it('places none where the excess is reckoned over the maintenance requirement', () => {
    const out = fillByIdentities(
      trusted([
        ['total_equity', 7_915_500],
        ['maintenance_requirement', 4_883_000],
        ['excess_liquidity', 3_032_500],
      ]),
      [fig('Required Margin (30%)', 4_883_000), fig('Position Value', 24_415_000)],
    );
    expect(out.find((o) => o.field === 'initial_requirement')).toBeUndefined();
  });

  it('reads a statement whose surplus is over the required margin, the figures confirmed by it', async () => {
    const [r] = await run([
      [
        ['Margin Status', 60, 40, 14],
        ['Account No.: 045-9920813', 60, 70],
        ['As of: 2026-12-04', 330, 70],
        ...rows(
          100,
          16,
          [60, 400],
          [
            ['Cash Margin', '3,200,000'],
            ['Net Margin Deposit', '7,915,500'],
            ['Position Value', '24,415,000'],
            ['Required Margin (30%)', '7,324,500'],
            ['Maintenance Margin (20%)', '4,883,000'],
            ['Margin Surplus', '591,000'],
          ],
        ),
      ],
    ]);
    expect(r!.fields.initial_requirement).toBe(7_324_500);
    expect(r!.confidence.fields.initial_requirement).toBeLessThan(0.8);
    expect(r!.fields.maintenance_requirement).toBe(4_883_000);
  });
});

describe('a currency code glossed in words', () => {
  it('names the currency where it stands alone in the page header with its name in parentheses', async () => {
    const [r] = await run([
      [
        ['Account Statement', 60, 40, 14],
        ['Account: 058C112907', 60, 70],
        ['Date: 2026-12-04', 330, 70],
        ['Denomination', 60, 86],
        ['VND (dong)', 330, 86],
        ...rows(
          110,
          16,
          [60, 400],
          [
            ['Total Equity', '3.569.520.000'],
            ['Maintenance Requirement', '1.928.000.000'],
            ['Excess Equity', '1.641.520.000'],
          ],
        ),
      ],
    ]);
    expect(r!.currency).toBe('VND');
  });
});

describe('labels of many short syllable words', () => {
  it('are labels of the figures beside them, which the identities may place', () => {
    const words = [
      ...phrase('Gia tri vuot ky quy duy tri yeu cau', 40, 100),
      ...phrase('1,641,520,000', 400, 100),
      ...phrase('this sentence carries several longer words beyond labels', 40, 130),
      ...phrase('1,000', 400, 130),
    ];
    const lines = buildLines(words, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'dmy', ocr: false }));
    expect(openFigures(lines).map((f) => f.label)).toEqual(['Gia tri vuot ky quy duy tri yeu cau']);
  });
});

describe('an account number after a colon a scan read as a plus', () => {
  it('is read without the plus; a telephone number with its plus stays no account', () => {
    expect(readAccountToken('+ 0482-331907.62')?.value).toBe('0482-331907.62');
    expect(readAccountToken('+41 44 123 45 67')).toBeNull();
  });
});
