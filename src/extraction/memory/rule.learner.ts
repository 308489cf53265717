import type { FieldName } from '../../contract/fields.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { accountLeftOf, columnRole, figuresOf, labelAbove, leftLabel, sameLabel } from './figure.context.ts';
import type { PageSize } from './layout.fingerprint.ts';
import type { LayoutRule } from './layout.rule.ts';

const TOLERANCE = 0.005;

/** Every printing of a value: its figures in any printed form (separators, signs, parentheses, DR/CR, currency). */
function printings(lines: Segmented[], value: number): { at: number; fig: Segment; sign: 1 | -1 }[] {
  const out: { at: number; fig: Segment; sign: 1 | -1 }[] = [];
  lines.forEach((line, at) => {
    for (const fig of figuresOf(line)) {
      const printed = fig.amount!.value;
      if (Math.abs(Math.abs(printed) - Math.abs(value)) > TOLERANCE) continue;
      const sign: 1 | -1 = value === 0 || printed === 0 || Math.sign(printed) === Math.sign(value) ? 1 : -1;
      out.push({ at, fig, sign });
    }
  });
  return out;
}

export interface LearnedPlace {
  rule: LayoutRule;
  /** How likely this printing is the field's: a label or column title naming the field, the printed sign. */
  worth: number;
  named: boolean;
}

/** The rule that finds one printing again, and how much it can be trusted to mean this field. */
function ruleFor(
  lines: Segmented[],
  pages: PageSize[],
  field: FieldName,
  p: { at: number; fig: Segment; sign: 1 | -1 },
  account: string | null,
): LearnedPlace | null {
  const line = lines[p.at]!;
  const figs = figuresOf(line);
  const size = pages[line.page] ?? pages[0] ?? { width: 612, height: 792 };
  const base = {
    field,
    ordinal: figs.indexOf(p.fig),
    figures: figs.length,
    page: line.page,
    x: Math.round((p.fig.x0 / size.width) * 1000) / 1000,
    y: Math.round((line.top / size.height) * 1000) / 1000,
    sign: p.sign,
    printed: p.fig.text,
  };
  const titled = columnRole(lines, p.at, p.fig);
  const column = titled?.title.text ?? null;
  const role = {
    ...(titled && titled.role !== 'other' ? { role: titled.role } : {}),
    ...(titled ? { columnX: Math.round(((titled.title.x0 + titled.title.x1) / 2 / size.width) * 1000) / 1000 } : {}),
  };
  const signed = p.sign === 1 ? 0.5 : 0;
  const names = (text: string | null) => (text && matchLabel(text)?.target === field ? 2 : 0);
  // A table with one row per account: the account's row and the column title find the figure.
  if (accountLeftOf(line, p.fig, account)) {
    if (!column) return null;
    return {
      rule: { ...base, anchor: 'account', label: null, column, ...role, occurrence: 0 },
      worth: 1 + names(column) + signed,
      named: names(column) > 0,
    };
  }
  const left = leftLabel(line, p.fig);
  const above = left ? null : labelAbove(lines, p.at, p.fig);
  const label = left?.text ?? above?.seg.text ?? null;
  if (!label) return null;
  const anchor = left ? 'left' : 'above';
  const occurrence = lines
    .slice(0, p.at)
    .filter((l) => l.segs.some((s) => s.kind === 'text' && sameLabel(s.text, label))).length;
  // A label the vocabulary reads as this very field is the likeliest place; any label will do.
  const named = Math.max(names(label), anchor === 'left' ? names(column) : 0);
  return {
    rule: { ...base, anchor, label, ...(anchor === 'above' ? { column: null } : { column, ...role }), occurrence },
    worth: 1 + named + signed - occurrence * 0.1,
    named: named > 0,
  };
}

export type LearnOutcome = { field: FieldName; rule: LayoutRule } | { field: FieldName; rule: null; reason: string };

/**
 * Learns where `field` is printed on this document, given its correct value: the printing with the
 * clearest context (a label the vocabulary reads as the field, the printed sign, the first one).
 * A value printed nowhere (or only where nothing anchors it) teaches nothing, and says so.
 */
export function learnRule(
  doc: { lines: Segmented[]; pages: PageSize[] },
  field: FieldName,
  value: number,
  account: string | null,
): LearnOutcome {
  const places = learnPlaces(doc, field, value, account);
  if (places === null) return { field, rule: null, reason: `${value} is not printed in this document` };
  if (places.length === 0)
    return { field, rule: null, reason: `${value} is printed, but with no label or column title to find it by` };
  // Printed alike in two places (two columns that happen to agree today): which one the field is,
  // only a statement where they differ can tell. Guessing would teach the wrong column half the time.
  const [best, next] = places;
  if (next && Math.abs(next.worth - best!.worth) < 1e-9)
    return {
      field,
      rule: null,
      reason: `${value} is printed in several places alike (${describe(best!.rule)}, ${describe(next.rule)}); a statement where they differ will tell which`,
    };
  return { field, rule: best!.rule };
}

/**
 * Every place that could be the field's printing, likeliest first; null when the value is printed
 * nowhere. A zero is printed in many places: only one under a label naming the field is taken.
 */
export function learnPlaces(
  doc: { lines: Segmented[]; pages: PageSize[] },
  field: FieldName,
  value: number,
  account: string | null,
): LearnedPlace[] | null {
  const found = printings(doc.lines, value);
  if (found.length === 0) return null;
  const places = found
    .map((p) => ruleFor(doc.lines, doc.pages, field, p, account))
    .filter((r): r is LearnedPlace => r !== null && (value !== 0 || r.named));
  return places.sort((a, b) => b.worth - a.worth);
}

const describe = (r: LayoutRule) =>
  `${r.label ? `"${r.label}"` : 'the account row'}${r.column ? ` under "${r.column}"` : ''}${r.figures > 1 && !r.column ? ` (figure ${r.ordinal + 1})` : ''}`;
