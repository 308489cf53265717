import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import { partsOfTotal } from '../../src/extraction/fields/group.totals.ts';
import type { Placed } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const runner = statementRunner();
const run = (pages: Placed[][]) => runner(pages, 'Courier');

const head: Placed[] = [
  ['HARBOUR LANE CLEARING - DAILY STATEMENT', 40, 40],
  ['ACCOUNT : 7730-11842        BASE CCY : USD', 40, 60],
];

describe('a summary whose columns are captioned by dates', () => {
  it("reads the later date's column, and the date from its caption", async () => {
    const reports = await run([
      [
        ...head,
        ['SUMMARY IN BASE CURRENCY (USD)', 40, 120],
        ['EARLIER VALUATION DATE 12/04/2026', 300, 120],
        ['VALUATION DATE 12/07/2026', 450, 120],
        ['NET LIQUIDATING VALUE', 40, 140],
        ['500,000.00', 300, 140],
        ['520,000.00', 450, 140],
        ['INITIAL MARGIN', 40, 155],
        ['120,000.00', 300, 155],
        ['130,000.00', 450, 155],
        ['SURPLUS OVER INITIAL', 40, 170],
        ['380,000.00', 300, 170],
        ['390,000.00', 450, 170],
      ],
    ]);
    const r = reports[0]!;
    expect(r.report_date).toBe('2026-12-07');
    expect(r.fields.total_equity).toBe(520_000);
    expect(r.fields.initial_requirement).toBe(130_000);
    expect(r.fields.excess_liquidity).toBe(390_000);
  });
});

describe('one label under every group sub-total and under the grand total', () => {
  it('takes the total the groups add up to, not the first group', async () => {
    const group = (name: string, y: number, value: string): Placed[] => [
      [`*** ${name} ***`, 60, y],
      ['MAINTENANCE MARGIN', 300, y + 12],
      [value, 450, y + 12],
    ];
    const reports = await run([
      [
        ...head,
        ['STATEMENT DATE : 12/07/2026', 40, 80],
        ...group('DESK NORTH', 120, '40,000.00'),
        ...group('DESK SOUTH', 150, '25,000.00'),
        ...group('DESK WEST', 180, '35,000.00'),
        ...group('ALL DESKS', 210, '100,000.00'),
        ['TOTAL EQUITY', 40, 260],
        ['300,000.00', 450, 260],
      ],
    ]);
    const r = reports[0]!;
    expect(r.fields.maintenance_requirement).toBe(100_000);
    expect(r.fields.total_equity).toBe(300_000);
  });

  it('takes no prior column for a total: current + change = prior adds up too', () => {
    const cand = (value: number, line: number, demoted?: string): Candidate => ({
      target: 'initial_requirement',
      value,
      score: 1,
      ocr: 1,
      weight: 1,
      page: 0,
      line,
      source: 'row',
      label: 'Initial Req. (Reg T)',
      ...(demoted ? { demoted } : {}),
    });
    const read = [cand(64_292.36, 5), cand(65_941.44, 6, 'Prior Day column'), cand(1_649.08, 7, 'Change column')];
    expect(partsOfTotal(read, 'USD')).toEqual(read);
  });
});
