/**
 * Hostile PDFs of the kinds that once took the service's memory (issue 18), generated in a moment and
 * never committed: small files that decode to gigabytes. Their compressed data is built from
 * repeated deflate blocks, so making them costs neither the time nor the memory they would cost to read.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/** A zlib stream that inflates to `bytes` zero bytes (NUL: whitespace in a content stream), built in blocks. */
function zeros(bytes: number): Uint8Array {
  const block = 4 * 1024 * 1024;
  const full = deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  let left = bytes;
  for (; left >= block; left -= block) parts.push(full);
  parts.push(deflateRawSync(Buffer.alloc(left), { level: 9 })); // the final block
  const b = bytes % 65521; // adler32 of n zero bytes: a = 1, b = n mod 65521
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(((b << 16) | 1) >>> 0);
  parts.push(trailer);
  return new Uint8Array(Buffer.concat(parts));
}

/** One page whose content is `count` Flate streams of `mb` MB each (64 × 16 MB is about 1 MB of file). */
export async function inflatingStreamsPdf(count = 64, mb = 16): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const data = zeros(mb * 1024 * 1024);
  for (let i = 0; i < count; i++) {
    const dict = doc.context.obj({ Filter: 'FlateDecode', Length: data.length });
    page.node.addContentStream(doc.context.register(PDFRawStream.of(dict, data)));
  }
  return doc.save();
}

/** One page showing one `side`×`side` RGB image (20000² is 1.2 GB decoded, about 1.2 MB of file). */
export async function hugeImagePdf(side = 20_000): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const data = zeros(side * side * 3);
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: side,
    Height: side,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    Length: data.length,
  });
  const ref = doc.context.register(PDFRawStream.of(dict, data));
  page.node.setXObject(PDFName.of('Im0'), ref);
  page.node.addContentStream(doc.context.register(doc.context.stream('q 612 0 0 792 0 0 cm /Im0 Do Q')));
  return doc.save();
}
