import { deflateSync } from 'node:zlib';
import { type PDFDict, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { codecPixels, prescan } from '../../src/extraction/pdf/pdf.prescan.ts';

const MB = 1024 * 1024;
const limits = (maxDecodedBytes: number) => ({
  maxDecodedBytes,
  maxImagePixels: 40_000_000,
  maxTotalImagePixels: 100_000_000,
});

/** A one-page PDF holding one raw stream with the given dictionary entries. */
async function withStream(entries: Record<string, unknown>, data: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]);
  const dict = doc.context.obj({ ...entries, Length: data.length } as never) as unknown as PDFDict;
  doc.context.register(PDFRawStream.of(dict, data));
  return doc.save();
}

/**
 * LZW codes that decode to strings of length 1, 2, 3, … m (each code the entry just being defined), with
 * code widths as the decoder widens them (EarlyChange 1). `cycles` dictionaries, each ended by Clear.
 */
function lzwBomb(cycles: number): { data: Uint8Array; decoded: number } {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
      acc &= (1 << bits) - 1;
    }
  };
  let decoded = 0;
  for (let c = 0; c < cycles; c++) {
    let next = 258;
    let width = 9;
    let len = 0;
    put(0, width);
    decoded += ++len;
    while (next < 4095) {
      put(next, width); // the entry being defined: previous string + its first byte
      decoded += ++len;
      next++;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
    put(256, width); // Clear
  }
  put(257, 9); // EOD
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return { data: Uint8Array.from(out), decoded };
}

const ascii85 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const chunk = [0, 1, 2, 3].map((k) => bytes[i + k] ?? 0);
    const n = Math.min(4, bytes.length - i);
    let v = ((chunk[0]! << 24) | (chunk[1]! << 16) | (chunk[2]! << 8) | chunk[3]!) >>> 0;
    if (v === 0 && n === 4) {
      s += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode((v % 85) + 33));
      v = Math.floor(v / 85);
    }
    s += digits.slice(0, n + 1).join('');
  }
  return `${s}~>`;
};

/** A JPEG whose start-of-frame says w × h (no scan data follows: the header is all the pre-scan reads). */
const jpegHeader = (w: number, h: number) =>
  Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    h >> 8,
    h & 0xff,
    w >> 8,
    w & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xd9,
  ]);

/** A JP2 file's signature and header boxes declaring w × h. */
const jp2Header = (w: number, h: number) => {
  const b = Buffer.alloc(12 + 20 + 8 + 22);
  b.write('\0\0\0\x0cjP  \r\n\x87\n', 0, 'latin1');
  b.writeUInt32BE(20, 12);
  b.write('ftypjp2 ', 16, 'latin1');
  b.writeUInt32BE(30, 32);
  b.write('jp2h', 36, 'latin1');
  b.writeUInt32BE(22, 40);
  b.write('ihdr', 44, 'latin1');
  b.writeUInt32BE(h, 48);
  b.writeUInt32BE(w, 52);
  return new Uint8Array(b);
};

describe('prescan counts every filter that grows its input', () => {
  it('LZW: counts exactly what the codes decode to, from their lengths alone', async () => {
    const bomb = lzwBomb(5);
    expect(bomb.decoded).toBeGreaterThan(30 * MB);
    expect(bomb.data.length).toBeLessThan(30_000);
    const pdf = await withStream({ Filter: 'LZWDecode' }, bomb.data);
    expect(await prescan(pdf, limits(bomb.decoded - 1))).toEqual({
      ok: false,
      reason: 'streams that inflate beyond the limit',
    });
    expect(await prescan(pdf, limits(bomb.decoded + 64 * 1024))).toEqual({ ok: true });
  });

  it('RunLength: 2 bytes make 128', async () => {
    const runs = new Uint8Array(2 * 300_000).map((_, i) => (i % 2 === 0 ? 129 : 0x20)); // 300k runs of 128
    const pdf = await withStream({ Filter: 'RunLengthDecode' }, runs);
    expect(await prescan(pdf, limits(32 * MB))).toMatchObject({ ok: false });
    expect(await prescan(pdf, limits(40 * MB))).toEqual({ ok: true });
  });

  it('ASCII85 then Flate: the text encoding is decoded and what it feeds is inflated and counted', async () => {
    const packed = deflateSync(Buffer.alloc(40 * MB, 0x20));
    const pdf = await withStream(
      { Filter: ['ASCII85Decode', 'FlateDecode'] },
      new TextEncoder().encode(ascii85(new Uint8Array(packed))),
    );
    expect(await prescan(pdf, limits(32 * MB))).toEqual({ ok: false, reason: 'streams that inflate beyond the limit' });
    expect(await prescan(pdf, limits(48 * MB))).toEqual({ ok: true });
  });

  it('ASCIIHex then Flate, by abbreviated names too', async () => {
    const packed = deflateSync(Buffer.alloc(40 * MB, 0x20));
    const pdf = await withStream({ Filter: ['AHx', 'Fl'] }, new TextEncoder().encode(`${packed.toString('hex')}>`));
    expect(await prescan(pdf, limits(32 * MB))).toMatchObject({ ok: false });
    expect(await prescan(pdf, limits(48 * MB))).toEqual({ ok: true });
  });

  it("JPEG and JPEG 2000: the pixels of the image's own header, not the dictionary's claim", async () => {
    expect(codecPixels(Buffer.from(jpegHeader(640, 480)), 'DCTDecode')).toBe(640 * 480);
    expect(codecPixels(Buffer.from(jp2Header(640, 480)), 'JPXDecode')).toBe(640 * 480);
    for (const [filter, data] of [
      ['DCTDecode', jpegHeader(20_000, 20_000)],
      ['JPXDecode', jp2Header(20_000, 20_000)],
    ] as const) {
      const lying = await withStream(
        { Type: 'XObject', Subtype: 'Image', Width: 10, Height: 10, Filter: filter },
        data,
      );
      expect(await prescan(lying, limits(256 * MB)), filter).toEqual({
        ok: false,
        reason: 'an image of 400000000 pixels',
      });
    }
    const honest = await withStream(
      { Type: 'XObject', Subtype: 'Image', Width: 640, Height: 480, Filter: 'DCTDecode' },
      jpegHeader(640, 480),
    );
    expect(await prescan(honest, limits(256 * MB))).toEqual({ ok: true });
  });
});
