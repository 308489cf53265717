import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type Box, contains, cropRegion, intersects } from '../../src/core/evidence/crop.region.ts';
import { renderEvidenceCrop } from '../../src/render/evidence.crop.ts';

/** A one-page statement with two accounts stacked: each has its own labels and values. */
async function twoAccounts(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const rows = (top: number, account: string, values: [string, string][]) => {
    page.drawText(`Account ${account}`, { x: 50, y: 792 - top, size: 12, font });
    values.forEach(([label, value], i) => {
      page.drawText(label, { x: 50, y: 792 - top - 20 - i * 16, size: 10, font });
      page.drawText(value, { x: 400, y: 792 - top - 20 - i * 16, size: 10, font });
    });
  };
  rows(100, 'A-111', [
    ['Net Liquidation Value', '1,234,567.89'],
    ['Maintenance Margin', '456,789.00'],
    ['Excess Liquidity', '777,778.89'],
  ]);
  rows(180, 'B-222', [
    ['Net Liquidation Value', '9,999,999.99'],
    ['Maintenance Margin', '8,888,888.88'],
    ['Excess Liquidity', '1,111,111.11'],
  ]);
  return doc.save();
}

/** Where pdf.js's text layer puts each string, in points from the top-left (the evidence convention). */
async function textBoxes(pdf: Uint8Array): Promise<Map<string, Box>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const vp = page.getViewport({ scale: 1 });
  const out = new Map<string, Box>();
  for (const item of (await page.getTextContent()).items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const tx = pdfjs.Util.transform(vp.transform, item.transform);
    const h = Math.hypot(tx[2]!, tx[3]!);
    if (!out.has(item.str)) out.set(item.str, [tx[4]!, tx[5]! - h * 0.8, tx[4]! + item.width, tx[5]! + h * 0.2]);
  }
  await doc.destroy();
  return out;
}

describe('Show source crops', () => {
  it('renders only the region around the value, boxes the value’s printed text, and never shows another report', async () => {
    const pdf = await twoAccounts();
    const boxes = await textBoxes(pdf);
    const value = boxes.get('777,778.89')!;
    const others = ['Account B-222', '9,999,999.99', '8,888,888.88', '1,111,111.11'].map((s) => boxes.get(s)!);
    const evidence = { page: 1, bbox: value, label: 'Excess Liquidity', text: '777,778.89' };
    const region = cropRegion(evidence, others, { width: 612, height: 792 });
    expect(contains(region, value)).toBe(true);
    expect(contains(region, boxes.get('Excess Liquidity')!)).toBe(true); // its label is in view
    for (const o of others) expect(intersects(region, o)).toBe(false);

    const crop = await renderEvidenceCrop({ pdf, page: 1, region, box: value });
    // Only the region was rendered: the image is the region's size at 144 dpi, not the page's.
    expect(crop.width).toBe(Math.ceil((region[2] - region[0]) * 2));
    expect(crop.height).toBe(Math.ceil((region[3] - region[1]) * 2));
    expect(crop.width * crop.height).toBeLessThan(612 * 2 * 792 * 2 * 0.1);
    // The drawn box contains the value's text-layer box, in the crop's pixels.
    const inPx: Box = [
      (value[0] - region[0]) * 2,
      (value[1] - region[1]) * 2,
      (value[2] - region[0]) * 2,
      (value[3] - region[1]) * 2,
    ];
    expect(contains(crop.boxPx, inPx)).toBe(true);
    // And the printed text is really there: dark ink inside the value's box, the red frame around it.
    const img = await loadImage(Buffer.from(crop.png));
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    for (let y = Math.ceil(inPx[1]); y < Math.floor(inPx[3]); y++)
      for (let x = Math.ceil(inPx[0]); x < Math.floor(inPx[2]); x++) {
        const i = (y * img.width + x) * 4;
        if (px[i]! < 100 && px[i + 1]! < 100 && px[i + 2]! < 100) ink++;
      }
    expect(ink).toBeGreaterThan(30);
    const frame = (Math.round(crop.boxPx[1]) * img.width + Math.round((crop.boxPx[0] + crop.boxPx[2]) / 2)) * 4;
    expect(px[frame]!).toBeGreaterThan(180);
    expect(px[frame + 1]!).toBeLessThan(100);
  });

  it('the other report’s crop does not reach the first report either', async () => {
    const pdf = await twoAccounts();
    const boxes = await textBoxes(pdf);
    const value = boxes.get('9,999,999.99')!;
    const others = ['Account A-111', '1,234,567.89', '456,789.00', '777,778.89'].map((s) => boxes.get(s)!);
    const region = cropRegion({ page: 1, bbox: value, label: null, text: '9,999,999.99' }, others, {
      width: 612,
      height: 792,
    });
    expect(contains(region, value)).toBe(true);
    for (const o of others) expect(intersects(region, o)).toBe(false);
  });
});
