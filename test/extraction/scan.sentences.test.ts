import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import type { Segmented } from '../../src/extraction/layout/segments.ts';
import { TIME_OF_DAY } from '../../src/extraction/parse/time.of.day.ts';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { clockTimesAsText } from '../../src/extraction/structure/clock.times.ts';
import { phrase, right } from './support/words.builder.ts';
import { readAccount, segmented } from './support/words.reader.ts';

/**
 * What a scanned letter or statement says in sentences and slips: a figure in a sentence is the
 * nearest field phrase's, a time of day is never money, `S$` read `$$` is still a figure, a figure
 * OCR cut into two touching words is one, and the words of call letters and margin financing
 * (shortfall, a deposit demanded, a loan balance, a cash deposit) name their fields.
 */

function lines(words: PageWord[], ocr: boolean): Segmented[] {
  const out = segmented(words, { dateOrder: 'dmy', ocr });
  clockTimesAsText(out);
  return out;
}

const read = (words: PageWord[], ocr = true) => readAccount(lines(words, ocr), ocr).value;

const head = [...phrase('Account No. 0712-448291', 40, 40), ...phrase('As at 4 December 2026', 40, 54)];

describe('figures in the sentences of a scanned call letter', () => {
  it('reads each figure of a sentence under the field phrase before it, and a time of day as no figure', () => {
    const value = read([
      ...head,
      ...phrase('the equity in your account was S$286,410.75 against a maintenance margin requirement of', 40, 100),
      ...phrase('$$334,900.00, a shortfall of $$48,489.25. We call upon you to deposit $$48,489.25 in', 40, 112),
      ...phrase('cash or acceptable collateral by 12.00', 40, 124),
      ...phrase('noon on 8 December 2026.', 40, 136),
    ]);
    expect(value('total_equity')).toBe(286_410.75);
    expect(value('maintenance_requirement')).toBe(334_900);
    expect(value('excess_liquidity')).toBe(-48_489.25);
    expect(value('margin_call')).toBe(48_489.25);
    expect(value('cash_balance')).toBeUndefined();
  });

  it('never reads a clock time as money, whether its word follows in the cell or starts the next line', () => {
    const times = (t: string) => [...t.matchAll(TIME_OF_DAY)].map((m) => m[0]);
    expect(times('by 12.00 noon on 8 December, or 10:00 a.m. at the latest')).toEqual(['12.00 noon', '10:00 a.m.']);
    expect(times('deposit by 2 pm, 1500 hrs; 14:30')).toEqual(['2 pm', '1500 hrs', '14:30']);
    expect(times('Cash 12.00 Amount 1,200.00 pm fees 25.00')).toEqual([]);
    const split = lines(
      [...phrase('Please pay the balance by 12.00', 40, 100), ...phrase('noon tomorrow.', 40, 112)],
      true,
    );
    expect(split[0]!.segs.some((s) => s.kind === 'amount')).toBe(false);
    const figure = lines([...phrase('Cash balance 12.00', 40, 100), ...phrase('Equity 14.00', 40, 112)], true);
    expect(figure.map((l) => l.segs.filter((s) => s.kind === 'amount').length)).toEqual([1, 1]);
  });
});

describe('figures OCR cut in two', () => {
  it('joins a one-digit word touching a grouped figure into one figure, never two figures a gap apart', () => {
    const touching: PageWord[] = [
      ...phrase('House Requirement', 40, 100),
      { text: '9', x0: 300, x1: 305, y0: 100, y1: 109, conf: 0.96 },
      { text: '6,800.00', x0: 305.5, x1: 345, y0: 100, y1: 109, conf: 0.93 },
    ];
    const amounts = (ws: PageWord[], ocr: boolean) =>
      lines(ws, ocr)[0]!
        .segs.filter((s) => s.kind === 'amount')
        .map((s) => s.amount!.value);
    expect(amounts(touching, true)).toEqual([96_800]);
    const apart = touching.map((w) => (w.text === '6,800.00' ? { ...w, x0: 320, x1: 360 } : w));
    expect(amounts(apart, true)).toEqual([9, 6_800]);
    // A text layer's words are what was printed: no guess there.
    expect(amounts(touching, false)).toEqual([9, 6_800]);
  });
});

describe('the words of call letters and margin financing', () => {
  it('names the deficit, the deposit demanded, the loan and the cash deposit', () => {
    const m = (label: string) => {
      const r = matchLabel(label, undefined, { prose: label.split(' ').length > 3 });
      return r ? [r.target, r.negate] : null;
    };
    expect(m('a shortfall of')).toEqual(['excess_liquidity', true]);
    expect(m('Margin Surplus/(Shortfall)')).toEqual(['excess_liquidity', false]);
    expect(m('a margin shortfall of')).toEqual(['excess_liquidity', true]);
    expect(m('Accordingly, we hereby call upon you to deposit')).toEqual(['margin_call', false]);
    expect(m('Loan balance (debit)')).toEqual(['cash_balance', true]);
    expect(m('Cash Deposit')).toEqual(['cash_balance', false]);
    // Money moved in or out, and the loan value of securities, stay no field.
    expect(m('Deposits')).toBeNull();
    expect(m('Loan value')).toBeNull();
  });

  it('reads a loan balance in parentheses as the negative cash of a margin financing account', () => {
    const value = read(
      [...head, ...phrase('Loan balance (debit)', 40, 100), ...right('(326,469.25)', 300, 100)],
      false,
    );
    expect(value('cash_balance')).toBe(-326_469.25);
  });
});
