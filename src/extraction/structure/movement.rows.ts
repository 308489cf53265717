import type { Segmented } from '../layout/segments.ts';

/**
 * A dated row: it opens with a date (a booking date, maybe a value date after it), then says what
 * happened in words and prints an amount (`2026/12/03  Cash deposit  250,000.00`).
 */
function datedRow(line: Segmented): boolean {
  const [head] = line.segs;
  return (
    head?.kind === 'date' &&
    line.segs.some((s) => s.kind === 'amount') &&
    line.segs.some((s) => s.kind === 'text' && /\p{L}{3}/u.test(s.text))
  );
}

/**
 * The lines of a movements table (transactions, postings, the period's activity): dated rows, at
 * least two in a run on one page. Their amounts are what moved on a day, and a running balance
 * beside them is one day's, never the statement's balances; a balance the statement reports stands
 * on a line of its own (a closing balance, a summary).
 */
export function movementLines(lines: readonly Segmented[]): ReadonlySet<number> {
  const out = new Set<number>();
  const dated = lines.map(datedRow);
  lines.forEach((l, i) => {
    if (!dated[i]) return;
    const prev = i > 0 && dated[i - 1] && lines[i - 1]!.page === l.page;
    const next = i + 1 < lines.length && dated[i + 1] && lines[i + 1]!.page === l.page;
    if (prev || next) out.add(l.index);
  });
  return out;
}
