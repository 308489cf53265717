import type { LabelTarget, SynonymRow } from './labels.synonyms.ts';

/**
 * Swedish (SE) and Polish (PL) margin-statement labels, and German ones as a line printer or a legacy system
 * spells them without umlauts (`ue` for `ü`, `oe` for `ö`); labels.synonyms.ts appends each list after the
 * other languages' rows. Accents fold when matching, and `ł` reads as `l`, so `długich` = dlugich.
 */
export const NORDIC_POLISH_SYNONYMS: Partial<Record<LabelTarget, SynonymRow[]>> = {
  total_equity: [
    ['nettovarde'],
    ['eget kapital', 0.95],
    ['nettovarde eget kapital'],
    ['wartosc netto rachunku'],
    ['wartosc netto', 0.95],
    ['aktywa netto', 0.9],
    ['nettovermogen', 0.95],
    ['nettovermoegen', 0.95],
    ['gesamtvermoegen', 0.85],
  ],
  maintenance_requirement: [
    ['lopande sakerhetskrav'],
    ['lopande krav', 0.9],
    ['underhallskrav'],
    ['depozyt podtrzymujacy'],
    ['depozyt zabezpieczajacy podtrzymujacy'],
  ],
  initial_requirement: [
    ['initialt sakerhetskrav'],
    ['initialt krav', 0.9],
    ['depozyt wstepny'],
    ['depozyt poczatkowy'],
    ['anfangsmarge'],
    ['initialmarge'],
  ],
  excess_liquidity: [
    ['overskott'],
    ['overskott over lopande krav'],
    ['underskott', 0.9, true],
    ['nadwyzka'],
    ['nadwyzka ponad depozyt podtrzymujacy'],
    ['nadwyzka depozytu'],
    ['niedobor', 0.9, true],
    ['niedobor depozytu', 0.95, true],
    ['ueberschuss'],
    ['uberschuss'],
    ['ueberdeckung'],
    ['unterdeckung', 0.9, true],
  ],
  margin_call: [
    ['krav pa tillskott'],
    ['tillskottskrav'],
    ['marginalkrav', 0.9],
    ['wezwanie do uzupelnienia depozytu'],
    ['wezwanie do uzupelnienia'],
    ['wezwanie do doplaty', 0.95],
    ['wezwanie uzupelniajace', 0.95],
  ],
  buying_power: [['kopkraft'], ['sila nabywcza']],
  cash_balance: [
    ['likvidkonto saldo'],
    ['likvidkonto', 0.9],
    ['likvida medel', 0.95],
    ['kontantsaldo'],
    ['saldo srodkow pienieznych'],
    ['srodki pieniezne', 0.95],
    ['saldo gotowkowe'],
  ],
  long_market_value: [
    ['marknadsvarde langa innehav'],
    ['langa innehav', 0.95],
    ['langa positioner', 0.95],
    ['wartosc rynkowa pozycji dlugich'],
    ['pozycje dlugie', 0.95],
    ['pozycji dlugich', 0.95],
  ],
  short_market_value: [
    ['marknadsvarde korta innehav'],
    ['korta innehav', 0.95],
    ['korta positioner', 0.95],
    ['wartosc rynkowa pozycji krotkich'],
    ['pozycje krotkie', 0.95],
    ['pozycji krotkich', 0.95],
  ],
  account: [['depanummer', 0.95], ['numer rachunku'], ['nr rachunku'], ['rachunek nr'], ['numer konta', 0.95]],
  date: [['varden per'], ['vardedag', 0.9], ['per datum', 0.9], ['data wyceny'], ['stan na'], ['na dzien', 0.9]],
  currency: [['waluta'], ['waluta rachunku'], ['kontovaluta']],
};
