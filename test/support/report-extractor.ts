import { finishReport } from '../../src/core/report/report.finish.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { createExtractor, type ExtractorDeps } from '../../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';

/**
 * The extractor as the product uses it: readings from extraction, finished into reports by core's
 * rules. Extraction tests assert on what a user sees (needs_review, issues), so they read reports.
 */
export function createReportExtractor(options: Omit<ExtractorDeps, 'pageRaster'> & Partial<ExtractorDeps>) {
  // The product's page rasteriser unless a test injects another.
  const deps: ExtractorDeps = { pageRaster: PAGE_RASTER_MODULE, ...options };
  const extractor = createExtractor(deps);
  return {
    ...extractor,
    async extract(input: { bytes: Uint8Array; fileName: string }) {
      const outcome = await extractor.extract(input);
      const now = deps.now?.() ?? new Date();
      const reports: MarginReport[] = outcome.readings.map((r) => finishReport(r, { now }));
      return { ...outcome, reports };
    },
  };
}
