import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';
import { buildTextPdf, type Placed } from './support/pdf.builder.ts';
import { scanPdf } from './support/scan.builder.ts';

const statement: Placed[] = [
  ['Harbor Point Securities - Margin Summary', 50, 50, 12],
  ['Account Number: U7654321', 50, 80, 11],
  ['Statement Date: 11/27/2026', 330, 80, 11],
  ['Net Liquidation Value', 50, 120, 11],
  ['$482,913.55', 330, 120, 11],
];

const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
const waitFor = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return ok();
};

/** Issue 18 item 2: idle OCR workers (40–80 MB each) are ended, and start again for the next scan. */
describe('an idle OCR pool', { timeout: 240_000 }, () => {
  const extractor = createExtractor({
    maxFileBytes: 1e7,
    maxPages: 5,
    timeoutMs: 120_000,
    ocrWorkers: 1,
    ocrIdleMs: 400,
  });
  afterAll(() => extractor.close());

  it('ends its workers after the idle period and reads the next scan with new ones', async () => {
    const scanned = await scanPdf(await buildTextPdf([statement]), { noise: 2, quality: 80 });
    const first = await extractor.extract({ bytes: scanned, fileName: 'scan.pdf' });
    expect(first.method).toBe('ocr');
    expect(first.reports[0]?.fields.total_equity).toBe(482913.55);
    expect(extractor.ocrReady()).toBe(true);
    const withWorker = process.platform === 'linux' ? threads() : 0;

    expect(await waitFor(() => !extractor.ocrReady(), 10_000)).toBe(true);
    if (process.platform === 'linux') expect(await waitFor(() => threads() < withWorker, 10_000)).toBe(true);

    const second = await extractor.extract({ bytes: scanned, fileName: 'scan.pdf' });
    expect(second.method).toBe('ocr');
    expect(second.reports[0]?.fields.total_equity).toBe(482913.55);
    expect(extractor.ocrReady()).toBe(true);
  });
});
