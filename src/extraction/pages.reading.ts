import { AppError } from '../contract/errors.ts';
import type { KnownLayout } from './memory/memory.recall.ts';
import type { DocumentReading } from './pages.interpreter.ts';
import type { ReadPage } from './pages.reader.ts';
import type { PageRasterModule } from './pdf/page.raster.port.ts';
import { runInReaderThread } from './pdf/pdf-document.reader.ts';

/**
 * Reads a document's pages into accounts in a reader thread, so the main thread (which acknowledges
 * chat requests) only receives the result. Layout memory goes along as data: the layouts it knows.
 * The thread is memory-capped and ended when the signal aborts, like a PDF being parsed.
 */
export async function readInThread(
  pages: ReadPage[],
  opts: { raster: PageRasterModule; signal: AbortSignal; layouts?: KnownLayout[] | undefined },
): Promise<DocumentReading> {
  const { layouts } = opts;
  // Words and sizes only: a scan's images stay here, for the OCR pool's second readings.
  const slim = pages.map((p) => ({
    page: { index: p.page.index, width: p.page.width, height: p.page.height, words: [] },
    words: p.words,
    ocr: p.ocr,
  }));
  return runInReaderThread<DocumentReading>({
    kind: 'read',
    raster: opts.raster,
    signal: opts.signal,
    message: { read: { pages: slim, ...(layouts ? { layouts } : {}) } },
    onMessage: (m) => {
      if (m.type === 'read') return { result: m.reading };
      if (m.type === 'refused') return { error: new AppError(m.code, m.message), reusable: true };
      if (m.type === 'error')
        return {
          error: new AppError('internal', 'Reading this PDF failed.', { details: { reason: m.message } }),
          reusable: false,
        };
      return undefined;
    },
  });
}
