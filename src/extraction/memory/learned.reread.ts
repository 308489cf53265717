import type { Segment, Segmented } from '../layout/segments.ts';
import { repairOcrDigits } from '../layout/segments.ts';
import { type Gray, readPgm } from '../ocr/lost.marks.ts';
import type { OcrPool } from '../ocr/ocr.pool.ts';
import { cropAround, type OcrPage } from '../ocr/ocr.verify.ts';
import { cropPgm } from '../ocr/reread.ts';
import { editDistance } from '../parse/edit.distance.ts';
import { findAmounts } from '../parse/value.parser.ts';
import type { LearnedRule } from './layout.rule.ts';
import type { DocumentMemory } from './memory.recall.ts';
import { figureOn, recallFields } from './rule.recall.ts';

/**
 * The cells a layout's rules point at on a scanned statement, read again before extraction: an
 * approver showed that the field is printed there, so a figure the page-wide OCR pass misread there
 * (a lost leading digit: `2,408.72` for `22,408.72`) costs the field, and every identity that holds
 * it. Each cell is cut out and read on its own, as it is and scaled up twice; where both readings
 * agree on one figure that differs from the first reading by one digit at most, that figure stands
 * in for it. The identities then weigh it like any reading.
 */
export async function rereadLearnedCells(
  lines: Segmented[],
  memory: DocumentMemory,
  scans: ReadonlyMap<number, OcrPage>,
  pool: OcrPool,
  signal?: AbortSignal,
): Promise<number> {
  const cells = new Map<Segment, Segmented>();
  for (const rule of memory.rules) for (const [seg, line] of cellsOf(lines, rule, memory)) cells.set(seg, line);
  let mended = 0;
  for (const [seg, line] of cells) {
    const page = scans.get(line.page);
    if (!page || !seg.amount || signal?.aborted) continue;
    const cell = cellImage(page, seg, line);
    if (!cell) continue;
    const first = mendedFigure(seg, (await pool.readLine(cell.plain, signal)).text);
    if (first === null) continue;
    if (mendedFigure(seg, (await pool.readLine(cell.sharp, signal)).text)?.value !== first.value) continue;
    seg.text = first.text;
    seg.amount = { ...seg.amount, value: first.value };
    mended++;
  }
  return mended;
}

/**
 * The cell's pixels as cut for a second look (ocr.verify.ts cropAround, which reaches far left for a
 * lost digit), trimmed to one text height left of the figure: a lost leading digit sits there, and
 * the next column's figure further left must not join this one's reading. As cut, and scaled up twice.
 */
function cellImage(page: OcrPage, seg: Segment, line: Segmented): { plain: Uint8Array; sharp: Uint8Array } | null {
  const w = seg.x1 - seg.x0;
  const pgm = cropAround(page, { x0: seg.x0, x1: seg.x1, y0: line.top, y1: line.bottom });
  const gray = pgm && readPgm(pgm);
  if (!gray) return null;
  // cropAround's reach: max(1.2 w, 30) points left of the figure, 10 right.
  const reach = Math.max(1.2 * w, 30);
  const perPoint = gray.width / (reach + w + 10);
  const x0 = Math.max(0, Math.round((reach - (line.bottom - line.top)) * perPoint));
  const box = { x0, y0: 0, x1: gray.width, y1: gray.height };
  const sharp = cropPgm(gray, box);
  return sharp ? { plain: pgmOf(gray, x0), sharp } : null;
}

/** The image from column `x0` on, as a PGM. */
function pgmOf(gray: Gray, x0: number): Uint8Array {
  const width = gray.width - x0;
  const header = new TextEncoder().encode(`P5\n${width} ${gray.height}\n255\n`);
  const out = new Uint8Array(header.length + width * gray.height);
  out.set(header, 0);
  for (let y = 0; y < gray.height; y++)
    out.set(gray.pixels.subarray(y * gray.width + x0, (y + 1) * gray.width), header.length + y * width);
  return out;
}

/** The scanned cells one rule points at: its figure by its label, or the figure under its column on every row. */
function cellsOf(lines: Segmented[], rule: LearnedRule, memory: DocumentMemory): [Segment, Segmented][] {
  if (rule.block) return [];
  const scanned = (line: Segmented) => line.segs.some((s) => s.conf < 1);
  if (rule.anchor === 'account')
    return lines.flatMap((line, at) => {
      const fig = scanned(line) ? figureOn(lines, at, rule, null, memory.pages) : null;
      return fig ? [[fig, line] as [Segment, Segmented]] : [];
    });
  const found = recallFields({ lines, pages: memory.pages }, [rule], null).get(rule.field);
  const line = found && lines.find((l) => l.index === found.cand.line);
  const seg = line && scanned(line) ? line.segs.find((s) => s.kind === 'amount' && s.x0 === found.cand.box?.x0) : null;
  return seg && line ? [[seg, line]] : [];
}

/**
 * The figure a second reading shows in the cell, when it mends the first: the rightmost figure of
 * the reading (the crop reaches left of the cell, where a lost digit would be), with the first
 * reading's decimals and marks before the digits, as many digits or one more, and one digit changed
 * or added at most. The first
 * reading's sign stands (the second is for digits). Null when it confirms the first or mends nothing.
 */
export function mendedFigure(seg: Segment, text: string): { text: string; value: number } | null {
  const amounts = findAmounts(repairOcrDigits(text));
  const last = amounts[amounts.length - 1];
  if (!last || !seg.amount) return null;
  const before = digitsOf(seg.text);
  const after = digitsOf(last.raw);
  if (after === before || after.length < before.length || after.length > before.length + 1) return null;
  if (editDistance(before, after, 1) > 1 || Math.abs(last.value) === Math.abs(seg.amount.value)) return null;
  if (/[.,]\d{2}(?!\d)/.test(seg.text) !== /[.,]\d{2}(?!\d)/.test(last.raw)) return null;
  // What the first reading printed before the digits (`$`, `-$`, `(`) the second must print too: a
  // currency symbol read as a digit (`$45,163.28` as `445,163.28`) is no lost digit.
  if (lead(seg.text) !== lead(last.raw)) return null;
  const sign = seg.amount.value < 0 ? -1 : 1;
  return { text: last.raw.trim(), value: sign * Math.abs(last.value) };
}

const digitsOf = (text: string) => text.replace(/\D/g, '');
/** The marks before a figure's first digit, spaces left out. */
const lead = (text: string) => (text.match(/^\D*/)?.[0] ?? '').replace(/\s/g, '');
