/**
 * PDFs whose text layer lies, as some producers write them: glyphs drawn one at a time in shuffled
 * order, words spaced by TJ kerning instead of space characters, a Type 3 font with no usable
 * Unicode map, figures drawn as vector outlines, and a text header over scanned figures. Each
 * shows the same statement to the eye; only the text layer differs.
 */
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, type PDFFont, PDFName, type PDFPage, StandardFonts } from 'pdf-lib';
import type { Placed } from './pdf.builder.ts';

const W = 612;
const H = 792;

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

function lcg(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function start(): Promise<{ doc: PDFDocument; page: PDFPage; font: PDFFont; fontName: string }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([W, H]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const fontName = page.node.newFontDictionary('F1', font.ref).asString();
  return { doc, page, font, fontName };
}

function addContent(doc: PDFDocument, page: PDFPage, content: string): void {
  page.node.addContentStream(doc.context.register(doc.context.stream(content)));
}

/** Every glyph its own `Tj` at its own position, in a shuffled order, with no space characters at all. */
export async function shuffledGlyphsPdf(items: Placed[], seed = 1): Promise<Uint8Array> {
  const { doc, page, font, fontName } = await start();
  const glyphs: string[] = [];
  for (const [text, x, y, size = 10] of items) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === ' ') continue;
      const gx = x + font.widthOfTextAtSize(text.slice(0, i), size);
      glyphs.push(`BT ${fontName} ${size} Tf 1 0 0 1 ${n(gx)} ${n(H - y)} Tm (${esc(text[i]!)}) Tj ET`);
    }
  }
  const rnd = lcg(seed);
  for (let i = glyphs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [glyphs[i], glyphs[j]] = [glyphs[j]!, glyphs[i]!];
  }
  addContent(doc, page, glyphs.join('\n'));
  return doc.save();
}

/**
 * One `TJ` per row: the words of a row as separate strings, with the spaces between words and the
 * gaps between columns written as kerning (negative adjustments) instead of space characters.
 */
export async function kernedPdf(items: Placed[]): Promise<Uint8Array> {
  const { doc, page, font, fontName } = await start();
  const rowsByY = new Map<number, Placed[]>();
  for (const it of items) rowsByY.set(it[2], [...(rowsByY.get(it[2]) ?? []), it]);
  const ops: string[] = [];
  for (const [y, row] of rowsByY) {
    row.sort((a, b) => a[1] - b[1]);
    const size = row[0]![3] ?? 10;
    const parts: string[] = [];
    let cursor = row[0]![1];
    const space = font.widthOfTextAtSize(' ', size);
    for (const [text, x] of row) {
      if (x > cursor) parts.push(n((-(x - cursor) / size) * 1000));
      text.split(' ').forEach((word, i) => {
        if (i > 0) parts.push(n((-space / size) * 1000));
        parts.push(`(${esc(word)})`);
      });
      cursor = x + font.widthOfTextAtSize(text, size);
    }
    ops.push(`BT ${fontName} ${size} Tf 1 0 0 1 ${n(row[0]![1])} ${n(H - y)} Tm [${parts.join(' ')}] TJ ET`);
  }
  addContent(doc, page, ops.join('\n'));
  return doc.save();
}

/** Rectangles (x, y from the baseline-left origin, upwards; w, h) that paint `text` in Helvetica at `size`. */
async function inkRects(text: string, size: number, pxPerPt = 4): Promise<number[][]> {
  const src = await PDFDocument.create();
  const font = await src.embedFont(StandardFonts.Helvetica);
  const pw = font.widthOfTextAtSize(text, size) + 20;
  const ph = size * 2;
  const base = size * 0.6;
  src.addPage([pw, ph]).drawText(text, { x: 10, y: base, size, font });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: await src.save(), isEvalSupported: false, verbosity: 0 }).promise;
  const pg = await pdf.getPage(1);
  const vp = pg.getViewport({ scale: pxPerPt });
  const cw = Math.ceil(vp.width);
  const ch = Math.ceil(vp.height);
  const canvas = createCanvas(cw, ch);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, cw, ch);
  await pg.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise;
  const px = ctx.getImageData(0, 0, cw, ch).data;
  await pdf.destroy();
  // Runs of dark pixels per row; identical runs in consecutive rows merge into one taller rectangle.
  const open = new Map<string, number[]>();
  const rects: number[][] = [];
  for (let r = 0; r <= ch; r++) {
    const runs = new Set<string>();
    if (r < ch) {
      let s = -1;
      for (let c = 0; c <= cw; c++) {
        const dark = c < cw && px[(r * cw + c) * 4]! < 128;
        if (dark && s < 0) s = c;
        if (!dark && s >= 0) {
          runs.add(`${s}:${c}`);
          s = -1;
        }
      }
    }
    for (const [key, rect] of open) {
      if (runs.has(key)) {
        rect[3]!++;
        runs.delete(key);
      } else {
        rects.push(rect);
        open.delete(key);
      }
    }
    for (const key of runs) {
      const [a, b] = key.split(':').map(Number) as [number, number];
      open.set(key, [a, r, b - a, 1]);
    }
  }
  // Pixel rectangles (x, top row, w, rows) to points from the baseline-left origin.
  return rects.map(([x, top, w, rows]) => [
    x! / pxPerPt - 10,
    ph - (top! + rows!) / pxPerPt - base,
    w! / pxPerPt,
    rows! / pxPerPt,
  ]);
}

/**
 * Text in a Type 3 font whose glyphs are drawn shapes and whose codes say nothing: `control` uses codes
 * 1.. with meaningless glyph names and no ToUnicode (extraction yields control characters); `cipher`
 * maps every character to another printable one (extraction yields plausible-looking nonsense).
 * With `only`, just the items it picks use that font; the rest are plain text.
 */
export async function type3Pdf(
  items: Placed[],
  mode: 'control' | 'cipher',
  seed = 3,
  only: (p: Placed) => boolean = () => true,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([W, H]);
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  const plain = items.filter((p) => !only(p));
  items = items.filter(only);
  const chars = [...new Set(items.flatMap(([t]) => [...t]))].sort();
  const rnd = lcg(seed);
  const pool = mode === 'control' ? chars.map((_, i) => i + 1) : chars.map((_, i) => 33 + i);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const codeOf = new Map(chars.map((c, i) => [c, pool[i]!]));
  const ctx = doc.context;
  const procs = ctx.obj({});
  const widths: number[] = [];
  const first = Math.min(...pool);
  const last = Math.max(...pool);
  const differences: (number | PDFName)[] = [];
  for (let code = first; code <= last; code++) {
    const ch = chars[pool.indexOf(code)];
    widths.push(ch ? Math.round(helv.widthOfTextAtSize(ch, 1000)) : 0);
    if (!ch) continue;
    const glyph = `q${code.toString(36)}z`;
    differences.push(code, PDFName.of(glyph));
    const rects = ch === ' ' ? [] : await inkRects(ch, 50);
    const body = [`${widths[widths.length - 1]} 0 d0`, ...rects.map((r) => `${r.map((v) => n(v * 20)).join(' ')} re`)];
    if (rects.length) body.push('f');
    procs.set(PDFName.of(glyph), ctx.register(ctx.stream(body.join('\n'))));
  }
  const font = ctx.obj({
    Type: 'Font',
    Subtype: 'Type3',
    FontBBox: [0, -250, 1000, 1000],
    FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    CharProcs: procs,
    Encoding: ctx.obj({ Type: 'Encoding', Differences: ctx.obj(differences) }),
    FirstChar: first,
    LastChar: last,
    Widths: ctx.obj(widths),
    Resources: ctx.obj({}),
  });
  const name = page.node.newFontDictionary('T3', ctx.register(font)).asString();
  const hex = (t: string) => [...t].map((c) => codeOf.get(c)!.toString(16).padStart(2, '0')).join('');
  const ops = items.map(
    ([text, x, y, size = 10]) => `BT ${name} ${size} Tf 1 0 0 1 ${n(x)} ${n(H - y)} Tm <${hex(text)}> Tj ET`,
  );
  // The items `only` leaves out are plain Helvetica text: a text layer good in one region, lying in another.
  const helvName = page.node.newFontDictionary('F1', helv.ref).asString();
  for (const [text, x, y, size = 10] of plain)
    ops.push(`BT ${helvName} ${size} Tf 1 0 0 1 ${n(x)} ${n(H - y)} Tm (${esc(text)}) Tj ET`);
  addContent(doc, page, ops.join('\n'));
  return doc.save();
}

/** Labels as text; the items `figure` picks are drawn as filled vector shapes, with no text behind them. */
export async function outlinedFiguresPdf(items: Placed[], figure: (p: Placed) => boolean): Promise<Uint8Array> {
  const { doc, page, fontName } = await start();
  const ops: string[] = [];
  for (const it of items) {
    const [text, x, y, size = 10] = it;
    if (!figure(it)) {
      ops.push(`BT ${fontName} ${size} Tf 1 0 0 1 ${n(x)} ${n(H - y)} Tm (${esc(text)}) Tj ET`);
      continue;
    }
    // One path per figure, as a PDF printer that converts text to outlines writes it.
    const rects = await inkRects(text, size);
    ops.push(
      `${rects.map(([rx, ry, rw, rh]) => `${n(x + rx!)} ${n(H - y + ry!)} ${n(rw!)} ${n(rh!)} re`).join(' ')} f`,
    );
  }
  addContent(doc, page, ops.join('\n'));
  return doc.save();
}

/**
 * A printed header as text over a scanned image of the rest: the items `figure` picks appear only
 * in the image. The header alone is a plausible text layer, so only the region can tell.
 */
export async function scannedFiguresPdf(
  items: Placed[],
  figure: (p: Placed) => boolean,
  dpi = 200,
): Promise<Uint8Array> {
  const scan = await PDFDocument.create();
  const helv = await scan.embedFont(StandardFonts.Helvetica);
  const sp = scan.addPage([W, H]);
  for (const it of items.filter(figure)) sp.drawText(it[0], { x: it[1], y: H - it[2], size: it[3] ?? 10, font: helv });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: await scan.save(), isEvalSupported: false, verbosity: 0 }).promise;
  const pg = await pdf.getPage(1);
  const vp = pg.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fafaf6';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await pg.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise;
  await pdf.destroy();
  const { doc, page, fontName } = await start();
  const img = await doc.embedJpg(await canvas.encode('jpeg', 75));
  page.drawImage(img, { x: 0, y: 0, width: W, height: H });
  const ops = items
    .filter((it) => !figure(it))
    .map(([text, x, y, size = 10]) => `BT ${fontName} ${size} Tf 1 0 0 1 ${n(x)} ${n(H - y)} Tm (${esc(text)}) Tj ET`);
  addContent(doc, page, ops.join('\n'));
  return doc.save();
}
