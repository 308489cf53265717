import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../src/extraction/labels/label.matcher.ts';
import { contextOf, isNoneWord } from '../../src/extraction/vocabulary/context.match.ts';

// Labels worded the way Italian, Dutch, Brazilian and Spanish statements print them (not any corpus file's words).
describe('Italian, Dutch, Portuguese and Spanish margin labels', () => {
  it.each([
    // Italian
    ['Valore netto di liquidazione del conto', 'total_equity'],
    ['Margine di mantenimento richiesto', 'maintenance_requirement'],
    ['Margine iniziale totale', 'initial_requirement'],
    ['Eccedenza', 'excess_liquidity'],
    ['Richiesta di integrazione', 'margin_call'],
    ['Saldo liquidità', 'cash_balance'],
    ['Posizioni lunghe', 'long_market_value'],
    ['Controvalore delle posizioni corte', 'short_market_value'],
    ["Potere d'acquisto", 'buying_power'],
    ['N. conto', 'account'],
    ['Situazione al', 'date'],
    // Dutch
    ['Liquidatiewaarde rekening', 'total_equity'],
    ['Totale onderhoudsmarge', 'maintenance_requirement'],
    ['Initiële marge totaal', 'initial_requirement'],
    ['Margeoverschot', 'excess_liquidity'],
    ['Bijstorting', 'margin_call'],
    ['Geldrekening', 'cash_balance'],
    ['Short posities', 'short_market_value'],
    ['Koopkracht', 'buying_power'],
    ['Rekening nr.', 'account'],
    ['Peildatum', 'date'],
    // Portuguese (Brazil)
    ['Patrimônio líquido total', 'total_equity'],
    ['Margem de manutenção exigida', 'maintenance_requirement'],
    ['Margem inicial', 'initial_requirement'],
    ['Margem excedente', 'excess_liquidity'],
    ['Chamadas de margem', 'margin_call'],
    ['Saldo disponível em conta', 'cash_balance'],
    ['Posição comprada', 'long_market_value'],
    ['Posição vendida', 'short_market_value'],
    ['Número da conta', 'account'],
    ['Data de referência', 'date'],
    // Spanish
    ['Valor liquidativo de la cuenta', 'total_equity'],
    ['Margen de mantenimiento requerido', 'maintenance_requirement'],
    ['Margen inicial exigido', 'initial_requirement'],
    ['Margen disponible', 'excess_liquidity'],
    ['Llamada de margen', 'margin_call'],
    ['Saldo en efectivo', 'cash_balance'],
    ['Posiciones largas', 'long_market_value'],
    ['Capacidad de compra', 'buying_power'],
    ['Nº de cuenta', 'account'],
    ['Fecha de referencia', 'date'],
    ['Divisa', 'currency'],
    // Spanish securities lending: cash posted as collateral, the collateral securities, the borrowed ones
    ['Efectivo en garantía depositado', 'cash_balance'],
    ['Valores en garantía', 'long_market_value'],
    ['Posición larga', 'long_market_value'],
    ['Posición corta', 'short_market_value'],
    ['Valores recibidos en préstamo', 'short_market_value'],
    ['Fecha de corte', 'date'],
  ])('reads %s as %s', (label, field) => {
    expect(matchLabel(label)?.target).toBe(field);
  });

  it('reads an excess worded over its basis as the excess, a deficit as its negation', () => {
    expect(matchLabel('Overschot boven vereiste marge')?.target).toBe('excess_liquidity');
    expect(matchLabel('Margem excedente sobre manutenção')?.target).toBe('excess_liquidity');
    expect(matchLabel('Déficit de margen')?.negate).toBe(true);
  });

  it('reads a total margin available as the equity and a cash balance qualified as a deposit as cash', () => {
    expect(matchLabel('Total Margin Available')?.target).toBe('total_equity');
    expect(matchLabel('Margin available / (deficiency)')?.target).toBe('excess_liquidity');
    expect(matchLabel('Cash Balance - Deposit')?.target).toBe('cash_balance');
  });

  it('keeps print, prior-day and trade dates away from the report date', () => {
    expect(matchLabel('Data di stampa')?.target).not.toBe('date');
    expect(matchLabel('Fecha de emisión')?.target).not.toBe('date');
    expect(matchLabel('Emitido em')?.target).not.toBe('date');
    expect(matchLabel('Vorige liquidatiewaarde')).toBeNull();
  });

  it('reads the words for none as a nil call, the day columns as current or prior', () => {
    for (const w of ['Nessuna', 'geen', 'Não há', 'nao ha', 'Nenhuma', 'No hay', 'Sin llamada'])
      expect(isNoneWord(w)).toBe(true);
    expect(contextOf('Vandaag')).toBe('current');
    expect(contextOf('Vorige werkdag')).toBe('distractor');
    expect(contextOf('Hoy')).toBe('current');
  });
});
