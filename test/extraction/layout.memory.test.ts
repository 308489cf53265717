import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishReport } from '../../src/core/report/report.finish.ts';
import {
  fingerprintSimilarity,
  SAME_LAYOUT,
  similarHeaders,
} from '../../src/extraction/memory/fingerprint.similarity.ts';
import { fingerprintOf } from '../../src/extraction/memory/layout.fingerprint.ts';
import { matchLayout, matchLayoutExhaustive } from '../../src/extraction/memory/layout.match.ts';
import { planTeaching } from '../../src/extraction/memory/layout.teach.ts';
import type { LayoutMemory } from '../../src/extraction/memory/memory.recall.ts';
import { learnRule } from '../../src/extraction/memory/rule.learner.ts';
import { memoryHarness } from './support/memory.harness.ts';
import { type Placed, rows } from './support/pdf.builder.ts';
import { day1, day2, snapshot } from './support/snapshot.statement.ts';

const { extractor, now, read, teach, extract } = memoryHarness();

const FIXTURES = path.join(import.meta.dirname, '../fixtures/reports');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, `${name}.pdf`)));

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

describe('a scan’s fingerprint against its layout’s text statements', () => {
  const page = { width: 595, height: 842 };
  const at = (key: string, x: number, y: number) => ({ key, x, y, page: 0 });
  // A text statement's labels, and a scan of another day's statement of the layout: OCR joined
  // `Kurs` and `Kurswert CHF`, cut `Seite 1 von 2` into `Seite i von`, misread `Währung` and `Stück`.
  const text = {
    page,
    pages: 1,
    issuer: 'rheintal privatbank ag',
    phrases: [
      at('rheintal privatbank ag', 0.084, 0.052),
      at('margin ubersicht margin overview', 0.084, 0.119),
      at('wahrung currency', 0.084, 0.184),
      at('positionen positions', 0.084, 0.371),
      at('isin', 0.089, 0.395),
      at('valor', 0.25, 0.395),
      at('bezeichnung', 0.354, 0.395),
      at('stuck', 0.658, 0.395),
      at('kurs', 0.764, 0.395),
      at('kurswert chf', 0.829, 0.395),
      at('erstellt created', 0.06, 0.96),
      at('seite', 0.469, 0.96),
      at('von', 0.505, 0.96),
    ],
    headers: ['wahrung currency|chf', 'isin|valor|bezeichnung|stuck|kurs|kurswert chf'],
  };
  const scan = {
    page,
    pages: 1,
    issuer: 'rheintal privatbank ag',
    phrases: [
      at('rheintal privatbank ag', 0.091, 0.054),
      at('margin ubersicht margin overview', 0.091, 0.118),
      at('wiihrung currency', 0.091, 0.185),
      at('positionen positions', 0.09, 0.372),
      at('isin', 0.09, 0.395),
      at('valor', 0.244, 0.395),
      at('bezeichnung', 0.36, 0.395),
      at('stiick', 0.665, 0.395),
      at('kurs kurswert chf', 0.762, 0.395),
      at('erstellt created', 0.06, 0.953),
      at('seite i von', 0.474, 0.953),
    ],
    headers: ['wiihrung currency|eur', 'isin|valor|bezeichnung|stiick|kurs kurswert chf'],
  };

  it('finds labels a scan cut or joined otherwise word by word, and header rows by their words', () => {
    expect(similarHeaders(text.headers[1]!, scan.headers[1]!)).toBe(true);
    expect(similarHeaders(text.headers[0]!, scan.headers[0]!)).toBe(true);
    expect(fingerprintSimilarity(text, scan)).toBeGreaterThan(fingerprintSimilarity(text, scan, { pieces: false }));
    expect(fingerprintSimilarity(text, scan)).toBeGreaterThanOrEqual(SAME_LAYOUT);
    expect(fingerprintSimilarity(scan, text)).toBeCloseTo(fingerprintSimilarity(text, scan), 9);
  });

  it('finds no label in pieces elsewhere on the page, nor a header row of other words', () => {
    // The same words in other places (another layout printing the vocabulary elsewhere) earn nothing.
    const moved = { ...scan, phrases: scan.phrases.map((p) => ({ ...p, x: 1 - p.x, y: 1 - p.y })) };
    expect(fingerprintSimilarity(text, moved)).toBe(fingerprintSimilarity(text, moved, { pieces: false }));
    expect(similarHeaders('account|name|long mkt value|short mkt value', 'account|currency|cash|margin')).toBe(false);
  });
});

describe('matching among many layouts', () => {
  it('finds the layout through the index among hundreds, as comparing with every one does', async () => {
    const [a, b] = await Promise.all([read(snapshot(day1)), read(snapshot(day2))]);
    const other = await extractor.readLayout!(fixture('legacy-drcr-01'));
    const taught = { id: 'taught', fingerprint: fingerprintOf(a.doc.lines, a.doc.pages) };
    // Distractors made of the taught layout's own label words, shuffled into other phrases and places.
    const words = taught.fingerprint.phrases.flatMap((p) => p.key.split(' '));
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const distractors = Array.from({ length: 400 }, (_, n) => ({
      id: `d${n}`,
      fingerprint: {
        ...taught.fingerprint,
        issuer: 'other',
        phrases: Array.from({ length: 30 }, () => ({
          key: Array.from({ length: 3 }, () => words[Math.floor(rand() * words.length)]).join(' '),
          x: rand(),
          y: rand(),
          page: 0,
        })),
      },
    }));
    const known = [...distractors.slice(0, 200), taught, ...distractors.slice(200)];
    const fb = fingerprintOf(b.doc.lines, b.doc.pages);
    expect(matchLayout(fb, known)?.layout.id).toBe('taught');
    expect(matchLayout(fb, known)).toEqual(matchLayoutExhaustive(fb, known));
    const fo = fingerprintOf(other.lines, other.pages);
    expect(matchLayout(fo, known)).toBeNull();
    expect(matchLayoutExhaustive(fo, known)).toBeNull();
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

/** A statement with the current and prior day side by side; its column titles as given, its columns in the given order. */
function sideBySide(
  titles: { current: string; prior: string },
  currentFirst: boolean,
  v: { now: string[]; before: string[] },
) {
  const labels = ['Net Liquidating Value', 'House Maintenance Requirement', 'Collateral Headroom Reserve'];
  const cols = currentFirst ? [titles.current, titles.prior] : [titles.prior, titles.current];
  const figures = (i: number) => (currentFirst ? [v.now[i]!, v.before[i]!] : [v.before[i]!, v.now[i]!]);
  return [
    [
      ['Quillon Securities Daily Risk Snapshot', 50, 40, 14],
      ['Account 44-1200-7', 50, 70],
      ...rows(110, 16, [50, 330, 450], [[null, ...cols], ...labels.map((l, i) => [l, ...figures(i)])]),
      ['Figures in USD. Quillon Securities, member FINRA and SIPC.', 50, 200, 8],
    ] as Placed[],
  ];
}

describe('a rule keyed by what its column means', () => {
  it('finds its column by role when the title is worded otherwise and the columns swap places', async () => {
    const one = await read(
      sideBySide({ current: 'Current', prior: 'Prior Day' }, true, {
        now: ['1,250,000.00', '400,000.00', '77,120.50'],
        before: ['1,190,000.00', '380,000.00', '70,000.00'],
      }),
    );
    const two = await read(
      sideBySide({ current: "Today's Value", prior: 'Previous Day' }, false, {
        now: ['2,005,300.10', '905,300.10', '93,410.25'],
        before: ['1,998,000.00', '900,000.00', '91,000.00'],
      }),
    );
    const plan = planTeaching(one.doc, [{ account: '44-1200-7', fields: { sma: 77120.5 } }], []);
    expect(plan.rules).toEqual([expect.objectContaining({ field: 'sma', column: 'Current', role: 'current' })]);
    const memory = teach([{ doc: one.doc, reports: [{ account: '44-1200-7', fields: { sma: 77120.5 } }] }]);
    expect((await extract(two.bytes)).fields.sma).toBeUndefined();
    const after = await extract(two.bytes, memory);
    expect(after.fields.sma).toBe(93410.25);
    expect(after.evidence?.sma).toMatchObject({ source: 'learned' });
  });

  it('tells apart columns that print one title (a two-line header: `Value` under three captions)', async () => {
    const table = (figures: string[][]) => [
      [
        ['Larkspur Futures Statement of Account', 50, 40, 14],
        ['Acct LFX-21993', 50, 70],
        ...rows(
          110,
          12,
          [50, 250, 350, 450],
          [[null, 'Long Option', 'Short Option', 'Net Liq.'], [null, 'Value', 'Value', 'Value'], ...figures],
        ),
        ['Totals are converted to USD at the rates shown.', 50, 200, 8],
      ] as Placed[],
    ];
    const one = await read(
      table([
        ['EUR Euro', '2,186.80', '0.00', '80,199.72'],
        ['Total in USD', '24,752.20', '0.00', '77,120.50'],
      ]),
    );
    const two = await read(
      table([
        ['EUR Euro', '1,100.00', '-300.00', '61,000.00'],
        ['Total in USD', '18,500.00', '-650.00', '93,410.25'],
      ]),
    );
    const taught = [{ account: 'LFX-21993', fields: { sma: 77120.5 } }];
    expect(planTeaching(one.doc, taught, []).rules).toEqual([
      expect.objectContaining({ field: 'sma', label: 'Total in USD', column: 'Value' }),
    ]);
    const after = await extract(two.bytes, teach([{ doc: one.doc, reports: taught }]));
    expect(after.fields.sma).toBe(93410.25);
    expect(after.evidence?.sma).toMatchObject({ source: 'learned' });
  });

  it('finds nothing by role where the taught title said nothing of its column', async () => {
    const one = await read(
      sideBySide({ current: 'Segment A', prior: 'Segment B' }, true, {
        now: ['1,250,000.00', '400,000.00', '77,120.50'],
        before: ['1,190,000.00', '380,000.00', '70,000.00'],
      }),
    );
    const two = await read(
      sideBySide({ current: 'Group X', prior: 'Group Y' }, true, {
        now: ['2,005,300.10', '905,300.10', '93,410.25'],
        before: ['1,998,000.00', '900,000.00', '91,000.00'],
      }),
    );
    const memory = teach([{ doc: one.doc, reports: [{ account: '44-1200-7', fields: { sma: 77120.5 } }] }]);
    expect((await extract(two.bytes, memory)).fields.sma).toBeUndefined();
  });
});

describe('a learned value that differs from the reading only by sign', () => {
  it('yields to the identities where they confirm the reading: its sign stands, no review', async () => {
    const one = await read(snapshot(day1));
    const two = await read(snapshot(day2));
    const plain = await extract(two.bytes);
    expect(plain.fields.excess_liquidity).toBe(1100000);
    // Taught with the wrong sign: the rule reads the printed excess negated.
    const memory = teach([
      { doc: one.doc, reports: [{ account: day1.account, fields: { excess_liquidity: -850000 } }] },
    ]);
    const r = await extract(two.bytes, memory);
    expect(r.fields.excess_liquidity).toBe(1100000);
    expect(r.confidence.fields.excess_liquidity).toBeGreaterThanOrEqual(0.8);
    expect(r.issues.filter((i) => i.field === 'excess_liquidity')).toEqual([]);
    expect(r.evidence?.excess_liquidity?.source).not.toBe('learned');
  });

  it('goes to review naming both values where no identity settles the sign', async () => {
    const one = await read(snapshot(day1));
    const two = await read(snapshot(day2));
    const plain = await extract(two.bytes);
    expect(plain.fields.cash_balance).toBe(-8000);
    // `(12,345.67)` taught as a positive cash balance: the rule negates the printed figure.
    const memory = teach([{ doc: one.doc, reports: [{ account: day1.account, fields: { cash_balance: 12345.67 } }] }]);
    const r = await extract(two.bytes, memory);
    expect(Math.abs(r.fields.cash_balance ?? 0)).toBe(8000);
    expect(r.confidence.fields.cash_balance).toBeLessThan(0.8);
    const issue = r.issues.find((i) => i.field === 'cash_balance' && i.code === 'learned_sign');
    expect(issue?.message).toContain('-8,000.00');
    expect(issue?.message).toMatch(/[^-]8,000\.00/);
  });
});

/** Accounts stacked one under another on a page, each block under its own `Account …` heading. */
interface Block {
  account: string;
  equity: string;
  maint: string;
  excess: string;
  headroom: string;
}
function stacked(date: string, blocks: Block[]): Placed[][] {
  const out: Placed[] = [
    ['Quillon Securities Household Risk Snapshot', 50, 40, 14],
    [`As of ${date}`, 50, 62],
  ];
  blocks.forEach((b, i) => {
    const top = 100 + i * 120;
    out.push(
      [`Account ${b.account}`, 50, top, 11],
      ...rows(
        top + 20,
        16,
        [60, 380],
        [
          ['Net Liquidating Value', b.equity],
          ['House Maintenance Requirement', b.maint],
          ['Maintenance Excess', b.excess],
          ['Collateral Headroom Reserve', b.headroom],
        ],
      ),
    );
  });
  out.push(['Figures in USD. Quillon Securities, member FINRA and SIPC.', 50, 100 + blocks.length * 120, 8]);
  return [out];
}
const blockA: Block = {
  account: '44-1200-7',
  equity: '1,250,000.00',
  maint: '400,000.00',
  excess: '850,000.00',
  headroom: '77,120.50',
};
const blockB: Block = {
  account: '51-9034-2',
  equity: '2,005,300.10',
  maint: '905,300.10',
  excess: '1,100,000.00',
  headroom: '93,410.25',
};
const blockC: Block = {
  account: '63-2210-9',
  equity: '3,000,000.00',
  maint: '1,000,000.00',
  excess: '2,000,000.00',
  headroom: '101,000.00',
};
const blockD: Block = {
  account: '70-5521-3',
  equity: '900,000.00',
  maint: '300,000.00',
  excess: '600,000.00',
  headroom: '55,500.75',
};

const extractAll = async (bytes: Uint8Array, memory?: LayoutMemory) => {
  const out = await extractor.extract({ bytes, fileName: 'x.pdf', ...(memory ? { memory } : {}) });
  return new Map(
    out.readings.map((r) => {
      const rep = { ...finishReport(r, { now }), evidence: r.evidence };
      return [rep.account_number, rep] as const;
    }),
  );
};

describe('layout memory with accounts stacked in blocks', () => {
  it('learns from one account’s edit inside its block and reads each account’s own figure on the next statement', async () => {
    const one = await read(stacked('2026-11-26', [blockA, blockB]));
    const two = await read(stacked('2026-11-27', [blockC, blockD, blockB]));
    const plain = await extractAll(two.bytes);
    expect([...plain.keys()].sort()).toEqual([blockB.account, blockC.account, blockD.account].sort());
    for (const r of plain.values()) expect(r.fields.sma).toBeUndefined();

    // An edit of the second account only (the document holds two): the rule is taught in its block.
    const plan = planTeaching(one.doc, [{ account: blockB.account, fields: { sma: 93410.25 } }], [], 2);
    expect(plan.rules).toEqual([
      expect.objectContaining({ field: 'sma', block: true, anchor: 'left', label: 'Collateral Headroom Reserve' }),
    ]);
    const memory = teach([
      { doc: one.doc, reports: [{ account: blockB.account, fields: { sma: 93410.25 } }], accounts: 2 },
    ]);
    const after = await extractAll(two.bytes, memory);
    expect(after.get(blockC.account)?.fields.sma).toBe(101000);
    expect(after.get(blockD.account)?.fields.sma).toBe(55500.75);
    expect(after.get(blockB.account)?.fields.sma).toBe(93410.25);
    expect(after.get(blockD.account)?.evidence?.sma).toMatchObject({ source: 'learned' });
    // The other fields read as without memory.
    for (const [account, r] of after) expect(r.fields.total_equity).toBe(plain.get(account)?.fields.total_equity);
  });

  it('teaches from every account’s truth, and a statement with one account of the layout reads it in its block', async () => {
    const one = await read(stacked('2026-11-26', [blockA, blockB, blockC]));
    const memory = teach([
      {
        doc: one.doc,
        reports: [
          { account: blockA.account, fields: { sma: 77120.5, total_equity: 1250000 } },
          { account: blockB.account, fields: { sma: 93410.25, total_equity: 2005300.1 } },
          { account: blockC.account, fields: { sma: 101000, total_equity: 3000000 } },
        ],
      },
    ]);
    const two = await read(stacked('2026-11-27', [blockD, blockA]));
    const after = await extractAll(two.bytes, memory);
    expect(after.get(blockD.account)?.fields.sma).toBe(55500.75);
    expect(after.get(blockA.account)?.fields.sma).toBe(77120.5);
    expect(after.get(blockD.account)?.fields.total_equity).toBe(900000);
  });
});

/** A clearing firm's exception report: one row per account; a nil cell is left blank. */
function exceptions(
  date: string,
  accounts: (string | null)[][],
  {
    titles = ['ACCOUNT', 'NAME', 'LONG MKT VAL', 'SHORT MKT VAL', 'TOTAL EQUITY', 'HOUSE REQ', 'CALL AMT'],
    cols = [20, 90, 190, 290, 390, 480, 555],
  }: { titles?: string[]; cols?: number[] } = {},
): Placed[][] {
  return [
    [
      ['NORTHGATE CLEARING CORP.   MARGIN EXCEPTION REPORT', 30, 40, 11],
      [`AS OF ${date}`, 30, 56],
      ...rows(90, 14, cols, [titles, ...accounts]),
      ['ACCOUNTS WITH EXCESS BELOW 5% OF REQUIREMENT ARE LISTED FOR REVIEW.', 30, 110 + accounts.length * 14, 8],
    ],
  ];
}

describe('layout memory with one row per account', () => {
  it('reads a cell the account’s row leaves blank under a learned column as zero', async () => {
    const one = await read(
      exceptions('12/09/2025', [
        ['727-66233', 'M NAKAMURA', '121,777.22', '54,290.87', '62,053.13', '66,145.56', '4,092.43'],
        ['125-20577', 'K PETROV', '190,291.30', null, '146,237.08', '49,070.11', null],
      ]),
    );
    const two = await read(
      exceptions('12/10/2025', [
        ['860-61044', 'H OKAFOR', '29,773.24', null, '29,773.24', '31,946.47', '2,173.23'],
        ['412-00917', 'A RIVERA', '88,100.00', '12,500.00', '75,600.00', '30,000.00', null],
      ]),
    );
    const memory = teach([
      {
        doc: one.doc,
        reports: [
          { account: '727-66233', fields: { short_market_value: -54290.87, margin_call: 4092.43 } },
          { account: '125-20577', fields: { short_market_value: 0, margin_call: 0 } },
        ],
      },
    ]);
    const after = await extractAll(two.bytes, memory);
    expect(after.get('860-61044')?.fields.short_market_value).toBe(0);
    expect(after.get('860-61044')?.evidence?.short_market_value).toMatchObject({ source: 'learned' });
    expect(after.get('412-00917')?.fields.margin_call).toBe(0);
    // Printed cells read as printed, with the sign the layout leaves off.
    expect(after.get('412-00917')?.fields.short_market_value).toBe(-12500);
    expect(after.get('860-61044')?.fields.margin_call).toBe(2173.23);
  });

  it('never hands a column’s rule the figure of a neighbouring column whose title means the same', async () => {
    // Long, short and cash are all "current value" columns by their titles: where the short column is
    // blank (or a scan lost its figure), the rule must not move to the cash figure beside it.
    const titles = ['ACCOUNT', 'NAME', 'LONG VALUE', 'SHORT VALUE', 'CASH BALANCE', 'HOUSE REQ', 'CALL AMT'];
    const cols = [20, 80, 150, 265, 365, 470, 550];
    const one = await read(
      exceptions(
        '12/09/2025',
        [
          ['727-66233', 'M NAKAMURA', '121,777.22', '54,290.87', '5,433.22', '66,145.56', '4,092.43'],
          ['125-20577', 'K PETROV', '190,291.30', '8,100.00', '44,054.22', '49,070.11', null],
        ],
        { titles, cols },
      ),
    );
    const two = await read(
      exceptions(
        '12/10/2025',
        [
          ['860-61044', 'H OKAFOR', '29,773.24', null, '19,784.53', '11,946.47', '1,957.76'],
          ['412-00917', 'A RIVERA', '88,100.00', '12,500.00', '7,600.00', '30,000.00', null],
        ],
        { titles, cols },
      ),
    );
    const memory = teach([
      {
        doc: one.doc,
        reports: [
          { account: '727-66233', fields: { short_market_value: -54290.87 } },
          { account: '125-20577', fields: { short_market_value: -8100 } },
        ],
      },
    ]);
    const after = await extractAll(two.bytes, memory);
    expect(after.get('860-61044')?.fields.short_market_value).toBe(0);
    expect(after.get('412-00917')?.fields.short_market_value).toBe(-12500);
  });
});
