import { foldedWords } from '../vocabulary/word.patterns.ts';
import { near } from './accounting.identities.ts';
import { oneBlock, printedBefore } from './alone.block.ts';
import type { OpenFigure } from './open.figures.ts';

/** The parts of `equity = cash + long + short` a reading by the identities alone (`identities.alone.ts`) finds. */
export interface EquityParts {
  c: OpenFigure;
  l: OpenFigure;
  s: OpenFigure | null;
}

/**
 * Cash, long and short adding up to the equity within its block: the short printed negative, the long
 * positive. Without a short, cash and long both printed. Cash and long (or cash and short, both
 * negative) are told apart by sign where one fits a field only, else by print order.
 */
export function equityParts(
  e: OpenFigure,
  used: OpenFigure[],
  figs: OpenFigure[],
  find: (v: number) => OpenFigure[],
): EquityParts | null {
  const free = figs.filter((f) => !used.includes(f) && oneBlock([...used, f]));
  let found: EquityParts | null = null;
  let count = 0;
  for (const a of free)
    for (const b of free) {
      if (b === a) continue;
      // a + b + c = e, each trio once (a before b before c in print order).
      if (!printedBefore(a, b)) continue;
      for (const c of [...find(e.value - a.value - b.value), null]) {
        const trio = c ? [a, b, c] : [a, b];
        if (c && (!free.includes(c) || c === a || c === b || !printedBefore(b, c))) continue;
        if (!c && !near(a.value + b.value, e.value)) continue;
        if (!oneBlock([...used, ...trio])) continue;
        const parts = assign(trio);
        // The sum under a balance's wording, the equity's or the same figure's printed again (a ledger's closing balance).
        if (!parts || find(e.value).some((t) => sameBalance(parts, t))) continue;
        count++;
        found = parts;
      }
    }
  // Two different trios make the equity: neither is the statement's.
  return count === 1 ? found : null;
}

/**
 * An addend under the equity's own wording names the same balance at another time: an opening and a
 * closing balance (`Salio la mwanzo` … `Salio la mwisho`, `Algsaldo` … `Lõppsaldo`), a ledger's sum,
 * never cash, long and short and the equity. A cash label sharing one word with the equity's, or one
 * compound of the same last word (`COMPOUND_TAIL` letters alike at the end, different before), any
 * addend sharing two words.
 */
function sameBalance(parts: EquityParts, e: OpenFigure): boolean {
  const words = (t: string) => new Set(foldedWords(t).filter((w) => w.length >= 4));
  const own = words(e.label);
  const shared = (f: OpenFigure | null) => (f ? [...words(f.label)].filter((w) => own.has(w)).length : 0);
  const compound = [...words(parts.c.label)].some((w) => [...own].some((o) => sameCompoundTail(w, o)));
  return shared(parts.c) >= 1 || compound || shared(parts.l) >= 2 || shared(parts.s) >= 2;
}

/** Letters two compounds of one word share at their end (`saldo`, `bestand`): fewer are an inflection. */
const COMPOUND_TAIL = 5;

function sameCompoundTail(a: string, b: string): boolean {
  if (a === b || a.length < COMPOUND_TAIL + 2 || b.length < COMPOUND_TAIL + 2) return false;
  let n = 0;
  while (n < Math.min(a.length, b.length) && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n >= COMPOUND_TAIL;
}

/** Roles of two or three addends in print order: long positive, short negative, cash either. */
function assign(trio: OpenFigure[]): EquityParts | null {
  const pos = trio.filter((f) => f.value > 0);
  const neg = trio.filter((f) => f.value < 0);
  if (trio.length === 2) {
    // Cash and long both positive: the first printed is cash (a guess, flagged).
    if (pos.length !== 2) return null;
    return { c: trio[0]!, l: trio[1]!, s: null };
  }
  if (pos.length === 2 && neg.length === 1) return { c: pos[0]!, l: pos[1]!, s: neg[0]! };
  // A debit cash balance beside a short: the first printed negative is the cash (a guess, flagged).
  if (pos.length === 1 && neg.length === 2) return { c: neg[0]!, l: pos[0]!, s: neg[1]! };
  return null;
}
