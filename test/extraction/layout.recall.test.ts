import { describe, expect, it } from 'vitest';
import type { LayoutDocument } from '../../src/extraction/extractor.ts';
import type { TaughtReport } from '../../src/extraction/memory/layout.teach.ts';
import type { LayoutMemory } from '../../src/extraction/memory/memory.recall.ts';
import { memoryHarness } from './support/memory.harness.ts';
import { type Placed, rows } from './support/pdf.builder.ts';

const { read, teach: teachAll, extract } = memoryHarness();
const teach = (doc: LayoutDocument, report: TaughtReport): LayoutMemory => teachAll([{ doc, reports: [report] }]);

const LABELS = ['Net Liquidating Value', 'House Maintenance Requirement', 'Collateral Headroom Reserve'];

/**
 * One layout: three labels, each with today's and the prior day's figure under a header row, which
 * a statement may lose (a scan that did not read it); a label may be printed in pieces.
 */
function statement(v: string[][], opts: { header?: boolean; split?: boolean } = {}): Placed[][] {
  const header = opts.header === false ? [] : [[null, 'Current', 'Prior Day']];
  const body = rows(110, 16, [50, 330, 450], [...header, ...LABELS.map((l, i) => [l, ...v[i]!])]);
  const cut = opts.split
    ? body.flatMap((p): Placed[] =>
        p[0] === 'Collateral Headroom Reserve'
          ? [
              ['Collateral Headroom', p[1], p[2]],
              ['Reserve', p[1] + 150, p[2]],
            ]
          : [p],
      )
    : body;
  return [
    [
      ['Quillon Securities Daily Risk Snapshot', 50, 40, 14],
      ['Account 44-1200-7', 50, 70],
      ...cut,
      ['Figures in USD. Quillon Securities, member FINRA and SIPC.', 50, 200, 8],
    ] as Placed[],
  ];
}

const DAY1 = [
  ['1,250,000.00', '1,190,000.00'],
  ['400,000.00', '380,000.00'],
  ['77,120.50', '70,000.00'],
];
const DAY2 = [
  ['2,005,300.10', '1,998,000.00'],
  ['905,300.10', '900,000.00'],
  ['93,410.25', '91,000.00'],
];

describe('recalling a learned rule on a statement printed otherwise', () => {
  it('finds a label a statement prints in pieces', async () => {
    const one = await read(statement(DAY1));
    const two = await read(statement(DAY2, { split: true }));
    const memory = teach(one.doc, { account: '44-1200-7', fields: { sma: 77120.5 } });
    expect((await extract(two.bytes)).fields.sma).toBeUndefined();
    const after = await extract(two.bytes, memory);
    expect(after.fields.sma).toBe(93410.25);
    expect(after.evidence?.sma).toMatchObject({ source: 'learned' });
  });

  it('where the header row is lost, the taught place confirms the reading that agrees, and changes none', async () => {
    const one = await read(statement(DAY1));
    const two = await read(statement(DAY2, { header: false }));
    const plain = await extract(two.bytes);
    // Taught on today's column: the figure in that place is the one the document's reading chose.
    const current = await extract(
      two.bytes,
      teach(one.doc, { account: '44-1200-7', fields: { total_equity: 1250000 } }),
    );
    expect(current.fields.total_equity).toBe(plain.fields.total_equity);
    expect(current.fields.total_equity).toBe(2005300.1);
    expect(current.evidence?.total_equity).toMatchObject({ source: 'learned' });
    expect(current.confidence.fields.total_equity).toBeGreaterThanOrEqual(plain.confidence.fields.total_equity!);
    // Taught on the prior day's column: found by its place alone, it never replaces the reading.
    const prior = await extract(two.bytes, teach(one.doc, { account: '44-1200-7', fields: { total_equity: 1190000 } }));
    expect(prior.fields.total_equity).toBe(plain.fields.total_equity);
    expect(prior.evidence?.total_equity?.source).not.toBe('learned');
  });
});
