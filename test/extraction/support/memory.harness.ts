import { afterAll } from 'vitest';
import { finishReport } from '../../../src/core/report/report.finish.ts';
import { createExtractor, type LayoutDocument } from '../../../src/extraction/extractor.ts';
import { planTeaching, type TaughtReport } from '../../../src/extraction/memory/layout.teach.ts';
import type { KnownLayout, LayoutMemory } from '../../../src/extraction/memory/memory.recall.ts';
import { PAGE_RASTER_MODULE } from '../../../src/render/page.raster.module.ts';
import { buildTextPdf, type Placed } from './pdf.builder.ts';

/**
 * Layout memory without a database: one real extractor per test file (closed after it), statements
 * built from placed words, and a memory holding what given statements teach, as the store keeps it.
 */
export function memoryHarness() {
  const now = new Date('2026-12-06T12:00:00Z');
  const extractor = createExtractor({
    pageRaster: PAGE_RASTER_MODULE,
    maxFileBytes: 1e7,
    maxPages: 10,
    timeoutMs: 60_000,
    ocrWorkers: 1,
    now: () => now,
  });
  afterAll(() => extractor.close());

  const read = async (pages: Placed[][]): Promise<{ bytes: Uint8Array; doc: LayoutDocument }> => {
    const bytes = await buildTextPdf(pages);
    return { bytes, doc: await extractor.readLayout!(bytes) };
  };

  /** A memory holding what the given statements teach, in order, as the store would keep it. */
  function teach(taught: { doc: LayoutDocument; reports: TaughtReport[]; accounts?: number }[]): LayoutMemory {
    let layouts: KnownLayout[] = [];
    for (const [n, t] of taught.entries()) {
      const plan = planTeaching(t.doc, t.reports, layouts, t.accounts);
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

  /** The first report a statement gives, with core's rules run on its reading, and its evidence. */
  const extract = async (bytes: Uint8Array, memory?: LayoutMemory) => {
    const out = await extractor.extract({ bytes, fileName: 'x.pdf', ...(memory ? { memory } : {}) });
    return out.readings.map((r) => ({ ...finishReport(r, { now }), evidence: r.evidence }))[0]!;
  };

  return { extractor, now, read, teach, extract };
}
