import type { Logger } from 'pino';
import { AppError } from '../contract/errors.ts';
import { formatMegabytes } from '../contract/format.ts';
import type { ExtractionOutcome, ExtractionProgress } from '../contract/reading.ts';
import type { Segmented } from './layout/segments.ts';
import type { PageSize } from './memory/layout.fingerprint.ts';
import type { LayoutMemory } from './memory/memory.recall.ts';
import { createOcrPool, type OcrPool } from './ocr/ocr.pool.ts';
import { readPages } from './pages.reader.ts';
import { readInThread } from './pages.reading.ts';
import type { PageRasterModule } from './pdf/page.raster.port.ts';
import { closePdfReaders, prestartPdfReader } from './pdf/pdf-document.reader.ts';
import { finishReadings } from './readings.finish.ts';
import { startThreadPoolHere } from './thread.priority.ts';
import { timeoutError } from './timeout.error.ts';

export interface ExtractorDeps {
  /** The page rasteriser for scanned pages (src/render's PAGE_RASTER_MODULE): loaded in the PDF reader thread. */
  pageRaster: PageRasterModule;
  maxFileBytes: number;
  maxPages: number;
  timeoutMs: number;
  ocrWorkers: number;
  /** End the OCR workers after this long without a page (they start again on the next one); unset: keep them. */
  ocrIdleMs?: number;
  logger?: Logger;
  now?: () => Date;
  /** Render resolution for OCR (default 250 dpi: as accurate as 300 on the corpus, a third fewer pixels). */
  ocrDpi?: number;
  /** Tesseract page segmentation mode (default 11, sparse text: keeps table cells apart). */
  ocrPageSegMode?: string;
}

/**
 * The extractor: what core's `Extractor` port asks (checked where the composition root passes it to
 * core), and what the composition root and the CLI also need: warm-up and shutdown.
 */
export type { ExtractionOutcome };
export interface Extractor {
  extract(input: {
    bytes: Uint8Array;
    fileName: string;
    onProgress?: (p: ExtractionProgress) => void;
    /** Layout memory (issue 16): rules approvers taught for known layouts; absent, extraction uses none. */
    memory?: LayoutMemory | undefined;
  }): Promise<ExtractionOutcome>;
  /** A document's lines and page sizes, for layout memory to learn from (the same reading extraction uses). */
  readLayout?(bytes: Uint8Array): Promise<LayoutDocument>;
  ocrReady(): boolean;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

const PDF_MAGIC = '%PDF-';

function checkInput(bytes: Uint8Array, maxFileBytes: number): void {
  if (bytes.byteLength === 0) throw new AppError('input.empty', 'The file is empty.');
  if (bytes.byteLength > maxFileBytes) {
    throw new AppError(
      'input.too_large',
      `The file is ${formatMegabytes(bytes.byteLength)}; the limit is ${formatMegabytes(maxFileBytes)}.`,
    );
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes(PDF_MAGIC)) throw new AppError('input.not_pdf', 'The file is not a PDF.');
}

/** What layout memory reads of a document: its segmented lines and its pages' sizes. */
export interface LayoutDocument {
  lines: Segmented[];
  pages: PageSize[];
}

export function createExtractor(deps: ExtractorDeps): Extractor {
  const now = deps.now ?? (() => new Date());
  // libuv's pool first, at the caller's priority; then pdf.js loads in its thread while the caller works on.
  startThreadPoolHere();
  prestartPdfReader(deps.pageRaster);
  let pool: OcrPool | null = null;
  const ocrPool = () => {
    pool ??= createOcrPool({
      size: deps.ocrWorkers,
      ...(deps.logger ? { logger: deps.logger } : {}),
      ...(deps.ocrPageSegMode ? { pageSegMode: deps.ocrPageSegMode } : {}),
      ...(deps.ocrIdleMs ? { idleMs: deps.ocrIdleMs } : {}),
    });
    return pool;
  };

  async function run(
    input: {
      bytes: Uint8Array;
      fileName: string;
      onProgress?: (p: ExtractionProgress) => void;
      memory?: LayoutMemory | undefined;
    },
    signal: AbortSignal,
    started: number,
  ): Promise<ExtractionOutcome> {
    checkInput(input.bytes, deps.maxFileBytes);
    const { pages, count } = await readPages(input.bytes, {
      raster: deps.pageRaster,
      maxPages: deps.maxPages,
      dpi: deps.ocrDpi ?? 250,
      signal,
      ocrPool,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    if (signal.aborted) throw timeoutError();
    // The structure model, field reading and solver run in a reader thread: this thread only gets the accounts.
    // Layout memory's known layouts are read once and go along as data. A scan is read here instead when memory
    // knows a layout: a learned cell on it is read again by the OCR pool, which this thread owns.
    const layouts = input.memory ? await input.memory.layouts() : undefined;
    const scans = new Map(pages.flatMap((p) => (p.ocrPage ? [[p.page.index, p.ocrPage] as const] : [])));
    const reading =
      layouts?.length && scans.size > 0
        ? await (await import('./pages.interpreter.ts')).readDocument(
            pages,
            { layouts: async () => layouts },
            { scans, pool: ocrPool, signal },
          )
        : await readInThread(pages, { raster: deps.pageRaster, signal, layouts });
    if (signal.aborted) throw timeoutError();
    return finishReadings(reading, pages, {
      fileName: input.fileName,
      count,
      signal,
      started,
      ocrPool,
      now,
      logger: deps.logger,
      onProgress: input.onProgress,
    });
  }

  return {
    async extract(input) {
      const started = performance.now();
      const ac = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          ac.abort();
          reject(timeoutError());
        }, deps.timeoutMs);
      });
      try {
        return await Promise.race([run(input, ac.signal, started), timeout]);
      } finally {
        clearTimeout(timer);
        ac.abort();
      }
    },
    async readLayout(bytes) {
      checkInput(bytes, deps.maxFileBytes);
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), deps.timeoutMs);
      try {
        const { pages } = await readPages(bytes, {
          raster: deps.pageRaster,
          maxPages: deps.maxPages,
          dpi: deps.ocrDpi ?? 250,
          signal: ac.signal,
          ocrPool,
        });
        if (ac.signal.aborted) throw timeoutError();
        // Loaded only here (teaching): extraction reads pages in a reader thread.
        const { layoutLines } = await import('./pages.interpreter.ts');
        return {
          lines: layoutLines(pages).lines,
          pages: pages.map((p) => ({ width: p.page.width, height: p.page.height })),
        };
      } finally {
        clearTimeout(timer);
      }
    },
    warmUp: () => ocrPool().warmUp(),
    ocrReady: () => pool?.ready() ?? false,
    async close() {
      await pool?.close();
      await closePdfReaders();
    },
  };
}
