import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishReport } from '../../src/core/report/report.finish.ts';
import { createExtractor, type LayoutDocument } from '../../src/extraction/extractor.ts';
import { fingerprintOf, fingerprintSimilarity, SAME_LAYOUT } from '../../src/extraction/memory/layout.fingerprint.ts';
import { planTeaching, type TaughtReport } from '../../src/extraction/memory/layout.teach.ts';
import type { KnownLayout, LayoutMemory } from '../../src/extraction/memory/memory.recall.ts';
import { learnRule } from '../../src/extraction/memory/rule.learner.ts';
import { buildTextPdf, type Placed, rows } from './support/pdf.builder.ts';
import { day1, day2, snapshot } from './support/snapshot.statement.ts';

const now = new Date('2026-12-06T12:00:00Z');
const extractor = createExtractor({
  maxFileBytes: 1e7,
  maxPages: 10,
  timeoutMs: 60_000,
  ocrWorkers: 1,
  now: () => now,
});
afterAll(() => extractor.close());

const FIXTURES = path.join(import.meta.dirname, '../fixtures/reports');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, `${name}.pdf`)));

const read = async (pages: Placed[][]): Promise<{ bytes: Uint8Array; doc: LayoutDocument }> => {
  const bytes = await buildTextPdf(pages);
  return { bytes, doc: await extractor.readLayout!(bytes) };
};

/** A memory holding what the given statements teach, as the store would keep it. */
function teach(taught: { doc: LayoutDocument; reports: TaughtReport[] }[]): LayoutMemory {
  let layouts: KnownLayout[] = [];
  for (const [n, t] of taught.entries()) {
    const plan = planTeaching(t.doc, t.reports, layouts);
    const rules = plan.rules.map((r) => ({
      ...r,
      reportId: `r${n + 1}`,
      fileName: null,
      taughtBy: '@ann',
      taughtAt: now.toISOString(),
    }));
    const had = layouts.find((l) => l.id === plan.layoutId);
    layouts = had
      ? layouts.map((l) => (l === had ? { ...l, rules: [...rules, ...l.rules] } : l))
      : [...layouts, { id: plan.layoutId, fingerprint: plan.fingerprint, rules }];
  }
  return { layouts: async () => layouts };
}

const extract = async (bytes: Uint8Array, memory?: LayoutMemory) => {
  const out = await extractor.extract({ bytes, fileName: 'x.pdf', ...(memory ? { memory } : {}) });
  return out.readings.map((r) => ({ ...finishReport(r, { now }), evidence: r.evidence }))[0]!;
};

describe('layout fingerprint', () => {
  it('matches two statements of one layout on different days and accounts, and not another layout', async () => {
    const [a, b] = await Promise.all([read(snapshot(day1)), read(snapshot(day2))]);
    const other = await extractor.readLayout!(fixture('legacy-drcr-01'));
    const fa = fingerprintOf(a.doc.lines, a.doc.pages);
    expect(fingerprintSimilarity(fa, fingerprintOf(b.doc.lines, b.doc.pages))).toBeGreaterThanOrEqual(SAME_LAYOUT);
    expect(fingerprintSimilarity(fa, fingerprintOf(other.lines, other.pages))).toBeLessThan(SAME_LAYOUT);
  });

  it('matches a real layout across its statements and keeps layouts apart (fixtures)', async () => {
    const [ib1, ib2, drcr] = await Promise.all(
      ['ib-account-summary-01', 'ib-account-summary-02', 'legacy-drcr-01'].map(async (n) => {
        const d = await extractor.readLayout!(fixture(n));
        return fingerprintOf(d.lines, d.pages);
      }),
    );
    expect(fingerprintSimilarity(ib1!, ib2!)).toBeGreaterThanOrEqual(SAME_LAYOUT);
    expect(fingerprintSimilarity(ib1!, drcr!)).toBeLessThan(SAME_LAYOUT);
    expect(fingerprintSimilarity(ib2!, drcr!)).toBeLessThan(SAME_LAYOUT);
  });
});

describe('learning where a value is printed', () => {
  it('finds a value in its printed form (parentheses for a negative) and anchors it on its label', async () => {
    const { doc } = await read(snapshot(day1));
    const learned = learnRule(doc, 'cash_balance', -12345.67, '44-1200-7');
    expect(learned.rule).toMatchObject({ anchor: 'left', label: 'Cash Balance', sign: 1, printed: '(12,345.67)' });
    // The same figure taught unsigned (a layout printing a debit in parentheses for a positive field): sign −1.
    expect(learnRule(doc, 'sma', 12345.67, null).rule).toMatchObject({ sign: -1 });
  });

  it('learns nothing from a value printed alike in two columns: only a statement where they differ tells which', async () => {
    const { doc } = await read([
      [
        ['Segment Margin Summary', 50, 40, 14],
        ...rows(
          80,
          16,
          [50, 300, 450],
          [
            [null, 'Securities', 'Total'],
            ['Net Liquidation Value', '500,000.00', '500,000.00'],
            ['Maintenance Margin', '120,000.00', '120,000.00'],
          ],
        ),
      ],
    ]);
    const learned = learnRule(doc, 'maintenance_requirement', 120000, null);
    expect(learned.rule).toBeNull();
    expect(learned).toMatchObject({ reason: expect.stringContaining('several places alike') });
  });

  it('learns nothing from a value the document does not print, and says so', async () => {
    const { doc } = await read(snapshot(day1));
    const learned = learnRule(doc, 'sma', 31337.01, null);
    expect(learned.rule).toBeNull();
    expect(learned).toMatchObject({ reason: expect.stringContaining('not printed') });
  });
});

describe('extraction with layout memory', () => {
  it('reads a field the vocabulary does not know once an approver taught it, saying where it was learned', async () => {
    const one = await read(snapshot(day1));
    const two = await read(snapshot(day2));
    const before = await extract(two.bytes);
    expect(before.fields.sma).toBeUndefined();
    const memory = teach([{ doc: one.doc, reports: [{ account: day1.account, fields: { sma: 77120.5 } }] }]);
    const after = await extract(two.bytes, memory);
    expect(after.fields.sma).toBe(93410.25);
    expect(after.confidence.fields.sma).toBeGreaterThanOrEqual(0.8);
    expect(after.evidence?.sma).toMatchObject({ source: 'learned', note: 'learned from report #r1, taught by @ann' });
    // Everything else reads as without memory.
    expect(after.fields.total_equity).toBe(before.fields.total_equity);
  });

  it('never overrides a value the identities confirm: the field goes to review naming both', async () => {
    const one = await read(snapshot(day1));
    const two = await read(snapshot(day2));
    const plain = await extract(two.bytes);
    expect(plain.fields.total_equity).toBe(2005300.1);
    // A wrong correction: the prior day's figure taught as equity.
    const memory = teach([{ doc: one.doc, reports: [{ account: day1.account, fields: { total_equity: 1190000 } }] }]);
    const r = await extract(two.bytes, memory);
    expect(r.fields.total_equity).toBe(2005300.1);
    expect(r.confidence.fields.total_equity).toBeLessThan(0.8);
    const conflict = r.issues.find((i) => i.code === 'learned_conflict');
    expect(conflict?.field).toBe('total_equity');
    expect(conflict?.message).toContain('1,998,000.00');
    expect(conflict?.message).toContain('2,005,300.10');
  });

  it('leaves a statement of another layout untouched', async () => {
    const one = await read(snapshot(day1));
    const memory = teach([{ doc: one.doc, reports: [{ account: day1.account, fields: { sma: 77120.5 } }] }]);
    const bytes = fixture('legacy-drcr-01');
    const [plain, withMemory] = [await extract(bytes), await extract(bytes, memory)];
    expect(withMemory.fields).toEqual(plain.fields);
    expect(Object.values(withMemory.evidence ?? {}).some((e) => e.source === 'learned')).toBe(false);
  });
});
