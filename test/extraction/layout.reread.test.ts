import { describe, expect, it } from 'vitest';
import type { Segment, Segmented } from '../../src/extraction/layout/segments.ts';
import { mendedFigure, rereadLearnedCells } from '../../src/extraction/memory/learned.reread.ts';
import { recallLayout } from '../../src/extraction/memory/memory.recall.ts';
import type { OcrPool } from '../../src/extraction/ocr/ocr.pool.ts';
import type { OcrPage } from '../../src/extraction/ocr/ocr.verify.ts';
import { memoryHarness } from './support/memory.harness.ts';
import { type Placed, rows } from './support/pdf.builder.ts';

const figure = (text: string, value: number): Segment => ({
  kind: 'amount',
  text,
  x0: 300,
  x1: 340,
  conf: 0.9,
  cell: 0,
  amount: { value, quality: 1 },
});

describe('a learned cell read again', () => {
  it('mends a lost or misread digit, keeping the first reading’s sign', () => {
    expect(mendedFigure(figure('2,408.72', 2408.72), '22,408.72')).toEqual({ text: '22,408.72', value: 22408.72 });
    expect(mendedFigure(figure('907,223.80', 907223.8), '992,223.80')).toBeNull(); // two digits: no mend
    expect(mendedFigure(figure('33,360.98-', -33360.98), '38,360.98')).toEqual({ text: '38,360.98', value: -38360.98 });
    // The figure's own is the rightmost: a neighbour's piece the crop caught stays out.
    expect(mendedFigure(figure('2,408.72', 2408.72), '2 22,408.72')?.value).toBe(22408.72);
  });

  it('mends nothing it only confirms, nor a figure that loses digits, its decimals or its currency mark', () => {
    expect(mendedFigure(figure('2,408.72', 2408.72), '2,408.72')).toBeNull();
    expect(mendedFigure(figure('22,408.72', 22408.72), '2,408.72')).toBeNull();
    expect(mendedFigure(figure('2,408.72', 2408.72), '22,40872')).toBeNull();
    expect(mendedFigure(figure('$45,163.28', 45163.28), '445,163.28')).toBeNull();
    expect(mendedFigure(figure('-$169,655.20', -169655.2), '-569,655.20')).toBeNull();
    expect(mendedFigure(figure('2,408.72', 2408.72), '')).toBeNull();
  });
});

const { read, teach } = memoryHarness();

function statement(equity: string): Placed[][] {
  return [
    [
      ['Quillon Securities Daily Risk Snapshot', 50, 40, 14],
      ['Account 44-1200-7', 50, 70],
      ...rows(
        110,
        16,
        [50, 330],
        [
          ['Net Liquidating Value', equity],
          ['House Maintenance Requirement', '400,000.00'],
          ['Collateral Headroom Reserve', '77,120.50'],
        ],
      ),
    ] as Placed[],
  ];
}

/** A white page image as a scan's band, and a recogniser that reads every cell as told. */
const white: OcrPage = {
  images: [
    {
      pgm: (() => {
        const head = new TextEncoder().encode('P5\n612 792\n255\n');
        const out = new Uint8Array(head.length + 612 * 792).fill(255);
        out.set(head, 0);
        return out;
      })(),
      scale: 1,
      offsetX: 0,
      offsetY: 0,
    },
  ],
  level: { slope: 0, cx: 306, cy: 396 },
};
const reading = (...texts: string[]): OcrPool & { asked: number } => {
  const pool = {
    asked: 0,
    readLine: async () => ({ text: texts[pool.asked++ % texts.length]!, conf: 0.9 }),
  };
  return pool as unknown as OcrPool & { asked: number };
};

/** Day two's lines, as a scan read them (word confidence below 1), and its memory of day one. */
async function scanned() {
  const one = await read(statement('12,408.72'));
  const two = await read(statement('2,408.72'));
  const memory = teach([{ doc: one.doc, reports: [{ account: '44-1200-7', fields: { total_equity: 12408.72 } }] }]);
  const lines: Segmented[] = two.doc.lines.map((l) => ({ ...l, segs: l.segs.map((s) => ({ ...s, conf: 0.9 })) }));
  const found = (await recallLayout(memory, lines, two.doc.pages)).found!;
  const cell = () => lines.flatMap((l) => l.segs).find((s) => s.text.includes('408.72'))!;
  return { lines, found, cell };
}

describe('learned cells on a scan', () => {
  it('takes the second reading where it is read alike as cut and scaled up', async () => {
    const { lines, found, cell } = await scanned();
    const pool = reading('22,408.72');
    expect(await rereadLearnedCells(lines, found, new Map([[0, white]]), pool)).toBe(1);
    expect(cell().amount?.value).toBe(22408.72);
    expect(pool.asked).toBe(2);
  });

  it('keeps the first reading where the two second readings disagree', async () => {
    const { lines, found, cell } = await scanned();
    expect(await rereadLearnedCells(lines, found, new Map([[0, white]]), reading('22,408.72', '28,408.72'))).toBe(0);
    expect(cell().amount?.value).toBe(2408.72);
  });

  it('reads nothing again on a page that is no scan', async () => {
    const { lines, found } = await scanned();
    const pool = reading('22,408.72');
    expect(await rereadLearnedCells(lines, found, new Map(), pool)).toBe(0);
    expect(pool.asked).toBe(0);
  });
});
