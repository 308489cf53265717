import type { Evidence } from '../../contract/reading.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { CALL_DUE_PHRASES } from '../vocabulary/fields.context.ts';
import type { EvidenceContext } from './evidence.ts';

/**
 * The date a margin call must be met by, when the document prints one: a date after a due phrase
 * (`due by November 10, 2026`, `must be met by 09/05/2025`, `Due Date: …`), on its line or at the
 * start of the next, or the date under a `Due Date` column in the row of the call's amount. Where
 * several calls print several due dates, the one told of the call the report carries wins (the
 * house call over the Fed call, as the labels rank them).
 */
export interface CallDue {
  value: string;
  conf: number;
  evidence: Evidence;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
const PHRASES = CALL_DUE_PHRASES.map(norm);
const CALL_TARGET = new Set(['margin_call'] as const);

/** End of the last due phrase in the text, or -1. */
function dueAt(text: string): number {
  const t = norm(text);
  let end = -1;
  for (const p of PHRASES) {
    const re = new RegExp(`(?<![\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
    for (const m of t.matchAll(re)) end = Math.max(end, m.index + m[0].length);
  }
  return end;
}

const lastClause = (text: string) => (text.split(/[.;]\s/).pop() ?? text).trim();
const round = (v: number) => Math.round(v * 10) / 10;

function evidenceOf(line: Segmented, seg: Segment, label: string, ctx: EvidenceContext): Evidence {
  return {
    page: line.page + 1,
    bbox: [round(seg.x0), round(line.top), round(seg.x1), round(line.bottom)],
    label: label.slice(0, 160),
    text: seg.text,
    source: ctx.ocrPages.has(line.page) ? 'ocr' : 'text',
  };
}

export function readCallDue(lines: Segmented[], call: number, ctx: EvidenceContext): CallDue | null {
  const found: { due: CallDue; weight: number }[] = [];
  const weightOf = (text: string) => matchLabel(text, CALL_TARGET, { prose: true })?.synonym.weight ?? 0;
  lines.forEach((line, at) => {
    const dates = line.segs.filter((s) => s.kind === 'date');
    // A `Due Date` column: the date under it in the row that prints the call's amount.
    const header = line.segs.find((s) => s.kind === 'text' && dueAt(s.text) >= 0 && norm(s.text).length <= 24);
    if (header && dates.length === 0 && !line.segs.some((s) => s.kind === 'amount')) {
      for (let k = at + 1; k < lines.length && k <= at + 6; k++) {
        const row = lines[k]!;
        if (row.page !== line.page) break;
        const hasCall = row.segs.some((s) => s.kind === 'amount' && Math.abs(Math.abs(s.amount!.value) - call) < 0.006);
        const under = row.segs.find(
          (s) => s.kind === 'date' && Math.min(s.x1, header.x1) - Math.max(s.x0, header.x0) > 0,
        );
        if (hasCall && under)
          found.push({
            due: { value: under.date!.iso, conf: 0.85, evidence: evidenceOf(row, under, header.text, ctx) },
            weight: 2,
          });
      }
      return;
    }
    // Prose or a label: the first date after the last due phrase before it, here or on the next line.
    let before = '';
    for (const seg of line.segs) {
      if (seg.kind === 'date' && dueAt(before) >= 0) {
        const tail = norm(before).slice(dueAt(before));
        if (tail.trim().split(' ').filter(Boolean).length <= 6) {
          found.push({
            due: { value: seg.date!.iso, conf: 0.8, evidence: evidenceOf(line, seg, lastClause(before), ctx) },
            weight: weightOf(before),
          });
          break;
        }
      }
      before += ` ${seg.text}`;
    }
    const next = lines[at + 1];
    const first = next?.segs[0];
    if (next && next.page === line.page && first?.kind === 'date' && dueAt(line.text) >= 0) {
      const tail = norm(line.text).slice(dueAt(line.text));
      if (tail.trim().split(' ').filter(Boolean).length <= 6 && !/\d/.test(tail))
        found.push({
          due: { value: first.date!.iso, conf: 0.8, evidence: evidenceOf(next, first, lastClause(line.text), ctx) },
          weight: weightOf(line.text),
        });
    }
  });
  if (found.length === 0) return null;
  found.sort((a, b) => b.weight - a.weight);
  const best = found[0]!;
  const rival = found.find((f) => f.due.value !== best.due.value && f.weight >= best.weight);
  return rival ? { ...best.due, conf: Math.min(best.due.conf, 0.6) } : best.due;
}
