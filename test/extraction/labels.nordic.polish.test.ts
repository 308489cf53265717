import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { isNoneWord } from '../../src/extraction/vocabulary/context.match.ts';

// Labels worded the way Swedish, Polish and umlaut-less German statements print them (our own wording).
describe('Swedish, Polish and transliterated German margin labels', () => {
  it.each([
    // Swedish
    ['Nettovärde', 'total_equity'],
    ['Eget kapital', 'total_equity'],
    ['Löpande säkerhetskrav, totalt', 'maintenance_requirement'],
    ['Initialt säkerhetskrav', 'initial_requirement'],
    ['Överskott', 'excess_liquidity'],
    ['Krav på tillskott', 'margin_call'],
    ['Likvida medel', 'cash_balance'],
    ['Långa innehav', 'long_market_value'],
    ['Korta innehav', 'short_market_value'],
    // Polish, with and without its letters
    ['Wartość netto rachunku', 'total_equity'],
    ['Depozyt podtrzymujący', 'maintenance_requirement'],
    ['Depozyt wstepny', 'initial_requirement'],
    ['Nadwyżka', 'excess_liquidity'],
    ['Wezwanie do uzupełnienia depozytu', 'margin_call'],
    ['Środki pieniężne', 'cash_balance'],
    ['Pozycje długie', 'long_market_value'],
    ['Pozycje krotkie', 'short_market_value'],
    ['Numer rachunku', 'account'],
    ['Data wyceny', 'date'],
    ['Waluta', 'currency'],
    // German as a line printer spells it
    ['Nettovermoegen', 'total_equity'],
    ['Anfangsmarge', 'initial_requirement'],
    ['Ueberschuss', 'excess_liquidity'],
  ])('reads %s as %s', (label, field) => {
    expect(matchLabel(label)?.target).toBe(field);
  });

  it('reads a shortfall as the negated excess', () => {
    expect(matchLabel('Underskott')?.negate).toBe(true);
    expect(matchLabel('Niedobór depozytu')?.negate).toBe(true);
  });

  it('keeps print dates away from the report date', () => {
    expect(matchLabel('Utskriftsdatum')?.target).not.toBe('date');
    expect(matchLabel('Data sporządzenia')?.target).not.toBe('date');
  });

  it('reads the Swedish and Polish words for none as a nil call', () => {
    for (const w of ['Inget', 'ingen', 'Brak', 'brak / none']) expect(isNoneWord(w)).toBe(true);
  });
});
