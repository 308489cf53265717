import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { hugeImagePdf, inflatingStreamsPdf } from '../../bench/hostile.pdfs.ts';
import { DEFAULT_LIMITS, prescan } from '../../src/extraction/pdf/pdf.prescan.ts';

const limits = { maxDecodedBytes: 64 * 1024 * 1024, maxImagePixels: 40_000_000, maxTotalImagePixels: 100_000_000 };

describe('prescan', () => {
  it('passes an ordinary statement', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText('Net Liquidation Value 1,000,000.00', { x: 50, y: 700, size: 11, font });
    expect(await prescan(await doc.save(), DEFAULT_LIMITS)).toEqual({ ok: true });
  });

  it('counts what streams inflate to, with nested dictionaries in the stream dictionary', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const data = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    for (let i = 0; i < 2; i++) {
      const dict = doc.context.obj({ Filter: 'FlateDecode', DecodeParms: { Predictor: 1 }, Length: data.length });
      page.node.addContentStream(doc.context.register(PDFRawStream.of(dict, new Uint8Array(data))));
    }
    const verdict = await prescan(await doc.save(), limits);
    expect(verdict).toEqual({ ok: false, reason: 'streams that inflate beyond the limit' });
    expect(await prescan(await doc.save(), { ...limits, maxDecodedBytes: 100 * 1024 * 1024 })).toEqual({ ok: true });
  });

  it('refuses the hostile kinds before anything is decoded in full', async () => {
    expect(await prescan(await inflatingStreamsPdf(64, 16), DEFAULT_LIMITS)).toMatchObject({ ok: false });
    expect(await prescan(await hugeImagePdf(20_000), DEFAULT_LIMITS)).toEqual({
      ok: false,
      reason: 'an image of 20000×20000 pixels',
    });
  });
});
