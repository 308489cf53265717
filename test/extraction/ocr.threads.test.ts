import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';

/**
 * A scan reads the same whatever the number of OCR threads: the page's work units (its bands) are cut
 * by the page alone, and the pool only schedules them. The fixture is a one-page scan that a thread-count
 * cut read as one band on one thread and two bands on two.
 */
const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/reports/scan-compact-summary-02.pdf',
);

const extractors = [1, 2].map((ocrWorkers) =>
  createExtractor({ maxFileBytes: 1e7, maxPages: 5, timeoutMs: 240_000, ocrWorkers, pageRaster: PAGE_RASTER_MODULE }),
);
afterAll(() => Promise.all(extractors.map((e) => e.close())));

describe('OCR readings do not depend on the OCR thread count', { timeout: 480_000 }, () => {
  it('reads the same words and the same readings on one thread and on two', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const results = [];
    for (const extractor of extractors) {
      const layout = await extractor.readLayout!(bytes);
      const outcome = await extractor.extract({ bytes, fileName: 'scan.pdf' });
      const readings = outcome.readings.map(({ processing_time_ms: _, ...r }) => r);
      results.push({ layout, readings, method: outcome.method });
    }
    const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
    expect(a.method).toBe('ocr');
    // Words: every line's cells, their text and boxes, as the field reading sees them.
    expect(a.layout.lines.length).toBeGreaterThan(5);
    expect(b.layout.lines).toEqual(a.layout.lines);
    // Readings: values, confidence, evidence, rivals and issues.
    expect(a.readings.length).toBeGreaterThan(0);
    expect(Object.keys(a.readings[0]!.fields).length).toBeGreaterThan(2);
    expect(b.readings).toEqual(a.readings);
  });
});
