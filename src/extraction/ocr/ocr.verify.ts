import type { ExtractedAccount } from '../fields/fields.extractor.ts';
import { repairOcrDigits } from '../layout/segments.ts';
import { findAmounts } from '../parse/value.parser.ts';
import type { PageImage } from '../pdf/page.types.ts';
import { type Gray, readPgm } from './lost.marks.ts';
import type { Level, OcrPool } from './ocr.pool.ts';

/** A box on the page in PDF points, in the levelled space the line builder worked in. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrPage {
  images: PageImage[];
  level: Level;
}

/**
 * The pixels around a figure in the scan as it was recognised: undo the levelling, widen the box to
 * the left (a dropped leading digit sits there) and a little around, and cut a small PGM.
 */
export function cropAround(page: OcrPage, box: Box): Uint8Array | null {
  const h = box.y1 - box.y0;
  const w = box.x1 - box.x0;
  const cut = cutOut(page, {
    x0: box.x0 - Math.max(1.2 * w, 30),
    x1: box.x1 + 10,
    y0: box.y0 - 0.4 * h,
    y1: box.y1 + 0.4 * h,
  });
  if (!cut) return null;
  const header = new TextEncoder().encode(`P5\n${cut.width} ${cut.height}\n255\n`);
  const out = new Uint8Array(header.length + cut.pixels.length);
  out.set(header, 0);
  out.set(cut.pixels, header.length);
  return out;
}

/**
 * The pixels of a box of the levelled page (PDF points) in the scan as it was recognised: the box is
 * turned back by the page's skew and cut, upright, from the band that holds its centre.
 */
export function cutOut(page: OcrPage, wide: Box): Gray | null {
  const { level } = page;
  const th = Math.atan(level.slope);
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const corners = [
    [wide.x0, wide.y0],
    [wide.x1, wide.y0],
    [wide.x0, wide.y1],
    [wide.x1, wide.y1],
  ].map(([x, y]) => {
    // Inverse of levelWords: rotate back by the page's skew.
    const dx = x! - level.cx;
    const dy = y! - level.cy;
    return [level.cx + dx * cos - dy * sin, level.cy + dx * sin + dy * cos] as const;
  });
  // The band that holds the box's centre.
  const midY = (Math.min(...corners.map((c) => c[1])) + Math.max(...corners.map((c) => c[1]))) / 2;
  const image = page.images.find((im) => {
    const height = readPgm(im.pgm)?.height ?? 0;
    return midY * im.scale >= im.offsetY && midY * im.scale < im.offsetY + height;
  });
  const gray = image && readPgm(image.pgm);
  if (!image || !gray) return null;
  const { width, height, pixels } = gray;
  if (!width || !height) return null;
  const px = (v: number, off: number, max: number) => Math.max(0, Math.min(max, Math.round(v * image.scale - off)));
  const x0 = px(Math.min(...corners.map((c) => c[0])), image.offsetX, width);
  const x1 = px(Math.max(...corners.map((c) => c[0])), image.offsetX, width);
  const y0 = px(Math.min(...corners.map((c) => c[1])), image.offsetY, height);
  const y1 = px(Math.max(...corners.map((c) => c[1])), image.offsetY, height);
  if (x1 - x0 < 8 || y1 - y0 < 8) return null;
  const cw = x1 - x0;
  const out = new Uint8Array(cw * (y1 - y0));
  for (let y = y0; y < y1; y++) out.set(pixels.subarray(y * width + x0, y * width + x1), (y - y0) * cw);
  return { pixels: out, width: cw, height: y1 - y0 };
}

/**
 * Reads the figure again on its own. True when the second reading finds the same amount (or, where it
 * parses no amount, the same digits: `556.346.75` for 556,346.75), false when it finds a different one,
 * null when it reads nothing useful (no opinion).
 */
export async function confirmFigure(
  pool: OcrPool,
  page: OcrPage,
  box: Box,
  value: number,
  signal?: AbortSignal,
): Promise<boolean | null> {
  const pgm = cropAround(page, box);
  if (!pgm) return null;
  const { text } = await pool.readLine(pgm, signal);
  return sameFigure(text, value);
}

/** Whether a second reading's text shows `value` (see confirmFigure). */
export function sameFigure(text: string, value: number): boolean | null {
  const repaired = repairOcrDigits(text);
  const amounts = findAmounts(repaired);
  if (amounts.length > 0) return amounts.some((a) => Math.abs(Math.abs(a.value) - Math.abs(value)) < 0.005);
  const digits = Math.abs(value).toFixed(2).replace('.', '');
  return repaired.replace(/\D/g, '').includes(digits) ? true : null;
}

/** Confidence of an OCR figure that rests on one reading: no identity and no second reading confirm it. */
const UNCONFIRMED = 0.75;

/** Fields already proven by an exact cross-check (equity − requirement = excess, and so on): no re-read needed. */
function crossChecked(account: ExtractedAccount): Set<string> {
  const v = (f: keyof ExtractedAccount['fields']) => account.fields[f]?.value;
  const same = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && Math.abs(a - b) <= 0.05;
  const out = new Set<string>();
  const eq = v('total_equity');
  const ex = v('excess_liquidity');
  const mr = v('maintenance_requirement');
  const ir = v('initial_requirement');
  if (eq !== undefined && mr !== undefined && same(eq - mr, ex))
    out.add('total_equity').add('maintenance_requirement').add('excess_liquidity');
  if (eq !== undefined && ir !== undefined && same(eq - ir, ex))
    out.add('total_equity').add('initial_requirement').add('excess_liquidity');
  const cash = v('cash_balance');
  const lmv = v('long_market_value');
  const smv = v('short_market_value');
  if (cash !== undefined && lmv !== undefined && smv !== undefined && same(cash + lmv + smv, eq)) {
    out.add('total_equity').add('cash_balance').add('long_market_value').add('short_market_value');
  }
  const call = v('margin_call');
  if (
    call !== undefined &&
    ex !== undefined &&
    out.has('excess_liquidity') &&
    (same(call, -ex) || (call === 0 && ex >= 0))
  )
    out.add('margin_call');
  return out;
}

/**
 * Second opinion on every confident figure read by OCR that no identity confirms: the figure is cut out
 * of the scan and read again as one line. Two readings that agree confirm it; a different result drops
 * its confidence below review and names the field, so an OCR slip with a high word confidence (a lost
 * leading digit) never looks ready; a second reading that finds no figure at all confirms nothing either,
 * so the figure rests on one reading alone and goes to review too (an issue names it).
 */
export async function verifyOcrFigures(
  accounts: ExtractedAccount[],
  pages: ReadonlyMap<number, OcrPage>,
  pool: OcrPool,
  signal?: AbortSignal,
): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const account of accounts) {
    const agreed = crossChecked(account);
    for (const [field, reading] of Object.entries(account.fields)) {
      const page = reading.page === undefined ? undefined : pages.get(reading.page);
      if (!page || !reading.box || reading.conf < 0.8 || agreed.has(field)) continue;
      const box = reading.box;
      jobs.push(
        confirmFigure(pool, page, box, reading.value, signal).then((same) => {
          if (same === true || signal?.aborted) return;
          const name = field.replace(/_/g, ' ');
          const figure = reading.value.toLocaleString('en-US');
          reading.conf = Math.min(reading.conf, same === false ? 0.7 : UNCONFIRMED);
          account.issues.push(
            same === false
              ? {
                  code: 'ocr_unverified',
                  field,
                  severity: 'warning',
                  message: `A second reading of the scanned ${name} did not confirm ${figure}; check ${field} against the document.`,
                }
              : {
                  code: 'ocr_unverified',
                  field,
                  severity: 'info',
                  message: `A second reading of the scanned ${name} found no figure, so nothing confirms ${figure}; check ${field} against the document.`,
                },
          );
        }),
      );
    }
  }
  await Promise.all(jobs);
}
