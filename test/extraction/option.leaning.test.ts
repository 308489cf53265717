import { describe, expect, it } from 'vitest';
import { leaning } from '../../src/extraction/solver/label.clarity.ts';

describe('labels that speak of options', () => {
  it('lean to the short market value only when they say the options were written, sold or short', () => {
    expect(leaning('Written Options Valuation')).toBe('short_market_value');
    expect(leaning('Value of Sold Options')).toBe('short_market_value');
    expect(leaning('Short Options at Market')).toBe('short_market_value');
  });

  it('lean to nothing when the options value nets long and short positions', () => {
    expect(leaning('Options Valuation, Net')).toBeNull();
    expect(leaning('Options Market Val')).toBeNull();
    expect(leaning('Option Positions Net Worth')).not.toBe('short_market_value');
    expect(leaning('opts_option_val')).toBeNull();
  });

  it('still reads a qualified distractor word by its synonym (`margin loan` is the cash balance)', () => {
    expect(leaning('Margin Loan')).toBe('cash_balance');
  });
});
