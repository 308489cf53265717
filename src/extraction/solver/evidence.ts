import type { Evidence } from '../../contract/reading.ts';
import type { Candidate } from '../fields/candidates.ts';
import type { Segmented } from '../layout/segments.ts';
import { normalizeAccount } from '../parse/account.parser.ts';

/**
 * Where a value was read, for the report's `evidence` and `--explain`: page (1-based), the printed
 * value's box in PDF points from the page's top-left, the label that governs it and the text.
 */
export interface EvidenceContext {
  lines: Segmented[];
  /** Pages (0-based) whose words came from OCR. */
  ocrPages: ReadonlySet<number>;
}

const round = (v: number) => Math.round(v * 10) / 10;

function lineBox(line: Segmented): [number, number, number, number] {
  const x0 = Math.min(...line.cells.map((c) => c.x0));
  const x1 = Math.max(...line.cells.map((c) => c.x1));
  return [round(x0), round(line.top), round(x1), round(line.bottom)];
}

const lineAt = (ctx: EvidenceContext, index: number) =>
  ctx.lines.find((l) => l.index === index) ?? ctx.lines[index] ?? null;

/**
 * Where a header value (date, currency) is printed inside the line it was read from: the date's own
 * segment, or the code's characters inside its segment. The evidence text is the value as printed,
 * never its label.
 */
function printedIn(line: Segmented, c: Candidate): { box: Box; text: string } | null {
  for (const seg of line.segs) {
    if (c.target === 'date' && seg.kind === 'date' && seg.date!.iso === c.value)
      return { box: { x0: seg.x0, x1: seg.x1, y0: line.top, y1: line.bottom }, text: seg.text };
    if (c.target !== 'currency' || typeof c.value !== 'string') continue;
    const at = seg.text.search(new RegExp(`(?<![A-Za-z])${c.value}(?![A-Za-z])`));
    if (at < 0) continue;
    const per = (seg.x1 - seg.x0) / Math.max(1, seg.text.length);
    const x0 = seg.x0 + at * per;
    return { box: { x0, x1: x0 + c.value.length * per, y0: line.top, y1: line.bottom }, text: c.value };
  }
  return null;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Evidence of a candidate: its own box where it has one, else the line it was read from. */
export function evidenceOf(cand: Candidate, ctx: EvidenceContext): Evidence {
  const line = lineAt(ctx, cand.line);
  const printed =
    !cand.box && line && (cand.target === 'date' || cand.target === 'currency') ? printedIn(line, cand) : null;
  const c = printed ? { ...cand, box: printed.box, text: printed.text } : cand;
  const bbox: [number, number, number, number] = c.box
    ? [round(c.box.x0), round(c.box.y0), round(c.box.x1), round(c.box.y1)]
    : line
      ? lineBox(line)
      : [0, 0, 0, 0];
  return {
    page: c.page + 1,
    bbox,
    label: c.label ? c.label.slice(0, 160) : null,
    text: (c.text ?? (line && !c.box ? line.text : String(c.value))).slice(0, 160),
    source: ctx.ocrPages.has(c.page) ? 'ocr' : 'text',
  };
}

/**
 * Evidence of a header value (account, date, currency) read without a box: the first cell that
 * prints it, searched in reading order. Null when no cell prints it (a value inferred, not read).
 */
export function locatePrinted(
  value: string,
  kind: 'account' | 'date' | 'currency',
  ctx: EvidenceContext,
  label: string | null,
): Evidence | null {
  for (const line of ctx.lines) {
    for (const seg of line.segs) {
      const hit =
        kind === 'date'
          ? seg.kind === 'date' && seg.date!.iso === value
          : kind === 'currency'
            ? seg.text.split(/[^A-Za-z]+/).includes(value)
            : normalizeAccount(line.cells[seg.cell]?.text ?? seg.text).includes(value);
      if (!hit) continue;
      const cell = line.cells[seg.cell]!;
      const box = kind === 'account' ? cell : { x0: seg.x0, x1: seg.x1, y0: line.top, y1: line.bottom };
      return {
        page: line.page + 1,
        bbox: [round(box.x0), round(box.y0 ?? line.top), round(box.x1), round(box.y1 ?? line.bottom)],
        label,
        text: (kind === 'account' ? cell.text : seg.text).slice(0, 160),
        source: ctx.ocrPages.has(line.page) ? 'ocr' : 'text',
      };
    }
  }
  return null;
}
