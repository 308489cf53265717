import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import type { Candidate } from '../../src/extraction/fields/candidates.ts';
import type { Known } from '../../src/extraction/solver/filled.figures.ts';
import { fillByIdentities } from '../../src/extraction/solver/identity.fill.ts';
import { affinity } from '../../src/extraction/solver/label.clarity.ts';
import { releaseLeaning } from '../../src/extraction/solver/leaning.release.ts';
import type { OpenFigure } from '../../src/extraction/solver/open.figures.ts';
import { fillLeaning } from '../../src/extraction/solver/pool.fills.ts';
import type { SolvedField } from '../../src/extraction/solver/report.solver.ts';
import { figureBuilder } from './support/figures.builder.ts';
import { rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

/**
 * The identities over figures whose labels the vocabulary does not know, beyond a single account's
 * page: a column or a row per account, a grid with prior columns, a label read by its stem, a
 * value whose label leans to another field, and ties the labels' own reading breaks.
 */
const run = statementRunner();

describe('open figures of one account among several', () => {
  it('places the equity of each account in a column per account, under numeric account headers', async () => {
    const reports = await run([
      [
        ['Portfolio Margin Overview', 60, 40, 12],
        ['Business date: 2026-11-30', 60, 60],
        ...rows(
          100,
          16,
          [60, 260, 380, 500],
          [
            ['Line item', '40215577', '73-5521-18', 'All accounts'],
            ['Standing of the Book', '812,400.00', '95,310.55', '907,710.55'],
            ['Maintenance Obligation', '301,250.00', '40,120.30', '341,370.30'],
            ['Excess Liquidity', '511,150.00', '55,190.25', '566,340.25'],
          ],
        ),
      ],
    ]);
    const by = Object.fromEntries(reports.map((r) => [r.account_number, r]));
    expect(by['40215577']?.fields.total_equity).toBeCloseTo(812_400, 2);
    expect(by['73-5521-18']?.fields.total_equity).toBeCloseTo(95_310.55, 2);
    for (const r of reports) expect(r.confidence.fields.total_equity ?? 1).toBeLessThan(0.8);
  });

  it('places the excess of each account in a row per account, under a column title it does not know', async () => {
    const reports = await run([
      [
        ['Margin Positions by Account', 60, 40, 12],
        ['Business date: 2026-11-30', 60, 60],
        ...rows(
          100,
          12,
          [40, 160, 280, 400, 520],
          [
            [null, null, 'Maintenance', 'Maintenance', null],
            ['Account', 'Total Equity', 'Needed', 'Cushion', 'Margin Call'],
            ['40215577', '812,400.00', '301,250.00', '511,150.00', '0.00'],
            ['73-5521-18', '95,310.55', '40,120.30', '55,190.25', '0.00'],
          ],
        ),
      ],
    ]);
    const by = Object.fromEntries(reports.map((r) => [r.account_number, r]));
    expect(by['40215577']?.fields.excess_liquidity).toBeCloseTo(511_150, 2);
    expect(by['73-5521-18']?.fields.excess_liquidity).toBeCloseTo(55_190.25, 2);
    for (const r of reports) expect(r.confidence.fields.excess_liquidity ?? 1).toBeLessThan(0.8);
  });
});

const { fig, nextLine } = figureBuilder();

describe('labels read by their wording', () => {
  it('reads a word the vocabulary lacks by the stem it shares with one it has, at half weight', () => {
    // `required` is `requirement`'s stem: the requirement side, not the excess.
    expect(affinity('Required Maintenance Equity', 'maintenance_requirement')).toBeGreaterThan(
      affinity('Maintenance Cushion', 'maintenance_requirement'),
    );
    expect(affinity('Required Maintenance Equity', 'maintenance_requirement')).toBeLessThan(
      affinity('Maintenance Requirement', 'maintenance_requirement'),
    );
  });

  it('moves a value nothing vouches for to the field its label leans to, and takes the next reading', () => {
    const cand = (target: FieldName, value: number, label: string): Candidate => ({
      target,
      value,
      score: 0.7,
      ocr: 1,
      weight: 1,
      page: 0,
      line: nextLine(),
      source: 'row',
      label,
    });
    const fields = new Map<FieldName, SolvedField>([
      [
        'initial_requirement',
        {
          pick: cand('initial_requirement', 19_100, 'SMA (Reg. T)'),
          conf: 0.74,
          confirmedBy: null,
          rivals: [{ cand: cand('initial_requirement', 2_325_022.25, 'Initial Equity Required'), reason: 'weaker' }],
        },
      ],
    ]);
    const issues: { field?: string; code: string; severity: 'info' | 'warning' | 'error'; message: string }[] = [];
    releaseLeaning(fields, issues);
    expect(fields.get('sma')?.pick.value).toBe(19_100);
    expect(fields.get('initial_requirement')?.pick.value).toBe(2_325_022.25);
    expect([...fields.values()].every((r) => r.conf < 0.8)).toBe(true);
    expect(issues.some((i) => i.field === 'sma')).toBe(true);
  });
});

describe('a grid with prior and change columns', () => {
  it('reads a leaning label’s figure in the column the report’s figures were read from', () => {
    const grid = (label: string, values: number[]) => {
      const at = nextLine();
      return values.map((v, k) => ({
        ...fig(label, v, { column: `0:${300 + 90 * k}` }),
        line: at,
        box: { x0: 250 + 90 * k, y0: 0, x1: 300 + 90 * k, y1: 10 },
      }));
    };
    const equity = grid('Worth Overall', [28_955_005.82, 31_516_833.46, 31_762_510.49]);
    const initial = grid('Initial Equity Required', [72_897_368.88, 74_219_889.91, 59_809_109.41]);
    const pick = (f: OpenFigure): Candidate => ({
      target: 'total_equity',
      value: f.value,
      score: 0.7,
      ocr: 1,
      weight: 1,
      page: f.page,
      line: f.line,
      source: 'row',
      label: f.label,
    });
    const fields = new Map<FieldName, SolvedField>([
      ['total_equity', { pick: pick(equity[2]!), conf: 0.72, confirmedBy: null, rivals: [] }],
    ]);
    fillLeaning(fields, [], [...equity, ...initial]);
    expect(fields.get('initial_requirement')?.pick.value).toBe(59_809_109.41);
    expect(fields.get('initial_requirement')!.conf).toBeLessThan(0.8);
  });
});

describe('ties between the parts of excess = equity − requirement', () => {
  it('follows the labels’ own unsure reading where the shape leaves the parts interchangeable', () => {
    const cushion = fig('Floor Level Cushion', 2_724_995.87);
    const needed = fig('Floor Level Needed', 2_034_945.53);
    const known = new Map<FieldName, Known>([
      ['total_equity', { value: 4_759_941.4, trusted: true, page: 0, line: 900 }],
      ['maintenance_requirement', { value: needed.value, trusted: false, page: 0, line: needed.line }],
    ]);
    const out = fillByIdentities(known, [cushion, needed]);
    const placed = Object.fromEntries(out.map((o) => [o.field, o.value]));
    expect(placed).toMatchObject({ maintenance_requirement: 2_034_945.53, excess_liquidity: 2_724_995.87 });
    expect(out.every((o) => o.conf < 0.8)).toBe(true);
  });
});
