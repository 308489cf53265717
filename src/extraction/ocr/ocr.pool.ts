import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { AppError } from '../../contract/errors.ts';
import type { PageImage, PageWord } from '../pdf/page.types.ts';
import type { Baseline } from './deskew.ts';
import { holdEngine } from './engine.hold.ts';
import { type Gray, readPgm, restoreTrailingMinus, splitGluedSignMarks } from './lost.marks.ts';
import { modelSource } from './model.file.ts';
import { acceptReread, cropPgm, findRereads } from './reread.ts';
import { splitGluedWords } from './word.split.ts';

interface TessWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TessWorker {
  recognize(
    image: Buffer,
    opts: object,
    output: object,
  ): Promise<{ data: { blocks: { paragraphs: { lines: { words: TessWord[]; baseline: Baseline }[] }[] }[] | null } }>;
  setParameters(p: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

/** How the page's words were levelled: rotation of `slope` about (cx, cy), in PDF points. */
export interface Level {
  slope: number;
  cx: number;
  cy: number;
}

export interface OcrPool {
  /** Words and text baselines of one image, in page points (not yet levelled). */
  recognize(image: PageImage, signal?: AbortSignal): Promise<{ words: PageWord[]; baselines: Baseline[] }>;
  /** Reads one small grayscale PGM as a single line of text (a second opinion on a figure). */
  readLine(pgm: Uint8Array, signal?: AbortSignal): Promise<{ text: string; conf: number }>;
  warmUp(): Promise<void>;
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * A fixed pool of tesseract.js workers (each its own thread), created on first use or by warmUp
 * and reused for every page. tesseract.js is imported lazily so a text-only run never loads it.
 *
 * With `idleMs`, a pool that has had no page for that long ends its workers: two idle workers held
 * 78–157 MB (their WebAssembly memories, model and heaps), which a service waiting for the next statement
 * does not need. The next page starts them again: about 1.4 CPU s more for two workers
 * (bench/ocr-idle.bench.ts).
 */
export function createOcrPool(deps: {
  size: number;
  logger?: Logger;
  pageSegMode?: string;
  idleMs?: number;
  /**
   * False: recognition alone, as the `tesseract` CLI does it (no trailing-minus check from pixels, no second
   * readings of doubtful figures): what the extraction bench compares like for like. True by default.
   */
  figureChecks?: boolean;
}): OcrPool {
  const size = Math.max(1, deps.size);
  const idle: TessWorker[] = [];
  const waiting: ((w: TessWorker) => void)[] = [];
  let starting: Promise<void> | null = null;
  const all: TessWorker[] = [];
  let started = 0;
  let closed = false;
  let idleTimer: NodeJS.Timeout | null = null;
  /** The page segmentation mode this pool's workers read pages with (a second reading restores it): sparse text (PSM 11) by default. */
  const pageMode = deps.pageSegMode ?? '11';

  /** Ends every worker once none has worked for `idleMs`; the next page starts them again. */
  function armIdleTimer() {
    if (!deps.idleMs || closed) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(retireIdle, deps.idleMs);
    idleTimer.unref();
  }
  function retireIdle() {
    idleTimer = null;
    // Only a pool at rest: every worker idle, nobody waiting, no worker half-started.
    if (closed || waiting.length > 0 || started !== all.length || idle.length !== all.length) return;
    const workers = all.splice(0);
    idle.length = 0;
    started = 0;
    deps.logger?.debug({ workers: workers.length }, 'ocr workers ended after idle period');
    for (const w of workers) void w.terminate().catch(() => {});
  }

  async function spawn(): Promise<TessWorker> {
    // The compiled engine outlives the workers (engine.hold.ts): workers started after an idle end reuse it.
    await holdEngine();
    // The model shipped in node_modules, or its checked gunzipped copy (model.file.ts): never the network.
    const model = await modelSource();
    const { createWorker, OEM } = await import('tesseract.js');
    const worker = (await createWorker('eng', OEM.LSTM_ONLY, {
      langPath: model.langPath,
      // Our entry point: lowers the thread's priority, then runs tesseract.js's worker script.
      workerPath: fileURLToPath(new URL('./ocr.thread.ts', import.meta.url)),
      gzip: model.gzip,
      cacheMethod: 'none',
      cachePath: os.tmpdir(),
      errorHandler: (e: unknown) => deps.logger?.warn({ err: e }, 'ocr worker error'),
    })) as unknown as TessWorker;
    // Sparse text keeps table cells apart; the line builder rebuilds rows from word boxes.
    // debug_file: tesseract's diagnostics ("Detected 7 diacritics") would otherwise reach our stdout.
    await worker.setParameters({
      tessedit_pageseg_mode: pageMode,
      user_defined_dpi: '300',
      debug_file: '/dev/null',
      // Statements are dark on light: skip tesseract 5's second pass over inverted lines.
      tessedit_do_invert: '0',
    });
    return worker;
  }

  function start(count: number): Promise<void> {
    const jobs: Promise<void>[] = [];
    while (started < count) {
      started++;
      jobs.push(
        spawn().then((w) => {
          if (closed) return void w.terminate();
          all.push(w);
          release(w);
        }),
      );
    }
    return Promise.all(jobs).then(() => undefined);
  }

  function release(w: TessWorker) {
    const next = waiting.shift();
    if (next) next(w);
    else {
      idle.push(w);
      armIdleTimer();
    }
  }

  function acquire(): Promise<TessWorker> {
    if (idleTimer) {
      clearTimeout(idleTimer);
      idleTimer = null;
    }
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    if (started < size) {
      starting = start(Math.min(size, started + 1)).catch((err) => {
        started--;
        throw err;
      });
      starting.catch(() => {});
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  return {
    async recognize(image, signal) {
      if (closed) throw new AppError('extraction.ocr_failed', 'Text recognition is shut down.');
      const worker = await acquire();
      try {
        if (signal?.aborted) return { words: [], baselines: [] };
        const { data } = await worker.recognize(
          Buffer.from(image.pgm.buffer, image.pgm.byteOffset, image.pgm.byteLength),
          {},
          { text: false, blocks: true },
        );
        const words: PageWord[] = [];
        const baselines: Baseline[] = [];
        let read: TessWord[] = [];
        for (const b of data.blocks ?? [])
          for (const p of b.paragraphs)
            for (const l of p.lines) {
              if (l.baseline) {
                const b = l.baseline;
                baselines.push({
                  x0: (b.x0 + image.offsetX) / image.scale,
                  y0: (b.y0 + image.offsetY) / image.scale,
                  x1: (b.x1 + image.offsetX) / image.scale,
                  y1: (b.y1 + image.offsetY) / image.scale,
                });
              }
              for (const w of l.words) if (w.text.trim()) read.push({ ...w, text: w.text.trim() });
            }
        const gray = deps.figureChecks === false ? null : readPgm(image.pgm);
        if (gray) {
          read = splitGluedWords(read, gray);
          read = restoreTrailingMinus(read, gray);
          read = await rereadFigures(worker, read, gray, pageMode, signal);
          read = splitGluedSignMarks(read);
        }
        for (const w of read) {
          words.push({
            text: w.text,
            x0: (w.bbox.x0 + image.offsetX) / image.scale,
            y0: (w.bbox.y0 + image.offsetY) / image.scale,
            x1: (w.bbox.x1 + image.offsetX) / image.scale,
            y1: (w.bbox.y1 + image.offsetY) / image.scale,
            conf: Math.max(0, Math.min(1, w.confidence / 100)),
          });
        }
        return { words, baselines };
      } catch (err) {
        throw new AppError('extraction.ocr_failed', 'Text recognition failed on a scanned page.', { cause: err });
      } finally {
        release(worker);
      }
    },
    async readLine(pgm, signal) {
      if (closed) throw new AppError('extraction.ocr_failed', 'Text recognition is shut down.');
      const worker = await acquire();
      try {
        if (signal?.aborted) return { text: '', conf: 0 };
        await worker.setParameters({ tessedit_pageseg_mode: '7' });
        const { data } = (await worker.recognize(
          Buffer.from(pgm.buffer, pgm.byteOffset, pgm.byteLength),
          {},
          { text: true },
        )) as unknown as {
          data: { text: string; confidence: number };
        };
        return { text: data.text ?? '', conf: (data.confidence ?? 0) / 100 };
      } catch (err) {
        throw new AppError('extraction.ocr_failed', 'Text recognition failed on a scanned page.', { cause: err });
      } finally {
        await worker.setParameters({ tessedit_pageseg_mode: pageMode }).catch(() => {});
        release(worker);
      }
    },
    async warmUp() {
      await start(size);
    },
    ready: () => all.length > 0 && !closed,
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      await starting?.catch(() => {});
      idle.length = 0;
      await Promise.all(all.splice(0).map((w) => w.terminate().catch(() => {})));
    },
  };
}

/**
 * Reads doubtful figures and uncovered ink on figure rows again, one line each (see reread.ts), on the
 * worker that read the band, and puts a clean second reading in place of the first.
 */
async function rereadFigures(
  worker: TessWorker,
  words: TessWord[],
  gray: Gray,
  pageMode: string,
  signal?: AbortSignal,
): Promise<TessWord[]> {
  const jobs = findRereads(words, gray);
  if (jobs.length === 0) return words;
  const drop = new Set<TessWord>();
  const add: TessWord[] = [];
  await worker.setParameters({ tessedit_pageseg_mode: '7', tessedit_char_whitelist: '0123456789,.-()$€£¥' });
  try {
    for (const job of jobs) {
      if (signal?.aborted) break;
      const pgm = cropPgm(gray, job.box);
      if (!pgm) continue;
      const { data } = (await worker.recognize(
        Buffer.from(pgm.buffer, pgm.byteOffset, pgm.byteLength),
        {},
        {
          text: true,
        },
      )) as unknown as { data: { text: string; confidence: number } };
      const text = (data.text ?? '').replace(/\s+/g, '');
      const conf = data.confidence ?? 0;
      // Tesseract's confidence under a character whitelist says little: the digits must agree instead.
      const accepted = acceptReread(job, text);
      if (!accepted) continue;
      for (const w of job.replaces) drop.add(w as TessWord);
      const before = job.replaces.length ? Math.min(...job.replaces.map((w) => w.confidence)) : 60;
      add.push({ text: accepted, confidence: Math.min(Math.max(before, conf), 75), bbox: job.box });
    }
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: pageMode, tessedit_char_whitelist: '' });
  }
  return [...words.filter((w) => !drop.has(w)), ...add];
}
