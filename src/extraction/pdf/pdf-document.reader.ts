import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../contract/errors.ts';
import type { PageRasterModule } from './page.raster.port.ts';
import type { PageContent, ReaderLimits, WorkerMessage } from './page.types.ts';
import { DEFAULT_LIMITS } from './pdf.prescan.ts';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
const WASM_DIR = `${path.join(pdfjsDir, 'wasm')}/`;

export interface ReadOptions {
  /** The page rasteriser the reader thread loads for pages that need OCR (the composition root names it). */
  raster: PageRasterModule;
  maxPages: number;
  dpi: number;
  signal: AbortSignal;
  /** Called as each page arrives, so OCR of page 1 overlaps parsing of page 2. */
  onPage: (page: PageContent) => void;
  /** Called once the page count is known, before the first page. */
  onPages?: (pages: number) => void;
  /** Per-document memory limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<ReaderLimits>;
}

/**
 * A reader thread whose heap plus ArrayBuffers pass this is ended at once: the pre-scan and pdf.js's
 * image limit keep real documents far below it, so crossing it means something slipped past them.
 */
const WORKER_MEMORY_CAP = 640 * 1024 * 1024;
/** After a document, a thread holding more than this is retired rather than kept with its garbage. */
const WORKER_KEEP_CAP = 160 * 1024 * 1024;
const WATCH_MS = 100;
/**
 * The reader thread's first lines: the code cache on (the process's own directory), then the reader. Enabled
 * by the thread's TypeScript entry itself, the cache would come after that entry's imports, which Node then
 * strips again at every start (0.2 CPU s of a one-page `marginiq extract`).
 */
const BOOT = `const { workerData } = require('node:worker_threads');
require('node:module').enableCompileCache?.();
import(workerData.entry);`;
const ENTRY = new URL('./pdf.worker.ts', import.meta.url).href;

const idle: Worker[] = [];
/** The rasteriser each reader thread loaded at its start: a thread serves only documents that name the same. */
const rasterOf = new WeakMap<Worker, PageRasterModule>();
let nextId = 1;

/**
 * What a reader thread does: read a PDF (parse, and render pages for OCR), or read a document's pages
 * into accounts (the structure model, field reading and solver, off the main thread).
 */
export type ThreadJobKind = 'pdf' | 'read';

/** At most this many documents of each kind at once: a rendered scan costs a few hundred MB at peak,
 * and OCR, not reading, is the bottleneck. */
const MAX_RUNNING: Record<ThreadJobKind, number> = { pdf: 1, read: 1 };
/** Idle threads kept for the next job (each holds pdf.js and the reading code). */
const MAX_IDLE = MAX_RUNNING.pdf + MAX_RUNNING.read;
const running: Record<ThreadJobKind, number> = { pdf: 0, read: 0 };
const queues: Record<ThreadJobKind, (() => void)[]> = { pdf: [], read: [] };
const slot = (kind: ThreadJobKind): Promise<void> => {
  if (running[kind] < MAX_RUNNING[kind]) {
    running[kind]++;
    return Promise.resolve();
  }
  return new Promise((resolve) => queues[kind].push(resolve));
};
const freeSlot = (kind: ThreadJobKind) => {
  const next = queues[kind].shift();
  if (next) next();
  else running[kind]--;
};

/**
 * One page renders at a time across all reader threads (a 300 dpi render with pdf.js's decoded scan
 * is a few hundred MB at peak); text extraction runs in parallel. Shared so threads can lock it.
 */
const renderLock = new Int32Array(new SharedArrayBuffer(4));

/**
 * How reader threads start: loading the reading code (structure model, field reading, solver) after pdf.js, and
 * below the main thread's priority (it acknowledges chat requests). See dedicateReaderThreads.
 */
const threadStart = { preloadReading: true, lowerPriority: true };

/**
 * Reader threads started from now on serve a process that only extracts and reads documents in its main thread
 * (the CLI, pages.reading.ts readDocumentsHere): they load pdf.js alone (the reading code only for a read job
 * they are given) and keep the process's priority, since no main thread there answers chat.
 */
export function dedicateReaderThreads(): void {
  threadStart.preloadReading = false;
  threadStart.lowerPriority = false;
}

function spawn(raster: PageRasterModule): Worker {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { renderLock, entry: ENTRY, raster, ...threadStart },
    // Never piped to this process's own: nothing a thread prints (pdf.js's warnings) reaches `--json` output.
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  rasterOf.set(worker, raster);
  return worker;
}

/** An idle reader thread that loaded this rasteriser; idle threads with another one are ended. */
function takeIdle(raster: PageRasterModule): Worker | undefined {
  for (let w = idle.pop(); w; w = idle.pop()) {
    if (rasterOf.get(w) === raster) return w;
    void w.terminate();
  }
  return undefined;
}

/** Starts a reader thread ahead of the first document (pdf.js loads while the caller does other work). */
export function prestartPdfReader(raster: PageRasterModule): void {
  if (!idle.some((w) => rasterOf.get(w) === raster)) {
    const w = spawn(raster);
    w.unref();
    w.once('exit', () => {
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
    });
    idle.push(w);
  }
}

/** Ends idle reader threads (tests, shutdown). */
export async function closePdfReaders(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

/**
 * Parses a PDF in a worker thread and streams its pages. Resolves with the page count; rejects with
 * an AppError for encrypted, corrupt or over-long documents. Aborting the signal terminates the thread;
 * a thread that finished cleanly is kept (unref'd) for the next document.
 */
export function readPdf(bytes: Uint8Array, opts: ReadOptions): Promise<number> {
  const copy = new Uint8Array(bytes); // a fresh ArrayBuffer, never a pooled Buffer slice, so it can be transferred
  let pages = 0;
  return runInReaderThread<number>({
    kind: 'pdf',
    raster: opts.raster,
    signal: opts.signal,
    message: {
      req: {
        bytes: copy,
        maxPages: opts.maxPages,
        dpi: opts.dpi,
        wasmDir: WASM_DIR,
        limits: { ...DEFAULT_LIMITS, ...opts.limits },
      },
    },
    transfer: [copy.buffer as ArrayBuffer],
    onMessage: (m) => {
      if (m.type === 'meta') {
        pages = m.pages;
        opts.onPages?.(pages);
      } else if (m.type === 'page') opts.onPage(m.page);
      // Reused even after rendering: a fresh thread costs more resident memory than the old one's garbage.
      else if (m.type === 'done') return { result: pages };
      else if (m.type === 'error') return { error: workerError(m, opts.maxPages), reusable: m.code !== 'internal' };
      return undefined;
    },
  });
}

/** One job for a reader thread: the message that starts it, and what each of the thread's answers means. */
export interface ThreadJob<R> {
  kind: ThreadJobKind;
  raster: PageRasterModule;
  signal: AbortSignal;
  message: Record<string, unknown>;
  transfer?: ArrayBuffer[];
  /** A result or an error ends the job (reusable: the thread may serve the next one); undefined: more to come. */
  onMessage(m: WorkerMessage): { result: R } | { error: AppError; reusable: boolean } | undefined;
}

/**
 * Runs a job in a reader thread: memory-capped (heap limit, and a watch that ends it past
 * WORKER_MEMORY_CAP) and ended at once when the signal aborts, whatever it is computing.
 */
export async function runInReaderThread<R>(job: ThreadJob<R>): Promise<R> {
  await slot(job.kind);
  try {
    return await runJob(job);
  } finally {
    freeSlot(job.kind);
  }
}

function runJob<R>(job: ThreadJob<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = takeIdle(job.raster) ?? spawn(job.raster);
    worker.ref();
    const id = nextId++;
    let settled = false;
    // Watches the thread's memory while it works: heap and ArrayBuffers (decoded streams, images, canvases).
    const watch = setInterval(() => {
      worker
        .getHeapStatistics()
        .then((h) => {
          if (h.used_heap_size + h.external_memory > WORKER_MEMORY_CAP) finish(tooComplex('it needs too much memory'));
        })
        .catch(() => {});
    }, WATCH_MS);
    watch.unref();
    const finish = (err: AppError | null, reusable = false, result?: R) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      job.signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      const settle = () => (err ? reject(err) : resolve(result as R));
      if (!reusable || idle.length >= MAX_IDLE) {
        void worker.terminate();
        return settle();
      }
      // Kept for the next job only while small: a thread that rendered big scans gives its memory back.
      worker
        .getHeapStatistics()
        .then((h) => h.used_heap_size + h.external_memory <= WORKER_KEEP_CAP)
        .catch(() => false)
        .then((keep) => {
          if (keep && idle.length < MAX_IDLE) {
            worker.unref();
            idle.push(worker);
          } else void worker.terminate();
          settle();
        });
    };
    const onAbort = () =>
      finish(new AppError('extraction.timeout', 'Reading this PDF took too long, so it was stopped.'));
    const onMessage = (msg: { id: number; m: WorkerMessage }) => {
      if (settled || msg.id !== id) return;
      const end = job.onMessage(msg.m);
      if (!end) return;
      if ('result' in end) finish(null, true, end.result);
      else finish(end.error, end.reusable);
    };
    const onError = (err: Error) =>
      finish(new AppError('extraction.corrupt_pdf', 'This PDF is damaged and cannot be read.', { cause: err }));
    const onExit = () => finish(new AppError('internal', 'The PDF reader stopped unexpectedly.'));
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    if (job.signal.aborted) return onAbort();
    worker.postMessage({ id, ...job.message }, job.transfer ?? []);
  });
}

function workerError(m: Extract<WorkerMessage, { type: 'error' }>, maxPages: number): AppError {
  const details = { reason: m.message };
  switch (m.code) {
    case 'encrypted':
      return new AppError('extraction.encrypted_pdf', 'This PDF is password-protected; send an unlocked copy.', {
        details,
      });
    case 'too_many_pages':
      return new AppError('input.too_many_pages', `This PDF has ${m.pages} pages; the limit is ${maxPages}.`, {
        details,
      });
    case 'too_complex':
      return tooComplex(m.message);
    case 'corrupt':
      return new AppError('extraction.corrupt_pdf', 'This PDF is damaged and cannot be read.', { details });
    default:
      return new AppError('internal', 'The PDF reader failed on this file.', { details });
  }
}

function tooComplex(reason: string): AppError {
  return new AppError(
    'extraction.too_complex',
    'This PDF is too complex to read safely (it would need more memory than a statement does).',
    { details: { reason } },
  );
}
