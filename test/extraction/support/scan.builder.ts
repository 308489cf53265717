import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

/**
 * Turns a text PDF into a "scanned" one: each page rendered to a JPEG at `dpi`, tilted by
 * `rotateDeg`, with a little noise, and placed as the only content of the page (no text layer).
 */
export async function scanPdf(
  bytes: Uint8Array,
  opts: { dpi?: number; rotateDeg?: number; noise?: number; quality?: number; pages?: number[] } = {},
): Promise<Uint8Array> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const src = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const out = await PDFDocument.load(bytes);
  const dpi = opts.dpi ?? 200;
  for (let i = 1; i <= src.numPages; i++) {
    if (opts.pages && !opts.pages.includes(i - 1)) continue;
    const page = await src.getPage(i);
    const vp = page.getViewport({ scale: dpi / 72 });
    const w = Math.ceil(vp.width);
    const h = Math.ceil(vp.height);
    const flat = createCanvas(w, h);
    const fctx = flat.getContext('2d');
    fctx.fillStyle = '#fff';
    fctx.fillRect(0, 0, w, h);
    await page.render({ canvasContext: fctx as never, canvas: flat as never, viewport: vp }).promise;
    const tilted = createCanvas(w, h);
    const ctx = tilted.getContext('2d');
    ctx.fillStyle = '#f4f4f0';
    ctx.fillRect(0, 0, w, h);
    ctx.translate(w / 2, h / 2);
    ctx.rotate(((opts.rotateDeg ?? 0) * Math.PI) / 180);
    ctx.drawImage(flat, -w / 2, -h / 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const img = ctx.getImageData(0, 0, w, h);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff - 0.5;
    };
    const noise = opts.noise ?? 6;
    for (let p = 0; p < img.data.length; p += 4) {
      const n = rnd() * 2 * noise;
      for (let c = 0; c < 3; c++) img.data[p + c] = Math.max(0, Math.min(255, img.data[p + c]! + n));
    }
    ctx.putImageData(img, 0, 0);
    const jpg = await tilted.encode('jpeg', opts.quality ?? 60);
    const embedded = await out.embedJpg(jpg);
    const target = out.getPage(i - 1);
    const { width, height } = target.getSize();
    // Replace the page content by the image: a new page in the same place.
    out.removePage(i - 1);
    const np = out.insertPage(i - 1, [width, height]);
    np.drawImage(embedded, { x: 0, y: 0, width, height });
  }
  await src.destroy();
  return out.save();
}
