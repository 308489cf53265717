import { afterAll } from 'vitest';
import { createReportExtractor } from '../../support/report-extractor.ts';
import { buildTextPdf, type Placed } from './pdf.builder.ts';

/**
 * The reports a text statement built from placed words gives, through the real extractor and core's
 * report rules: one extractor per test file (closed after it), a fixed "now" so dates read the same.
 */
export function statementRunner() {
  const extractor = createReportExtractor({
    maxFileBytes: 1e7,
    maxPages: 10,
    timeoutMs: 60_000,
    ocrWorkers: 1,
    now: () => new Date('2026-12-15T00:00:00Z'),
  });
  afterAll(() => extractor.close());
  return async (pages: Placed[][], font?: 'Courier') =>
    (await extractor.extract({ bytes: await buildTextPdf(pages, font ? { font } : {}), fileName: 'x.pdf' })).reports;
}
