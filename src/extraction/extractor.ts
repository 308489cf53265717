import type { Logger } from 'pino';
import { AppError } from '../contract/errors.ts';
import { formatMegabytes } from '../contract/format.ts';
import type {
  Evidence,
  ExtractionMethod,
  ExtractionOutcome,
  ExtractionProgress,
  ReportReading,
  Rival,
} from '../contract/reading.ts';
import { type ExtractedAccount, extractAccounts } from './fields/fields.extractor.ts';
import { buildLines, type Line } from './layout/lines.builder.ts';
import { type Segmented, segmentLine } from './layout/segments.ts';
import type { PageSize } from './memory/layout.fingerprint.ts';
import { type LayoutMemory, recallLayout } from './memory/memory.recall.ts';
import { clipWideWords, estimateSkew, levelWords } from './ocr/deskew.ts';
import { createOcrPool, type OcrPool } from './ocr/ocr.pool.ts';
import { type OcrPage, verifyOcrFigures } from './ocr/ocr.verify.ts';
import { normalizeAccount } from './parse/account.parser.ts';
import { findDates } from './parse/date.parser.ts';
import { readDocumentFormats } from './parse/document.formats.ts';
import { printsCents } from './parse/value.parser.ts';
import type { PageRasterModule } from './pdf/page.raster.port.ts';
import type { PageContent, PageWord } from './pdf/page.types.ts';
import { closePdfReaders, prestartPdfReader, readPdf } from './pdf/pdf-document.reader.ts';
import { readCallDue } from './solver/call.due.ts';
import { locatePrinted } from './solver/evidence.ts';
import { startThreadPoolHere } from './thread.priority.ts';
import { detectProfile, guessBroker } from './vocabulary/broker.profiles.ts';
import { DATE_CAPTION_WORDS, OTHER_DATE_STEMS } from './vocabulary/document.words.ts';
import { containsStem, phraseRegExp } from './vocabulary/word.patterns.ts';

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
    return interpretPages(pages, {
      fileName: input.fileName,
      count,
      signal,
      started,
      ocrPool,
      now,
      logger: deps.logger,
      onProgress: input.onProgress,
      memory: input.memory,
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

/** The document's lines, segmented into labels, figures and dates, as every later stage (and layout memory) reads them. */
export function layoutLines(pages: ReadPage[]): { lines: Segmented[]; fullText: string } {
  const rawLines: { line: Line; ocr: boolean }[] = [];
  for (const p of pages) {
    for (const line of buildLines(p.words, p.page.index, rawLines.length)) rawLines.push({ line, ocr: p.ocr });
  }
  const fullText = rawLines.map((l) => l.line.text).join('\n');
  const formats = readDocumentFormats(fullText);
  const lines: Segmented[] = rawLines.map(({ line, ocr }) => segmentLine(line, { ...formats, ocr }));
  distrustOddFigures(lines, new Set(rawLines.filter((l) => l.ocr).map((l) => l.line.index)));
  return { lines, fullText };
}

export interface InterpretContext {
  fileName: string;
  count: number;
  signal: AbortSignal;
  started: number;
  ocrPool: () => OcrPool;
  now: () => Date;
  logger?: Logger | undefined;
  onProgress?: ((p: ExtractionProgress) => void) | undefined;
  /** Layout memory: what approvers' corrections taught about known layouts (absent: extraction as is). */
  memory?: LayoutMemory | undefined;
}

/** From read pages (words, and the images of scanned pages) to readings: everything after the PDF reader. */
export async function interpretPages(pages: ReadPage[], ctx: InterpretContext): Promise<ExtractionOutcome> {
  const { signal, count } = ctx;
  const { lines, fullText } = layoutLines(pages);
  const ocrPageSet = new Set(pages.filter((p) => p.ocr).map((p) => p.page.index));
  const evidenceCtx = { lines, ocrPages: ocrPageSet };
  const sizes = pages.map((p) => ({ width: p.page.width, height: p.page.height }));
  const recalled = ctx.memory ? (await recallLayout(ctx.memory, lines, sizes)).found : null;
  let accounts = extractAccounts(lines, ocrPageSet, recalled);
  // An account a table holds whose figures could not be read stays, flagged, beside the ones that were read.
  const hasFields = (a: ExtractedAccount) => Object.keys(a.fields).length > 0;
  const flaggedTable = (a: ExtractedAccount) => a.account !== null && a.issues.some((i) => i.code === 'unread_cells');
  accounts = accounts.some(hasFields) ? accounts.filter((a) => hasFields(a) || flaggedTable(a)) : [];
  if (accounts.length === 0) {
    throw new AppError('extraction.no_margin_data', 'No margin figures were found in this PDF.');
  }
  const head = lines
    .filter((l) => l.page === 0)
    .slice(0, 8)
    .map((l) => l.text);
  const profile = detectProfile(head.join('\n'), fullText);
  const broker = (profile?.broker ?? guessBroker(head))?.replace(/\s+/g, ' ').trim() || null;
  if (accounts.length === 1 && !accounts[0]!.account && profile?.account) {
    const m = fullText.match(profile.account);
    if (m) {
      const value = normalizeAccount(m[0]);
      const evidence = locatePrinted(value, 'account', evidenceCtx, null);
      accounts[0]!.account = { value, conf: 0.75, ...(evidence ? { evidence } : {}) };
    }
  }
  for (const a of accounts) {
    if (a.date) continue;
    const date = unlabelledDate(lines);
    const evidence = date ? locatePrinted(date.value, 'date', evidenceCtx, null) : null;
    a.date = date && evidence ? { ...date, evidence } : date;
  }
  // The date a call must be met by, where one account carries a call and the document prints it.
  const callDue = new Map<ExtractedAccount, ReturnType<typeof readCallDue>>();
  if (accounts.length === 1) {
    const call = accounts[0]!.fields.margin_call?.value;
    if (call && call > 0) callDue.set(accounts[0]!, readCallDue(lines, call, evidenceCtx));
  }
  const scans = new Map(pages.flatMap((p) => (p.ocrPage ? [[p.page.index, p.ocrPage] as const] : [])));
  if (scans.size > 0) ctx.onProgress?.({ stage: 'checking' });
  if (scans.size > 0) await verifyOcrFigures(accounts, scans, ctx.ocrPool(), signal);
  if (signal.aborted) throw timeoutError();
  const ocrPages = pages.filter((p) => p.ocr).length;
  const method: ExtractionMethod = ocrPages === 0 ? 'text' : ocrPages === pages.length ? 'ocr' : 'mixed';
  const elapsed = Math.round(performance.now() - ctx.started);
  const readings = accounts.map((a) => {
    const reading = toReading(a, { fileName: ctx.fileName, broker, method, pages: count, elapsed, now: ctx.now() });
    const due = callDue.get(a);
    if (due) {
      reading.call_due_date = due.value;
      reading.confidence.call_due_date = due.conf;
      reading.evidence.call_due_date = due.evidence;
    }
    return reading;
  });
  ctx.logger?.debug({ file: ctx.fileName, pages: count, method, reports: readings.length, ms: elapsed }, 'extracted');
  return { readings, method, pages: count, processing_time_ms: elapsed };
}

/**
 * Where a document prints cents everywhere, an OCR'd figure without them probably lost its decimals
 * (`30,950` for `30,950.20`): lower its certainty so it is reviewed.
 */
function distrustOddFigures(lines: Segmented[], ocrLines: Set<number>): void {
  const amounts = lines.flatMap((l) => l.segs.filter((s) => s.kind === 'amount' && Math.abs(s.amount!.value) >= 100));
  if (amounts.length < 5) return;
  const withCents = amounts.filter((s) => printsCents(s.text)).length;
  if (withCents / amounts.length < 0.8) return;
  for (const l of lines) {
    if (!ocrLines.has(l.index)) continue;
    for (const s of l.segs) {
      if (s.kind === 'amount' && s.amount!.quality < 1 && Math.abs(s.amount!.value) >= 100)
        s.amount = { ...s.amount!, quality: s.amount!.quality * 0.8 };
    }
  }
}

function timeoutError(): AppError {
  return new AppError('extraction.timeout', 'Reading this PDF took too long, so it was stopped.');
}

const DATE_CAPTION = phraseRegExp(DATE_CAPTION_WORDS, 'gi');

/** A date near the top of the first page when no label names one; never a print, due or trade date. */
function unlabelledDate(lines: Segmented[]): { value: string; conf: number } | null {
  // A date printed with a clock time (`3/4/27, 7:23 PM`) is when the page was printed, not what it reports.
  const STAMP = /\b\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?(?![\d.,])/i;
  const found: { iso: string; alone: boolean }[] = [];
  for (const l of lines.filter((x) => x.page === 0).slice(0, 15)) {
    if (containsStem(l.text, OTHER_DATE_STEMS) || STAMP.test(l.text)) continue;
    for (const s of l.segs) {
      if (s.kind !== 'date') continue;
      const rest = l.text.replace(s.text, '').replace(DATE_CAPTION, '');
      found.push({ iso: s.date!.iso, alone: !/[a-z]{3}/i.test(rest) });
    }
  }
  const distinct = new Set(found.map((f) => f.iso));
  if (distinct.size === 1) return { value: found[0]!.iso, conf: found[0]!.alone ? 0.85 : 0.7 };
  if (found.length > 0) return { value: found[0]!.iso, conf: 0.6 };
  const any = lines.map((l) => findDates(l.text)[0]).find(Boolean);
  return any ? { value: any.iso, conf: 0.5 } : null;
}

function toReading(
  a: ExtractedAccount,
  ctx: { fileName: string; broker: string | null; method: ExtractionMethod; pages: number; elapsed: number; now: Date },
): ReportReading {
  const fields = Object.fromEntries(Object.entries(a.fields).map(([k, r]) => [k, Math.round(r.value * 100) / 100]));
  const confidence: Record<string, number> = Object.fromEntries(Object.entries(a.fields).map(([k, r]) => [k, r.conf]));
  if (a.account) confidence.account_number = a.account.conf;
  if (a.date) confidence.report_date = a.date.conf;
  confidence.currency = a.currency.conf;
  const evidence: Record<string, Evidence> = {};
  const rivals: Record<string, Rival[]> = {};
  for (const [k, r] of Object.entries(a.fields)) {
    if (r.evidence) evidence[k] = r.evidence;
    if (r.rivals?.length) rivals[k] = r.rivals;
  }
  if (a.account?.evidence) evidence.account_number = a.account.evidence;
  if (a.date?.evidence) evidence.report_date = a.date.evidence;
  if (a.currency.evidence) evidence.currency = a.currency.evidence;
  return {
    source_file_name: ctx.fileName,
    account_number: a.account?.value ?? null,
    report_date: a.date?.value ?? null,
    currency: a.currency.value,
    broker: ctx.broker,
    fields,
    confidence,
    evidence,
    rivals,
    issues: a.issues,
    method: ctx.method,
    pages: ctx.pages,
    processing_time_ms: ctx.elapsed,
  };
}
