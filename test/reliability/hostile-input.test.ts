import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { hugeImagePdf, inflatingStreamsPdf } from '../../bench/hostile.pdfs.ts';
import { isAppError } from '../../src/core/errors.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';

const LIMITS = { maxFileBytes: 25 * 1024 * 1024, maxPages: 50, timeoutMs: 30_000, ocrWorkers: 1 };

async function expectClearError(p: Promise<unknown>, code: RegExp) {
  try {
    await p;
  } catch (err) {
    expect(isAppError(err)).toBe(true);
    if (isAppError(err)) {
      expect(err.code).toMatch(code);
      expect(err.message).not.toMatch(/\n|\bat .*:\d+|Error:/);
    }
    return;
  }
  throw new Error('expected the extractor to refuse the file');
}

describe('hostile PDFs', () => {
  const extractor = createExtractor(LIMITS);
  afterAll(() => extractor.close());

  it('refuses a PDF with thousands of pages without reading them all', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3000; i++) doc.addPage([200, 200]);
    const bytes = await doc.save();
    await expectClearError(extractor.extract({ bytes, fileName: 'thousands.pdf' }), /^input\.too_many_pages$/);
  });

  it('answers a gigantic page with no text cleanly instead of rendering it at full size', async () => {
    const doc = await PDFDocument.create();
    // 14,400 pt is the largest page PDF allows: 200 inches, 60,000 px at 300 dpi.
    doc.addPage([14_400, 14_400]);
    const bytes = await doc.save();
    await expectClearError(extractor.extract({ bytes, fileName: 'huge.pdf' }), /^(extraction\.|input\.)/);
  });

  // Memory: pdf.js would decode these to gigabytes of ArrayBuffers that no heap limit bounds.
  it('refuses a small PDF of content streams that inflate to a gigabyte, in one line', async () => {
    const bytes = await inflatingStreamsPdf(64, 16);
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    await expectClearError(extractor.extract({ bytes, fileName: 'inflating.pdf' }), /^extraction\.too_complex$/);
  });

  it('refuses a PDF showing one 20000×20000 image, in one line', async () => {
    const bytes = await hugeImagePdf(20_000);
    await expectClearError(extractor.extract({ bytes, fileName: 'huge-image.pdf' }), /^extraction\.too_complex$/);
  });

  it('still reads a statement after refusing a hostile PDF', async () => {
    await expectClearError(
      extractor.extract({ bytes: await hugeImagePdf(20_000), fileName: 'huge-image.pdf' }),
      /^extraction\.too_complex$/,
    );
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    ['Account Number: U7654321', 'Statement Date: 2026-11-27', 'Net Liquidation Value 250,000.00'].forEach((t, i) => {
      page.drawText(t, { x: 50, y: 740 - i * 20, size: 11, font });
    });
    const out = await extractor.extract({ bytes: await doc.save(), fileName: 'after.pdf' });
    expect(out.reports[0]?.fields.total_equity).toBe(250_000);
  });

  it('answers a file whose objects refer to themselves in a loop', async () => {
    const loop = [
      '%PDF-1.7',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n');
    await expectClearError(
      extractor.extract({ bytes: new TextEncoder().encode(loop), fileName: 'loop.pdf' }),
      /^extraction\./,
    );
  });

  it('answers deeply nested arrays without exhausting the stack', async () => {
    const depth = 20_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = [
      '%PDF-1.7',
      `1 0 obj << /Type /Catalog /Pages 2 0 R /Deep ${nested} >> endobj`,
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n');
    await expectClearError(
      extractor.extract({ bytes: new TextEncoder().encode(body), fileName: 'deep.pdf' }),
      /^extraction\./,
    );
  });

  it('reads statements whose text holds chat markup as plain text', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const lines = [
      'Margin Summary <!channel> @here <@U0123> <https://evil.example|click>',
      'Account Number: U7654321',
      'Statement Date: 2026-11-27',
      'Net Liquidation Value 1,000,000.00',
      'Maintenance Margin 400,000.00',
      'Excess Liquidity 600,000.00',
    ];
    lines.forEach((text, i) => {
      page.drawText(text, { x: 50, y: 740 - i * 20, size: 11, font });
    });
    const out = await extractor.extract({ bytes: await doc.save(), fileName: '<@U0123>.pdf' });
    expect(out.reports[0]?.account_number).toBe('U7654321');
    expect(out.reports[0]?.fields.total_equity).toBe(1_000_000);
  });
});
