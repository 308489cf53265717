// "Scanning": render each page with poppler's pdftoppm, then tilt, shift, add paper tone, sensor noise and
// specks with @napi-rs/canvas, and store the page as a JPEG image in a new PDF with no text layer.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import type { Rng } from './prng.ts';

export interface ScanOpts {
  dpi: number;
  /** degrees, |angle| <= 2 */
  angle: number;
  /** standard deviation of the per-pixel noise, in grey levels */
  noise: number;
  /** JPEG quality 0..100 */
  quality: number;
  /** device name written as the PDF producer */
  device: string;
  created: Date;
}

export function randomScan(rng: Rng, created: Date): ScanOpts {
  return {
    dpi: rng.pick([150, 200, 200, 240, 300]),
    angle: Number(rng.range(-1.8, 1.8).toFixed(2)),
    noise: rng.range(5, 11),
    quality: rng.int(55, 72),
    device: rng.pick([
      'Canon iR-ADV C5535 III',
      'RICOH IM C3000',
      'HP LaserJet MFP M528',
      'Xerox AltaLink C8130',
      'Fujitsu fi-7160',
    ]),
    created,
  };
}

function renderPages(pdf: Uint8Array, dpi: number): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-scan-'));
  const src = path.join(dir, 'in.pdf');
  fs.writeFileSync(src, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', src, path.join(dir, 'p')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')))
    .map((f) => path.join(dir, f));
}

async function degrade(pngPath: string, rng: Rng, o: ScanOpts): Promise<Buffer> {
  const img = await loadImage(fs.readFileSync(pngPath));
  const w = img.width;
  const h = img.height;
  const c = createCanvas(w, h);
  const g = c.getContext('2d');
  const paper = rng.int(236, 248);
  g.fillStyle = `rgb(${paper},${paper},${paper})`;
  g.fillRect(0, 0, w, h);
  g.save();
  g.translate(w / 2 + rng.range(-0.006, 0.006) * w, h / 2 + rng.range(-0.006, 0.006) * h);
  g.rotate((o.angle * Math.PI) / 180);
  g.globalCompositeOperation = 'multiply';
  g.drawImage(img, -w / 2, -h / 2, w, h);
  g.restore();
  const data = g.getImageData(0, 0, w, h);
  const px = data.data;
  const edge = Math.round(w * rng.range(0.004, 0.012));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      let v = px[i]! * 0.98 + rng.gauss() * o.noise;
      if (x < edge || x > w - edge) v -= 70; // scanner-lid shadow
      if (rng.next() < 0.00025) v = rng.int(10, 90); // dust specks
      v = Math.max(0, Math.min(255, v));
      px[i] = v;
      px[i + 1] = v;
      px[i + 2] = v;
    }
  }
  g.putImageData(data, 0, 0);
  return c.encode('jpeg', o.quality);
}

/**
 * Returns a PDF whose pages listed in `which` (0-based; all when omitted) are scanned images and whose other
 * pages are copied unchanged from `pdf` (a mixed document).
 */
export async function scanPdf(pdf: Uint8Array, rng: Rng, o: ScanOpts, which?: number[]): Promise<Uint8Array> {
  const src = await PDFDocument.load(pdf);
  const pngs = renderPages(pdf, o.dpi);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setProducer(which ? 'Adobe Acrobat Pro (64-bit) 24.4.20272' : o.device);
  out.setCreator(which ? 'Adobe Acrobat Pro (64-bit) 24.4.20272' : o.device);
  out.setCreationDate(o.created);
  out.setModificationDate(o.created);
  const n = src.getPageCount();
  for (let i = 0; i < n; i++) {
    const orig = src.getPage(i);
    const { width, height } = orig.getSize();
    if (which && !which.includes(i)) {
      const [copy] = await out.copyPages(src, [i]);
      out.addPage(copy!);
      continue;
    }
    const jpg = await out.embedJpg(await degrade(pngs[i]!, rng, o));
    const page = out.addPage([width, height]);
    page.drawImage(jpg, { x: 0, y: 0, width, height });
  }
  fs.rmSync(path.dirname(pngs[0]!), { recursive: true, force: true });
  return out.save({ useObjectStreams: false });
}
