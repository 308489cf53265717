/**
 * Worker thread: parses one PDF with pdf.js, streams each page's positioned words back, and renders
 * pages without a usable text layer to grayscale for OCR; then reads a document's pages (text-layer
 * and OCR words) into accounts. Runs off the main event loop so neither a heavy PDF nor its reading
 * delays the HTTP server; the parent terminates it on timeout.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../contract/errors.ts';
import { crop, prepareScan } from '../ocr/image.prep.ts';
import { bands } from '../ocr/page.bands.ts';
import { maskRegions } from '../ocr/region.mask.ts';
import { lowerThreadPriority } from '../thread.priority.ts';
import { assembleWords, itemPieces, type Piece } from './glyph.words.ts';
import type { PageRaster, PageRasterModule, PdfCanvasFactory } from './page.raster.port.ts';
import { type Box, inkRegions, mergeBoxes } from './page.regions.ts';
import type { PageContent, PageWord, ReadRequest, WorkerMessage, WorkerRequest } from './page.types.ts';
import { prescan } from './pdf.prescan.ts';
import { loadPdfJs, type PdfJs } from './pdfjs.loader.ts';
import { judgeFonts, lyingRegions } from './text.quality.ts';
import { ideographsOfRadicals, needsOcr } from './text-layer.ts';

// The code cache (this file's stripped TypeScript and pdf.js's 3 MB) is on from the thread's first line:
// the parent starts it with NODE_COMPILE_CACHE set (pdf-document.reader.ts).

let post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void = () => {};

const data = workerData as {
  renderLock?: Int32Array;
  raster: PageRasterModule;
  /** false: load the reading code only for a read job (its starter reads documents itself). */
  preloadReading?: boolean;
  /** false: no main thread needs the CPU to answer chat (the CLI). */
  lowerPriority?: boolean;
};

// Parsing and rendering yield the CPU to the main thread, which acknowledges chat requests.
if (data.lowerPriority !== false) lowerThreadPriority();

// Load pdf.js as soon as the thread starts, so it overlaps the caller reading the file. The page rasteriser
// is the one the composition root named (workerData): pdf.js loads no canvas of its own here.
const ready = loadPdfJs(data.raster);
ready.catch(() => {}); // a failure is reported to the first request, not as an unhandled rejection
// Then the reading code (structure model, field reading, solver): a document's pages come back to be read here.
// Not where the thread's starter reads documents itself (the CLI): then only for a read job.
let reading = data.preloadReading === false ? null : loadReading();

function loadReading() {
  const loaded = ready.catch(() => {}).then(() => import('../pages.interpreter.ts'));
  loaded.catch(() => {});
  return loaded;
}

/** Reads a document's pages into accounts; an expected refusal (no margin figures) goes back as its code. */
async function read(req: ReadRequest): Promise<void> {
  reading ??= loadReading();
  const { readDocument } = await reading;
  const known = req.layouts;
  try {
    post({ type: 'read', reading: await readDocument(req.pages, known ? { layouts: async () => known } : undefined) });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    post({ type: 'refused', code: err.code, message: err.message });
  }
}

/** Set when a page was rendered for OCR: the parent then retires this thread and its large garbage. */
let rendered = false;

async function run(req: WorkerRequest): Promise<void> {
  rendered = false;
  // Before pdf.js allocates anything: refuse what would decode to more memory than a statement needs.
  const verdict = await prescan(req.bytes, req.limits);
  if (!verdict.ok) return post({ type: 'error', code: 'too_complex', message: verdict.reason });
  const { pdfjs, raster } = await ready;
  const task = pdfjs.getDocument({
    // Every canvas pdf.js draws on comes from the injected rasteriser (it would otherwise load its own).
    CanvasFactory: raster.CanvasFactory,
    // Images beyond the pixel limit are never decoded, wherever they hide (inline, in forms).
    maxImageSize: req.limits.maxImagePixels,
    // A canvas never exceeds the page-raster limit, whatever pdf.js would otherwise allocate.
    canvasMaxAreaInBytes: req.limits.maxRasterPixels * 4,
    data: req.bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // No standardFontDataUrl on purpose: text in the 14 standard fonts then reads from pdf.js's built-in
    // metrics instead of converting a font program for every document (most of a text page's time).
    wasmUrl: req.wasmDir,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string })?.name;
    if (name === 'PasswordException') return post({ type: 'error', code: 'encrypted', message: String(err) });
    return post({ type: 'error', code: 'corrupt', message: String((err as Error)?.message ?? err) });
  }
  const pages = doc.numPages;

  if (pages > req.maxPages) return post({ type: 'error', code: 'too_many_pages', message: 'too many pages', pages });
  if (pages < 1) return post({ type: 'error', code: 'corrupt', message: 'no pages' });
  post({ type: 'meta', pages });
  try {
    await readPages(doc, pdfjs, raster, req);
  } catch (err) {
    await doc.destroy().catch(() => {});
    if (err instanceof TooComplex) return post({ type: 'error', code: 'too_complex', message: err.message });
    return post({ type: 'error', code: 'corrupt', message: String((err as Error)?.message ?? err) });
  }
  await doc.destroy();
  post({ type: 'done', rendered });
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function readPages(doc: PdfDoc, pdfjs: PdfJs, raster: PageRaster, req: WorkerRequest): Promise<void> {
  let rasterTotal = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: false });
    const pieces: Piece[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      // Rotate into the viewport's top-left space (handles /Rotate and odd CTMs).
      const tx = pdfjs.Util.transform(viewport.transform, item.transform);
      const fontH = Math.hypot(tx[2]!, tx[3]!) || item.height || 10;
      const baseY = tx[5]!;
      const x0 = tx[4]!;
      const w = item.width * (viewport.scale ?? 1);
      const mono = /mono/i.test(content.styles[item.fontName]?.fontFamily ?? '');
      const item0 = { x0, top: baseY - fontH * 0.8, bottom: baseY + fontH * 0.2, width: w, size: fontH, base: baseY };
      pieces.push(...itemPieces(ideographsOfRadicals(item.str), { ...item0, font: item.fontName }, mono));
    }
    // Fonts whose text is garbage are not read; where they drew, the picture is read instead.
    const verdicts = judgeFonts(pieces);
    const good = pieces.filter((p) => verdicts.get(p.font)?.usable !== false);
    const lies = lyingRegions(pieces, verdicts);
    const words = assembleWords(good);
    const out: PageContent = { index: i - 1, width: viewport.width, height: viewport.height, words };
    const box = { x0: 0, y0: 0, x1: viewport.width, y1: viewport.height };
    let regions: Box[] | null = null; // null: the whole page
    if (needsOcr(words)) {
      if (lies.length === 0 && !(await hasGraphics(page, pdfjs.OPS))) regions = [];
    } else {
      const list = await page.getOperatorList();
      const pictured = inkRegions(list, pdfjs.OPS, viewport.transform, box).filter((r) => covered(r, words) < 0.5);
      regions = mergeBoxes([...lies, ...pictured]);
    }
    const transfer: ArrayBuffer[] = [];
    if (regions === null || regions.length > 0) {
      const scale = req.dpi / 72;
      const vp = page.getViewport({ scale });
      const w = Math.ceil(vp.width);
      const h = Math.ceil(vp.height);
      rasterTotal += w * h;
      if (w * h > req.limits.maxRasterPixels || rasterTotal > req.limits.maxTotalRasterPixels)
        throw new TooComplex(`pages too large to render (${w}×${h} pixels)`);
      const factory = (doc as unknown as { canvasFactory: PdfCanvasFactory }).canvasFactory;
      let gray = await withRenderLock(() => raster.renderGray(page, vp, w, h, factory));
      rendered = true;
      if (regions) gray = maskRegions(gray, w, h, scale, regions, words);
      const prepared = prepareScan(gray, w, h, req.dpi);
      // A blank or speck-only scan has nothing to read: skip OCR rather than let it chew on noise.
      if (prepared.ink > (regions ? 0.00002 : 0.0003)) {
        // Only the inked part goes to OCR: blank margins and empty half-pages cost time and memory.
        // Bands cut in blank rows let the OCR pool read one page on several threads at once.
        out.images = [];
        for (const band of bands(prepared.gray, w, prepared.box, req.dpi)) {
          const pgm = toPgm(crop(prepared.gray, w, band), band.x1 - band.x0, band.y1 - band.y0);
          out.images.push({ pgm, scale, offsetX: band.x0, offsetY: band.y0 });
          transfer.push(pgm.buffer as ArrayBuffer);
        }
      }
    }
    page.cleanup();
    post({ type: 'page', page: out }, transfer);
  }
}

/** Share of a region's area that trustworthy text-layer words already cover. */
function covered(r: Box, words: PageWord[]): number {
  const area = (r.x1 - r.x0) * (r.y1 - r.y0);
  if (area <= 0) return 1;
  let sum = 0;
  for (const w of words) {
    const dx = Math.min(r.x1, w.x1) - Math.max(r.x0, w.x0);
    const dy = Math.min(r.y1, w.y1) - Math.max(r.y0, w.y0);
    if (dx > 0 && dy > 0) sum += dx * dy;
  }
  return sum / area;
}

class TooComplex extends Error {}

const lock: Int32Array | undefined = data.renderLock;

/** Blocks this thread (never the main one) until no other reader thread is rendering. */
async function withRenderLock<T>(fn: () => Promise<T>): Promise<T> {
  if (!lock) return fn();
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1, 50);
  try {
    return await fn();
  } finally {
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0, 1);
  }
}

/** A scan is an image; text drawn as outlines is a long list of path operators. Blank pages are neither. */
async function hasGraphics(page: { getOperatorList(): Promise<{ fnArray: number[] }> }, ops: Record<string, number>) {
  const list = await page.getOperatorList();
  const imageOps = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject]);
  return list.fnArray.length > 400 || list.fnArray.some((f) => imageOps.has(f));
}

function toPgm(gray: Uint8Array, w: number, h: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + gray.length);
  out.set(header, 0);
  out.set(gray, header.length);
  return out;
}

// One request at a time; the parent reuses an idle thread for the next document and terminates it on timeout.
parentPort!.on('message', (msg: { id: number; req?: WorkerRequest; read?: ReadRequest }) => {
  post = (m, transfer = []) => parentPort!.postMessage({ id: msg.id, m }, transfer);
  (msg.read ? read(msg.read) : run(msg.req!)).catch((err) => {
    post({ type: 'error', code: 'internal', message: String((err as Error)?.message ?? err) });
  });
});
