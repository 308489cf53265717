/**
 * A cheap look at a PDF's streams before pdf.js decodes anything: how many bytes its compressed
 * streams inflate to and how many pixels its images hold. pdf.js allocates decoded streams and
 * images as ArrayBuffers, which a worker's heap limit does not bound, so a 1 MB file of inflating
 * streams or one 20000×20000 image would take gigabytes before any limit could act. Stream
 * dictionaries are never inside object streams, so scanning the raw bytes finds every one.
 *
 * Every filter that can grow its input is counted: Flate and LZW (each up to about a thousand times),
 * RunLength (128×), ASCII85 and ASCIIHex (and what they feed: `[/ASCII85Decode /FlateDecode]`). JPEG and
 * JPEG 2000 images count the pixels their own headers declare, which is what pdf.js decodes to, whatever
 * the image dictionary claims.
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

/** Filter names, full or abbreviated (inline images), in the order they apply. */
function filtersOf(dict: string): string[] {
  const m = dict.match(/\/Filter\s*(\[[^\]]*\]|\/\w+)/);
  if (!m) return [];
  const names = [...m[1]!.matchAll(/\/(\w+)/g)].map((x) => x[1]!);
  const ABBREV: Record<string, string> = {
    Fl: 'FlateDecode',
    LZW: 'LZWDecode',
    RL: 'RunLengthDecode',
    A85: 'ASCII85Decode',
    AHx: 'ASCIIHexDecode',
    DCT: 'DCTDecode',
  };
  return names.map((n) => ABBREV[n] ?? n);
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** ASCIIHexDecode's output (half the hex digits), bounded by its input. */
function asciiHex(data: Buffer): Buffer {
  const hex = data
    .toString('latin1')
    .split('>')[0]!
    .replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

/** ASCII85Decode's output: four bytes per five digits, `z` four zero bytes; at most 4× its input. */
function ascii85(data: Buffer, budget: number): Buffer {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    for (let k = 0; k < n; k++) out.push((v >>> (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  for (let i = 0; i < data.length && out.length <= budget; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // ~>
    if (isSpace(c)) continue;
    if (c === 0x7a && group.length === 0) out.push(0, 0, 0, 0);
    else if (c >= 0x21 && c <= 0x75) {
      group.push(c - 33);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

/** RunLengthDecode's output size: a two-byte run gives up to 128 bytes. */
function runLengthSize(data: Buffer): number {
  let total = 0;
  for (let i = 0; i < data.length; ) {
    const b = data[i]!;
    if (b === 128) break;
    if (b < 128) {
      total += b + 1;
      i += b + 2;
    } else {
      total += 257 - b;
      i += 2;
    }
  }
  return total;
}

/**
 * LZWDecode's output size, counted from the code lengths alone (no output is built): each new dictionary
 * entry is one byte longer than the one before it, so a small stream can decode to thousands of times its size.
 */
function lzwSize(data: Buffer, budget: number, earlyChange = 1): number {
  const lens = new Int32Array(4096);
  lens.fill(1, 0, 256);
  let next = 258;
  let width = 9;
  let prev = -1;
  let total = 0;
  let bits = 0;
  let acc = 0;
  let i = 0;
  for (;;) {
    while (bits < width && i < data.length) {
      acc = ((acc << 8) | data[i++]!) >>> 0;
      bits += 8;
    }
    if (bits < width) break;
    const code = (acc >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    acc &= (1 << bits) - 1;
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    let len: number;
    if (code < 256 || (code >= 258 && code < next)) len = lens[code]!;
    else if (code === next && prev >= 0) len = lens[prev]! + 1;
    else break; // damaged: pdf.js stops here too
    total += len;
    if (total > budget) return total;
    if (prev >= 0 && next < 4096) lens[next++] = lens[prev]! + 1;
    prev = code;
    if (next + earlyChange >= 1 << width && width < 12) width++;
  }
  return total;
}

/** Width × height a JPEG (its SOF marker) or JPEG 2000 image (JP2 `ihdr` box or codestream SIZ) declares. */
export function codecPixels(data: Buffer, filter: string): number {
  if (filter === 'DCTDecode') {
    for (let i = 2; i + 9 < data.length; ) {
      if (data[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = data[i + 1]!;
      if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
        i += marker === 0xff ? 1 : 2;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return data.readUInt16BE(i + 5) * data.readUInt16BE(i + 7);
      i += 2 + data.readUInt16BE(i + 2);
    }
    return 0;
  }
  if (filter === 'JPXDecode') {
    const ihdr = data.indexOf('ihdr', 0, 'latin1');
    if (ihdr >= 0 && ihdr + 12 <= data.length) return data.readUInt32BE(ihdr + 4) * data.readUInt32BE(ihdr + 8);
    const siz = data.indexOf(Buffer.from([0xff, 0x51]));
    if (siz >= 0 && siz + 22 <= data.length) {
      const w = data.readUInt32BE(siz + 6) - data.readUInt32BE(siz + 14);
      const h = data.readUInt32BE(siz + 10) - data.readUInt32BE(siz + 18);
      return Math.max(0, w) * Math.max(0, h);
    }
  }
  return 0;
}

/**
 * Bytes a stream's filters produce, stage by stage (pdf.js holds each stage's output): text encodings are
 * decoded and handed on, the growing codecs counted; image codecs end the count (their pixels are checked).
 */
async function decodedSize(filters: string[], data: Buffer, budget: number, dict: string): Promise<number> {
  let total = 0;
  let input = data;
  for (const f of filters) {
    if (f === 'ASCIIHexDecode' || f === 'ASCII85Decode') {
      input = f === 'ASCIIHexDecode' ? asciiHex(input) : ascii85(input, budget - total);
      total += input.length;
      if (total > budget) return total;
      continue;
    }
    if (f === 'FlateDecode') return total + (await inflatedSize(input, budget - total + 1));
    if (f === 'LZWDecode') {
      const early = dict.match(/\/EarlyChange\s+(\d)/)?.[1];
      return total + lzwSize(input, budget - total + 1, early === '0' ? 0 : 1);
    }
    if (f === 'RunLengthDecode') return total + runLengthSize(input);
    return total;
  }
  return total;
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
    const len = num(dict, 'Length');
    let end = len !== null && start + len <= buf.length ? start + len : buf.indexOf('endstream', start, 'latin1');
    if (end < 0) end = buf.length;
    const filters = filtersOf(dict);
    if (/\/Subtype\s*\/Image\b/.test(dict)) {
      const w = num(dict, 'Width') ?? 0;
      const h = num(dict, 'Height') ?? 0;
      // A JPEG or JPEG 2000 decodes to the size in its own header, whatever the dictionary says.
      const own = filters.length === 1 ? codecPixels(buf.subarray(start, end), filters[0]!) : 0;
      const px = Math.max(w * h, own);
      if (px > limits.maxImagePixels)
        return { ok: false, reason: own > w * h ? `an image of ${own} pixels` : `an image of ${w}×${h} pixels` };
      imagePixels += px;
      if (imagePixels > limits.maxTotalImagePixels) return { ok: false, reason: 'images of too many pixels in all' };
    }
    if (filters.length > 0) {
      decoded += await decodedSize(filters, buf.subarray(start, end), limits.maxDecodedBytes - decoded, dict);
      if (decoded > limits.maxDecodedBytes) return { ok: false, reason: 'streams that inflate beyond the limit' };
    }
    // The stream's data is not searched for keywords.
    at = Math.max(at, end - STREAM.length);
  }
  return { ok: true };
}
