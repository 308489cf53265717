import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';

const target = (label: string) => matchLabel(label)?.target ?? null;

describe('matchLabel', () => {
  it.each([
    ['Net Liquidation Value', 'total_equity'],
    ['Net Liq', 'total_equity'],
    ['Net Liquidating Value (USD)', 'total_equity'],
    ['Total Account Value', 'total_equity'],
    ['Account Equity', 'total_equity'],
    ['Maint. Req.', 'maintenance_requirement'],
    ['House Requirement', 'maintenance_requirement'],
    ['House Maintenance Requirement', 'maintenance_requirement'],
    ['Reg T Requirement', 'initial_requirement'],
    ['Initial Margin Requirement', 'initial_requirement'],
    ['Excess/(Deficit)', 'excess_liquidity'],
    ['Maintenance Excess', 'excess_liquidity'],
    ['Excess Over House Requirement', 'excess_liquidity'],
    ['House Call', 'margin_call'],
    ['Fed Call', 'margin_call'],
    ['Ledger Balance', 'cash_balance'],
    ['Cash & Cash Investments', 'cash_balance'],
    ['Long Market Value', 'long_market_value'],
    ['Short Market Value', 'short_market_value'],
    ['Special Memorandum Account', 'sma'],
    ['Buying Power', 'buying_power'],
    ['Statement Date', 'date'],
    ['Base Currency', 'currency'],
    ['Acct #', 'account'],
    ['Valeur liquidative nette / Net liquidation value', 'total_equity'],
  ])('maps %s to %s', (label, field) => {
    expect(target(label)).toBe(field);
  });

  it.each([
    ['Day Trading Buying Power'],
    ['Prior Day Net Liq'],
    ['Net Liq Change'],
    ['Open Trade Equity'],
    ['Equity with Loan Value'],
    ['Print Date'],
    ['Due Date'],
    ['Trade Date'],
    ['Account Name'],
    ['Beginning Balance'],
    ['AAPL Jan 150 Call'],
  ])('refuses the distractor %s', (label) => {
    expect(target(label)).toBeNull();
  });

  it('scores exact labels above abbreviations above OCR slips', () => {
    const exact = matchLabel('Maintenance Requirement')!.score;
    const abbreviated = matchLabel('Maint. Req.')!.score;
    const fuzzy = matchLabel('Maintenanoe Requirement')!.score;
    expect(exact).toBeGreaterThan(abbreviated);
    expect(abbreviated).toBeGreaterThan(fuzzy);
  });

  it('takes a letter pair OCR read for one letter as one slip, not two', () => {
    // `rn` for `m` and `ri` for `n`: two edits by count, one misread by eye.
    expect(target('Special memoraridum account')).toBe('sma');
    expect(target('Maintenance requirernent')).toBe('maintenance_requirement');
    expect(matchLabel('Special memoraridum account')!.score).toBeLessThan(
      matchLabel('Special memorandum account')!.score,
    );
    // Not a licence for any two edits.
    expect(target('Special memxrxndum account')).toBeNull();
  });

  it('reads a label by its head, not by a field named in its parenthesised qualifier', () => {
    expect(target('SMA (Reg. T)')).toBe('sma');
    expect(target('Special Memorandum Account (Reg T)')).toBe('sma');
    // A qualifier that names the head's own field, or a head that names none, leaves the reading alone.
    expect(target('Initial (Reg. T)')).toBe('initial_requirement');
    expect(target('Figures (Reg. T)')).toBe('initial_requirement');
  });

  it('reads no amount under a label that ends in an identifier word', () => {
    expect(target('Cash Sweep Ref')).toBeNull();
    expect(target('Margin Call Number')).toBeNull();
    expect(target('Excess Liquidity ID')).toBeNull();
    // An account's, a date's or a currency's label may end so; an amount's label may hold one elsewhere.
    expect(target('Account No.')).toBe('account');
    expect(target('Cash Sweep')).toBe('cash_balance');
  });

  it('never reads the equity an account must hold as its equity', () => {
    expect(target('Minimum Equity Required')).not.toBe('total_equity');
    expect(target('Equity Requirement')).not.toBe('total_equity');
    expect(target('Required House Equity')).not.toBe('total_equity');
    expect(target('Account Equity')).toBe('total_equity');
    expect(target('Excess Equity over Requirement')).toBe('excess_liquidity');
  });

  it('prefers the house requirement over the exchange one', () => {
    expect(matchLabel('House Maintenance Requirement')!.synonym.weight).toBeGreaterThan(
      matchLabel('Exchange Maintenance Requirement')!.synonym.weight,
    );
  });

  it('reads a deficit label as a negative excess', () => {
    expect(matchLabel('Margin Deficit')).toMatchObject({ target: 'excess_liquidity', negate: true });
  });

  it('finds the label at the end of a sentence', () => {
    expect(matchLabel('a house maintenance call of', undefined, { prose: true })?.target).toBe('margin_call');
  });

  it('reads a requirement printed as what is required (`Total Margin Required`), below its own spelling', () => {
    expect(matchLabel('Total Margin Required (4 + 5)')?.target).toBe('maintenance_requirement');
    expect(matchLabel('Initial Margin Required')?.target).toBe('initial_requirement');
    // What the account must hold is never its equity, in either form.
    expect(matchLabel('Equity Required')).toBeNull();
    expect(matchLabel('Total Margin Required')!.score).toBeLessThan(matchLabel('Total Margin Requirement')!.score);
  });

  it('reads a deficiency as a negative excess, in a sentence too', () => {
    expect(matchLabel('Maintenance Deficiency')).toMatchObject({ target: 'excess_liquidity', negate: true });
    expect(matchLabel('. This leaves a maintenance deficiency of', undefined, { prose: true })).toMatchObject({
      target: 'excess_liquidity',
      negate: true,
    });
  });

  it('reads written options as short value and a net margin deposit as equity, despite the distractor word', () => {
    expect(matchLabel('Geschriebene Optionen / Written options')?.target).toBe('short_market_value');
    expect(matchLabel('Options')).toBeNull();
    expect(matchLabel('受入保証金 (実質) Net Margin Deposit')?.target).toBe('total_equity');
  });

  it('reads an exchange snapshot time as the report date', () => {
    expect(matchLabel('Snapshot time:')?.target).toBe('date');
  });

  it.each([
    ['Nettoliquidationswert', 'total_equity'],
    ['Erhaltungsmarge', 'maintenance_requirement'],
    ['Initiale Sicherheitsleistung (Einschuss)', 'initial_requirement'],
    ['Überdeckung / Unterdeckung', 'excess_liquidity'],
    ['Uberdeckung', 'excess_liquidity'],
    ['Verfügbare Kaufkraft', 'buying_power'],
    ['Saldo Verrechnungskonto', 'cash_balance'],
    ['Kurswert Kaufpositionen', 'long_market_value'],
    ['Kurswert Leerverkaufspositionen', 'short_market_value'],
    ['Kontowährung', 'currency'],
    ['Bewertungsstichtag:', 'date'],
    ['Valeur liquidative du compte', 'total_equity'],
    ['Couverture initiale exigée', 'initial_requirement'],
    ['Couverture de maintenance exigée', 'maintenance_requirement'],
    ['Solde espèces', 'cash_balance'],
    ['Valorisation des positions acheteuses', 'long_market_value'],
    ['Valorisation des positions vendeuses', 'short_market_value'],
    ['Devise de référence :', 'currency'],
    ['Compte n°', 'account'],
    ['Situation au', 'date'],
  ])('reads the German, French or retail label %s as %s', (label, field) => {
    expect(matchLabel(label)?.target).toBe(field);
  });

  it('reads French excess/(shortfall) as the excess, not its negation; a lone shortfall negates', () => {
    const m = matchLabel('Excédent / (Insuffisance) de couverture');
    expect(m?.target).toBe('excess_liquidity');
    expect(m?.negate).toBe(false);
    expect(matchLabel('Insuffisance de couverture')?.negate).toBe(true);
  });

  it('reads a bare Margin Balance as equity, a Reg T margin balance (debit) as cash', () => {
    expect(matchLabel('Margin Balance')?.target).toBe('total_equity');
    expect(matchLabel('Margin Balance (USDT)')?.target).toBe('total_equity');
    expect(matchLabel('Margin Balance (debit)')?.target).toBe('cash_balance');
    expect(matchLabel('Cash & Margin Balance')?.target).toBe('cash_balance');
    expect(matchLabel('balance')?.target).toBe('cash_balance');
  });

  it('ranks an account number label above a client id', () => {
    expect(matchLabel('Trading account')!.score).toBeGreaterThan(matchLabel('Client ID')!.score);
    expect(matchLabel('Kontonummer')!.score).toBeGreaterThan(matchLabel('Kundennummer')!.score);
  });

  it('keeps print and previous dates out of the report date', () => {
    expect(matchLabel('Erstellt am:')).toBeNull();
    expect(matchLabel('Édité le')).toBeNull();
    expect(matchLabel('TRD DATE')).toBeNull();
  });
});

describe('the cash accounts of a collateral overview', () => {
  it('reads the row of the cash accounts together as the cash balance', () => {
    expect(matchLabel('Cash accounts')?.target).toBe('cash_balance');
  });

  it('reads no one cash account, a slip away from that synonym, as the cash balance', () => {
    expect(matchLabel('Cash account')).toBeNull();
  });
});

describe('a qualifier that gives the rate of a basis', () => {
  it('reads the label without it: the rate says how the figure is reckoned, not which figure it is', () => {
    expect(target('Vedlikeholdsmargin (90 % av initialmargin)')).toBe('maintenance_requirement');
    expect(target('Maintenance margin (25% of long market value)')).toBe('maintenance_requirement');
  });

  it('still reads a label with a bare rate or a formula in its qualifier whole or not at all', () => {
    expect(target('Required Margin (30%)')).toBeNull();
    expect(target('Margin requirement (30% + 5%)')).toBeNull();
  });
});
