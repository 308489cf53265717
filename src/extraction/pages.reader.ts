import type { ExtractionProgress } from '../contract/reading.ts';
import { clipWideWords, estimateSkew, levelWords } from './ocr/deskew.ts';
import type { OcrPool } from './ocr/ocr.pool.ts';
import type { OcrPage } from './ocr/ocr.verify.ts';
import type { PageRasterModule } from './pdf/page.raster.port.ts';
import type { PageContent, PageWord } from './pdf/page.types.ts';
import { readPdf } from './pdf/pdf-document.reader.ts';

export interface ReadPage {
  page: PageContent;
  words: PageWord[];
  ocr: boolean;
  ocrPage?: OcrPage;
}

/** Text-layer words stay; OCR adds what the text layer lacks (a scan with a printed header). */
function mergeWords(text: PageWord[], ocr: PageWord[]): PageWord[] {
  const overlaps = (a: PageWord, b: PageWord) =>
    Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
  return [...text, ...ocr.filter((o) => !text.some((t) => overlaps(o, t)))];
}

/** Reads every page: text-layer words, and OCR words for the pages that are scans. */
export async function readPages(
  bytes: Uint8Array,
  opts: {
    raster: PageRasterModule;
    maxPages: number;
    dpi: number;
    signal: AbortSignal;
    ocrPool: () => OcrPool;
    onProgress?: (p: ExtractionProgress) => void;
  },
): Promise<{ pages: ReadPage[]; count: number }> {
  const { signal, ocrPool } = opts;
  const jobs: Promise<ReadPage>[] = [];
  let total = 0;
  const count = await readPdf(bytes, {
    raster: opts.raster,
    maxPages: opts.maxPages,
    dpi: opts.dpi,
    signal,
    onPages: (n) => {
      total = n;
    },
    onPage: (page) => {
      const images = page.images;
      opts.onProgress?.({ stage: images ? 'ocr' : 'page', page: page.index + 1, pages: total });
      if (!images) return void jobs.push(Promise.resolve({ page, words: page.words, ocr: false }));
      jobs.push(
        Promise.all(images.map((image) => ocrPool().recognize(image, signal))).then((parts) => {
          // Scans are rarely straight: level the rows (skew from all bands) so the line builder sees rows.
          const level = {
            slope: estimateSkew(
              parts.flatMap((p) => p.baselines),
              40,
            ),
            cx: page.width / 2,
            cy: page.height / 2,
          };
          const words = levelWords(clipWideWords(parts.flatMap((p) => p.words)), level.slope, level.cx, level.cy);
          return { page, words: mergeWords(page.words, words), ocr: true, ocrPage: { images, level } };
        }),
      );
    },
  });
  const pages = await Promise.all(jobs);
  return { pages: pages.sort((a, b) => a.page.index - b.page.index), count };
}
