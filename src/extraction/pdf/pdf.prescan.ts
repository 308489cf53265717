/**
 * A cheap look at a PDF's streams before pdf.js decodes anything: how many bytes its compressed
 * streams inflate to and how many pixels its images hold. pdf.js allocates decoded streams and
 * images as ArrayBuffers, which a worker's heap limit does not bound, so a 1 MB file of inflating
 * streams or one 20000×20000 image would take gigabytes before any limit could act. Stream
 * dictionaries are never inside object streams, so scanning the raw bytes finds every one.
 */
import { constants, createInflate, inflateSync } from 'node:zlib';

export interface MemoryLimits {
  /** Bytes all Flate streams of one document may inflate to, together. */
  maxDecodedBytes: number;
  /** Pixels of any one image. */
  maxImagePixels: number;
  /** Pixels of all images of one document, together. */
  maxTotalImagePixels: number;
}

export const DEFAULT_LIMITS: MemoryLimits & { maxRasterPixels: number; maxTotalRasterPixels: number } = {
  // A long statement with embedded fonts inflates to a few MB; 256 MB is far beyond any real one.
  maxDecodedBytes: 256 * 1024 * 1024,
  // A letter page scanned at 600 dpi is 34 Mpx.
  maxImagePixels: 40_000_000,
  maxTotalImagePixels: 600_000_000,
  // One page rendered for OCR (a letter page at 250 dpi is 5.8 Mpx) and all of a document's renders.
  maxRasterPixels: 40_000_000,
  maxTotalRasterPixels: 400_000_000,
};

export type PrescanVerdict = { ok: true } | { ok: false; reason: string };

const STREAM = Buffer.from('stream');

/** The stream dictionary that ends just before `end` (at its `>>`), as latin1 text; '' when there is none. */
function dictBefore(buf: Buffer, end: number): string {
  const from = Math.max(0, end - 4096);
  const text = buf.toString('latin1', from, end);
  const close = text.lastIndexOf('>>');
  if (close < 0 || /\S/.test(text.slice(close + 2))) return '';
  let depth = 0;
  for (let i = close + 1; i >= 1; i--) {
    if (text[i] === '>' && text[i - 1] === '>') {
      depth++;
      i--;
    } else if (text[i] === '<' && text[i - 1] === '<') {
      depth--;
      i--;
      if (depth === 0) return text.slice(i, close + 2);
    }
  }
  return '';
}

const num = (dict: string, key: string): number | null => {
  const m = dict.match(new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`));
  return m ? Number(m[1]) : null;
};

/** Deflate expands at most about 1032:1, so a small stream is counted at once with a bounded buffer. */
const SMALL = 16 * 1024 * 1024;

/** Inflates `data` only to count its output, stopping at `budget`: memory stays one chunk. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  if (data.length * 1032 <= SMALL) {
    try {
      return Promise.resolve(inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: SMALL }).length);
    } catch {
      return Promise.resolve(0); // damaged: pdf.js reads what it can, which is no more than this bound
    }
  }
  return new Promise((resolve) => {
    let total = 0;
    const z = createInflate({ chunkSize: 64 * 1024 });
    const done = () => {
      z.removeAllListeners();
      z.on('error', () => {});
      z.destroy();
      resolve(total);
    };
    z.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) done();
    });
    z.on('end', done);
    // A damaged stream counts what it gave before the damage, as pdf.js would read it.
    z.on('error', done);
    z.end(data);
  });
}

export async function prescan(bytes: Uint8Array, limits: MemoryLimits): Promise<PrescanVerdict> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded = 0;
  let imagePixels = 0;
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    const dict = dictBefore(buf, at);
    if (!dict) continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    if (/\/Subtype\s*\/Image\b/.test(dict)) {
      const w = num(dict, 'Width') ?? 0;
      const h = num(dict, 'Height') ?? 0;
      const px = w * h;
      if (px > limits.maxImagePixels) return { ok: false, reason: `an image of ${w}×${h} pixels` };
      imagePixels += px;
      if (imagePixels > limits.maxTotalImagePixels) return { ok: false, reason: 'images of too many pixels in all' };
    }
    const len = num(dict, 'Length');
    let end = len !== null && start + len <= buf.length ? start + len : buf.indexOf('endstream', start, 'latin1');
    if (end < 0) end = buf.length;
    // Only Flate (alone or first in a chain) inflates without bound; image codecs are bounded by their pixels.
    const filter = dict.match(/\/Filter\s*\[?\s*\/(\w+)/)?.[1];
    if (filter === 'FlateDecode' || filter === 'Fl') {
      decoded += await inflatedSize(buf.subarray(start, end), limits.maxDecodedBytes - decoded + 1);
      if (decoded > limits.maxDecodedBytes) return { ok: false, reason: 'streams that inflate beyond the limit' };
    }
    // The stream's data is not searched for keywords.
    at = Math.max(at, end - STREAM.length);
  }
  return { ok: true };
}
