import type { Segmented } from '../layout/segments.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { type EvidenceContext, evidenceOf } from '../solver/evidence.ts';
import { MARKET_WORDS, SHARED_SYMBOLS } from '../vocabulary/currencies.ts';
import type { Candidate } from './candidates.ts';
import type { Section } from './document.walker.ts';
import { choose } from './field.choice.ts';
import type { Reading } from './fields.extractor.ts';

export function pickCurrency(
  own: Candidate[],
  doc: Candidate[],
  section: Section,
  ctx: EvidenceContext,
): Reading<string> {
  const labelled = choose(own.length ? own : doc.filter((c) => c.target === 'currency'), null);
  if (labelled)
    return { value: String(labelled.pick.value), conf: labelled.conf, evidence: evidenceOf(labelled.pick, ctx) };
  // No label: the currency printed with the figures, when they agree.
  const seen = new Map<string, number>();
  for (const c of section.candidates) if (c.currency) seen.set(c.currency, (seen.get(c.currency) ?? 0) + 1);
  const top = [...seen.entries()].sort((a, b) => b[1] - a[1])[0];
  // A code standing alone in a cell of the page header (`Denomination | CAD`): the value of a pair whose label is unknown.
  const lone = loneCurrencies(ctx.lines);
  if (lone.length === 1) {
    const code = lone[0]!;
    const agrees =
      seen.size === 0 || (seen.size === 1 && (seen.has(code) || (seen.has('USD') && dollarCodes.has(code))));
    return { value: code, conf: agrees ? 0.82 : 0.7 };
  }
  // Figures whose column was a guess (one column per currency, no base stated) make their currency one too.
  if (top && seen.size === 1)
    return { value: top[0], conf: section.candidates.some((c) => c.currency && c.unsure) ? 0.7 : 0.9 };
  // Nothing names the currency: a dollar sign, or the words of one market's rules (Reg T, FINRA), say
  // which; with neither, the dollar is a guess a person confirms.
  const market = marketCurrency(ctx.lines);
  return market ? { value: market, conf: 0.85 } : { value: 'USD', conf: 0.7 };
}

const MARKET_RES = Object.entries(MARKET_WORDS).map(([code, words]) => ({
  code,
  re: new RegExp(`\\b(?:${words.map((w) => w.replace(/ /g, '\\.?\\s*')).join('|')})\\b`, 'i'),
}));

/** The currency a document implies without naming it: `$` alone (the US dollar), or one market's rule words. */
function marketCurrency(lines: Segmented[]): string | null {
  const text = lines.map((l) => l.text).join('\n');
  if (/(?<![A-Za-z])\$/.test(text)) return SHARED_SYMBOLS.$!.codes[0]!;
  const found = MARKET_RES.filter((m) => m.re.test(text));
  return found.length === 1 ? found[0]!.code : null;
}

/** Currencies a `$` may stand for: a lone code among them decides what the symbol meant. */
const dollarCodes = new Set(SHARED_SYMBOLS.$!.codes);

/** Distinct currency codes printed alone in a cell of the page header (above the first figure). */
function loneCurrencies(lines: Segmented[]): string[] {
  const first = lines.length ? lines[0]!.page : 0;
  const codes = new Set<string>();
  for (const line of lines.filter((l) => l.page === first).slice(0, 15)) {
    // A bare run of digits (`24391907`, an account beside the code) is no row of figures yet.
    const figures = line.segs.filter((s) => s.kind === 'amount' && !/^\d+$/.test(s.text.trim())).length;
    if (figures >= 2) break;
    for (const seg of line.segs) {
      if (seg.kind !== 'text') continue;
      // `(CAD)`, or a code with its name after it in words (`VND (đồng)`).
      const t = seg.text
        .trim()
        .replace(/^\((.*)\)$/, '$1')
        .replace(/^([A-Z]{3,4})\s*\([^()\d]*\)$/, '$1');
      if (/^[A-Z]{3,4}$/.test(t) && isCurrencyCode(t)) codes.add(t);
    }
  }
  return [...codes];
}
