import { AppError } from '../contract/errors.ts';
import type { KnownLayout } from './memory/memory.recall.ts';
import type { DocumentReading } from './pages.interpreter.ts';
import type { ReadPage } from './pages.reader.ts';
import type { PageRasterModule } from './pdf/page.raster.port.ts';
import { dedicateReaderThreads, runInReaderThread } from './pdf/pdf-document.reader.ts';

/**
 * The most words a document may have to be read in this thread after readDocumentsHere. Reading here cannot be
 * stopped at EXTRACT_TIMEOUT_S (nothing interrupts this thread while it reads), so a larger document (dozens of
 * dense pages, or a hostile one) is read in a reader thread, which the timeout ends. A margin statement has a
 * few hundred words a page: 20 ordinary pages are read here.
 */
export const MAIN_THREAD_WORDS = 8_000;

const wordsIn = (pages: Pick<ReadPage, 'words'>[]) => pages.reduce((n, p) => n + p.words.length, 0);

/** Set by readDocumentsHere: documents are read in this thread, not in a reader thread. */
let here = false;
let readingCode: Promise<typeof import('./pages.interpreter.ts')> | null = null;

/**
 * For a process that does nothing but extract (the CLI): documents are read in this thread, which would
 * otherwise wait idle while a reader thread parses the PDF and then loads the reading code and reads. Reader
 * threads started from now on load pdf.js alone, so the PDF is parsed sooner, while this thread loads the reading
 * code (loadReadingCode, called once the PDF is on its way), and they keep the process's priority. A service never
 * calls it: its main thread answers chat.
 */
export function readDocumentsHere(): void {
  here = true;
  dedicateReaderThreads();
}

/** Starts loading the reading code into this thread, when documents are read here (idempotent). */
export function loadReadingCode(): void {
  if (here) readingCode ??= import('./pages.interpreter.ts');
}

/**
 * Reads a document's pages into accounts in a reader thread, so the main thread (which acknowledges
 * chat requests) only receives the result. Layout memory goes along as data: the layouts it knows.
 * The thread is memory-capped and ended when the signal aborts, like a PDF being parsed.
 * After readDocumentsHere, the same reading runs in this thread, on the same copy of the pages and with the
 * same errors.
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
  if (here && wordsIn(slim) <= MAIN_THREAD_WORDS) return readHere(structuredClone(slim), layouts);
  return runInReaderThread<DocumentReading>({
    kind: 'read',
    raster: opts.raster,
    signal: opts.signal,
    message: { read: { pages: slim, ...(layouts ? { layouts } : {}) } },
    onMessage: (m) => {
      if (m.type === 'read') return { result: m.reading };
      if (m.type === 'refused') return { error: new AppError(m.code, m.message), reusable: true };
      if (m.type === 'error') return { error: readingFailed(m.message), reusable: false };
      return undefined;
    },
  });
}

async function readHere(pages: ReadPage[], layouts: KnownLayout[] | undefined): Promise<DocumentReading> {
  loadReadingCode();
  const { readDocument } = await readingCode!;
  try {
    return await readDocument(pages, layouts ? { layouts: async () => layouts } : undefined);
  } catch (err) {
    // What the reader thread would report: a refusal by its code and message, anything else as a failed reading.
    if (err instanceof AppError) throw new AppError(err.code, err.message);
    throw readingFailed(String((err as Error)?.message ?? err));
  }
}

const readingFailed = (reason: string) => new AppError('internal', 'Reading this PDF failed.', { details: { reason } });
