import type { ReportIssue } from '../../contract/reading.ts';
import type { Segmented } from '../layout/segments.ts';
import type { OpenFigure } from '../solver/open.figures.ts';
import { CURRENCIES } from '../vocabulary/currencies.ts';
import { UNIT_LEADS, UNIT_SCALES } from '../vocabulary/unit.scales.ts';
import { alternation } from '../vocabulary/word.patterns.ts';
import type { Candidate } from './candidates.ts';

/** A unit stated on a page: the figures printed after it on that page (all pages, from the first page's head) are in it. */
export interface UnitScale {
  factor: number;
  page: number;
  line: number;
  text: string;
  /** Applies to every later page too (stated in the first page's head). */
  document: boolean;
}

/** A known currency code as a word of its own, or a currency sign. */
const CURRENCY = String.raw`(?:\b(?:${CURRENCIES.map((c) => c.code).join('|')})\b|\p{Sc})`;
const END = String.raw`(?=$|[\s),.;:])`;
const scalePattern = (words: (s: (typeof UNIT_SCALES)[number]) => readonly string[]) =>
  UNIT_SCALES.map((s) => new RegExp(`(?:${alternation(words(s))})${END}`, 'giu'));
const NAMES = scalePattern((s) => s.names);
const MARKS = scalePattern((s) => s.marks);
const LEAD = new RegExp(String.raw`\b(?:${alternation(UNIT_LEADS)})\s+(?:${CURRENCY}\s*)?$`, 'u');
const BRACKET = new RegExp(String.raw`\(\s*(?:${CURRENCY}\s*)?$`, 'u');
// A code stands apart from the mark (`USD 000`, not `BANK`); a sign may touch it (`€m`).
const AFTER_CURRENCY = new RegExp(String.raw`(?:^|[\s(])(?:${CURRENCY}\s|\p{Sc}\s?)$`, 'u');
/** Lines of a page's head, where a unit stated applies to the whole page. */
const HEAD_LINES = 12;

/** The unit factor a text states, or null. */
export function statedScale(text: string): number | null {
  for (let i = 0; i < UNIT_SCALES.length; i++) {
    for (const [re, ok] of [
      [NAMES[i]!, (pre: string) => LEAD.test(pre) || BRACKET.test(pre) || AFTER_CURRENCY.test(pre)],
      [MARKS[i]!, (pre: string) => AFTER_CURRENCY.test(pre)],
    ] as const) {
      // matchAll iterates over a copy of the global pattern, so the shared one keeps no lastIndex.
      for (const m of text.matchAll(re)) {
        const pre = text.slice(0, m.index);
        // A figure's own digits (`1,000`) are no unit: the mark stands after a word boundary.
        if (/[\d,.]$/.test(pre)) continue;
        if (ok(pre)) return UNIT_SCALES[i]!.factor;
      }
    }
  }
  return null;
}

/** The units a document states, in reading order; figures printed in a line that states one are not under it. */
export function readUnitScales(lines: readonly Segmented[]): UnitScale[] {
  const out: UnitScale[] = [];
  const firstOfPage = new Map<number, number>();
  for (const l of lines) if (!firstOfPage.has(l.page)) firstOfPage.set(l.page, l.index);
  for (const l of lines) {
    const factor = statedScale(l.text);
    if (factor === null) continue;
    const head = l.index - (firstOfPage.get(l.page) ?? 0) < HEAD_LINES;
    out.push({ factor, page: l.page, line: l.index, text: l.text.trim(), document: head && l.page === 0 });
  }
  return out;
}

/** The unit a figure at (page, line) is printed in. */
export function scaleAt(scales: readonly UnitScale[], page: number, line: number): UnitScale | null {
  let found: UnitScale | null = null;
  for (const s of scales) if (s.line < line && (s.page === page || s.document)) found = s;
  return found;
}

export function scaleCandidate<T extends Candidate | OpenFigure>(c: T, scales: readonly UnitScale[]): T {
  if (scales.length === 0 || typeof c.value !== 'number') return c;
  const s = scaleAt(scales, c.page, c.line);
  return s ? { ...c, value: c.value * s.factor } : c;
}

/**
 * Where the document states more than one unit, or one only below its figures, which figures are in
 * which is not clear: a warning, and the figures stay below review.
 */
export function unclearScale(scales: readonly UnitScale[], figureLines: readonly number[]): ReportIssue | null {
  if (scales.length === 0) return null;
  const factors = new Set(scales.map((s) => s.factor));
  const below = figureLines.length > 0 && scales.every((s) => figureLines.every((l) => l < s.line));
  if (factors.size < 2 && !below) return null;
  return {
    code: 'unit_scale',
    severity: 'warning',
    message: `The statement states its unit only unclearly (${scales
      .slice(0, 2)
      .map((s) => `"${s.text}"`)
      .join('; ')}): check whether the figures are in units, thousands or millions.`,
  };
}
