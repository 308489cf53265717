import { describe, expect, it } from 'vitest';
import type { ExtractedAccount } from '../../src/extraction/fields/fields.extractor.ts';
import type { OcrPool } from '../../src/extraction/ocr/ocr.pool.ts';
import { type OcrPage, sameFigure, verifyOcrFigures } from '../../src/extraction/ocr/ocr.verify.ts';

describe('second reading of an OCR figure', () => {
  it('agrees on the same amount or, where no amount parses, the same digits', () => {
    expect(sameFigure('29,300.73\n', 29300.73)).toBe(true);
    expect(sameFigure('556.346.75\n', 556346.75)).toBe(true);
    expect(sameFigure('A) 63,045.39\n', 63945.39)).toBe(false);
    expect(sameFigure('', 907223.8)).toBeNull();
    expect(sameFigure('wma\n', 4782.38)).toBeNull();
  });

  it('sends a figure to review when the second reading differs or finds none, and keeps one it confirms', async () => {
    const width = 400;
    const height = 60;
    const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
    const pgm = new Uint8Array(header.length + width * height).fill(255);
    pgm.set(header, 0);
    const page: OcrPage = { images: [{ pgm, scale: 1, offsetX: 0, offsetY: 0 }], level: { slope: 0, cx: 200, cy: 30 } };
    const box = { x0: 200, y0: 20, x1: 300, y1: 35 };
    const said = new Map([
      [100, '100.00'],
      [200, '280.00'],
      [300, ''],
    ]);
    let value = 0;
    const pool = { readLine: async () => ({ text: said.get(value) ?? '', conf: 0.9 }) } as unknown as OcrPool;
    const conf = async (v: number) => {
      value = v;
      const account: ExtractedAccount = {
        account: null,
        date: null,
        currency: { value: 'USD', conf: 0.9 },
        fields: { buying_power: { value: v, conf: 0.95, page: 0, box } },
        issues: [],
      };
      await verifyOcrFigures([account], new Map([[0, page]]), pool);
      return { conf: account.fields.buying_power!.conf, issues: account.issues.map((i) => i.severity) };
    };
    expect(await conf(100)).toEqual({ conf: 0.95, issues: [] });
    expect(await conf(200)).toEqual({ conf: 0.7, issues: ['warning'] });
    const unconfirmed = await conf(300);
    expect(unconfirmed.conf).toBeLessThan(0.8);
    expect(unconfirmed.issues).toEqual(['info']);
  });
});
