import { afterAll, describe, expect, it } from 'vitest';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import {
  kernedPdf,
  outlinedFiguresPdf,
  scannedFiguresPdf,
  shuffledGlyphsPdf,
  type3Pdf,
} from './support/lying.builder.ts';
import type { Placed } from './support/pdf.builder.ts';

/**
 * Statements whose text layer lies: words come from glyph geometry, and a page or region whose text
 * is unusable is read from its picture. Each PDF shows the same statement; only its text layer differs.
 */
const extractor = createExtractor({ maxFileBytes: 1e7, maxPages: 5, timeoutMs: 120_000, ocrWorkers: 2 });
afterAll(() => extractor.close());

const statement: Placed[] = [
  ['Harbor Point Securities - Margin Summary', 50, 50, 12],
  ['Account Number: U7654321', 50, 80, 11],
  ['Statement Date: 11/27/2026', 330, 80, 11],
  ['Net Liquidation Value', 50, 120, 11],
  ['$482,913.55', 330, 120, 11],
  ['Maintenance Requirement', 50, 140, 11],
  ['$120,440.10', 330, 140, 11],
  ['Maintenance Excess', 50, 160, 11],
  ['$362,473.45', 330, 160, 11],
  ['Margin Call', 50, 180, 11],
  ['None', 330, 180, 11],
];
const figures = (p: Placed) => p[1] === 330 && p[2] >= 120;
const expected = {
  total_equity: 482913.55,
  maintenance_requirement: 120440.1,
  excess_liquidity: 362473.45,
  margin_call: 0,
};

async function read(bytes: Uint8Array) {
  const out = await extractor.extract({ bytes, fileName: 'lying.pdf' });
  expect(out.reports).toHaveLength(1);
  const r = out.reports[0]!;
  expect(r.account_number).toBe('U7654321');
  expect(r.report_date).toBe('2026-11-27');
  expect(r.fields).toMatchObject(expected);
  return out;
}

describe('text layers that lie', { timeout: 240_000 }, () => {
  it('builds words from glyph positions when every glyph is drawn alone, in shuffled order, with no spaces', async () => {
    const out = await read(await shuffledGlyphsPdf(statement, 11));
    expect(out.method).toBe('text');
  });

  it('reads words spaced by TJ kerning instead of space characters', async () => {
    const out = await read(await kernedPdf(statement));
    expect(out.method).toBe('text');
  });

  it('reads a page whose Type 3 font has no Unicode map by OCR instead of refusing it', async () => {
    const out = await read(await type3Pdf(statement, 'control'));
    expect(out.method).toBe('ocr');
  });

  it('reads a page whose font maps every glyph to the wrong printable character by OCR', async () => {
    await read(await type3Pdf(statement, 'cipher'));
  });

  it('reads figures in a Type 3 font without a Unicode map by OCR of their region, keeping the text-layer labels', async () => {
    await read(await type3Pdf(statement, 'control', 3, figures));
  });

  it('reads figures in a font that maps their glyphs to other printable characters by OCR of their region', async () => {
    await read(await type3Pdf(statement, 'cipher', 3, figures));
  });

  it('reads figures drawn as outlines by OCR of their region, keeping the text-layer labels', async () => {
    await read(await outlinedFiguresPdf(statement, figures));
  });

  it('reads scanned figures under a text header by OCR of the pictured region', async () => {
    await read(await scannedFiguresPdf(statement, figures));
  });
});
