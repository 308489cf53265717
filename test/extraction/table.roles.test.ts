import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../src/contract/fields.ts';
import { assignRoles, type RoleLine } from '../../src/extraction/structure/table.roles.ts';

/** A table line: its title, what the title matched (if anything) and a figure per account. */
const line = (
  title: string,
  values: number[],
  match: { field: FieldName; clear: boolean } | null = null,
): RoleLine => ({
  title,
  match: match ? { ...match, score: 0.9 } : null,
  values: new Map(values.map((v, i) => [`A${i}`, v])),
});
const fields = (lines: RoleLine[]) =>
  Object.fromEntries([...assignRoles(lines)].map(([i, r]) => [lines[i]!.title, `${r.field} ${r.how}`]));

describe('assignRoles: the fields of a multi-account table, decided for all its lines at once', () => {
  it('gives lines with unclear or unknown titles the parts that the identities give them on every account', () => {
    expect(
      fields([
        line('Zorp Equity Value', [1000, 500, 80]),
        line('Required Maintenance Equity', [300, 100, 90], { field: 'total_equity', clear: false }),
        line('Equity Over Requirement', [700, 400, -10], { field: 'total_equity', clear: false }),
        line('Initial Margin', [450, 150, 120], { field: 'initial_requirement', clear: true }),
      ]),
    ).toEqual({
      'Zorp Equity Value': 'total_equity identity',
      'Required Maintenance Equity': 'maintenance_requirement identity',
      'Equity Over Requirement': 'excess_liquidity identity',
      'Initial Margin': 'initial_requirement label',
    });
  });

  it('names neither of two unknown lines that sum to the equity when nothing tells which is which', () => {
    const lines = [
      line('Net Liquidation Value', [1000, 500], { field: 'total_equity', clear: true }),
      line('Zorbly Quux', [300, 100]),
      line('Frobnic Zorp', [700, 400]),
    ];
    expect(fields(lines)).toEqual({ 'Net Liquidation Value': 'total_equity label' });
  });

  it('tells cash from the long value by sign, and reads a line of zeros as the short value or the call only by its words', () => {
    expect(
      fields([
        line('Net Liquidation Value', [1000, 500, 700], { field: 'total_equity', clear: true }),
        line('Zorp Long Side', [1200, 300, 700]),
        line('Cash Zorp', [-200, 200, 0]),
        line('Zorp Short Side', [0, 0, 0]),
        line('Zorp Calls', [0, 0, 0]),
        line('Maintenance Requirement', [400, 100, 200], { field: 'maintenance_requirement', clear: true }),
        line('Zorp Zorp', [600, 400, 500]),
      ]),
    ).toEqual({
      'Net Liquidation Value': 'total_equity label',
      'Maintenance Requirement': 'maintenance_requirement label',
      'Zorp Zorp': 'excess_liquidity identity',
      'Zorp Long Side': 'long_market_value identity',
      'Cash Zorp': 'cash_balance identity',
      'Zorp Short Side': 'short_market_value identity',
      'Zorp Calls': 'margin_call identity',
    });
  });

  it('reads an unknown line by the field its wording leans to only where no other line has that field', () => {
    const base = [
      line('Net Liquidation Value', [1000, 500], { field: 'total_equity', clear: true }),
      line('Zorp Purchasing Power', [2400, 1200]),
    ];
    expect(fields(base)['Zorp Purchasing Power']).toBe('buying_power lean');
    expect(fields([...base, line('Buying Power', [7, 8], { field: 'buying_power', clear: true })])).not.toHaveProperty(
      'Zorp Purchasing Power',
    );
  });

  it('tells the requirement from the excess by a line of buying power or of initial requirements, on every account', () => {
    const base = [
      line('Net Liquidation Value', [1000, 500, 800], { field: 'total_equity', clear: true }),
      line('Maint. Level Cushion', [700, 400, 500], { field: 'maintenance_requirement', clear: false }),
      line('House Min. Floor', [300, 100, 300]),
    ];
    // No other line: the title's wording decides, below review (see account.table.ts).
    expect(fields(base)['Maint. Level Cushion']).toBe('maintenance_requirement identity');
    // Purchasing capacity is 2× (or 4×) the floor on each account: the floor is the excess.
    expect(fields([...base, line('Purchasing Capacity', [600, 400, 600])])).toMatchObject({
      'Maint. Level Cushion': 'maintenance_requirement identity',
      'House Min. Floor': 'excess_liquidity identity',
    });
    expect(fields([...base, line('Purchasing Capacity', [1400, 800, 1000])])).toMatchObject({
      'Maint. Level Cushion': 'excess_liquidity identity',
      'House Min. Floor': 'maintenance_requirement identity',
    });
    // An initial requirement the cushion exceeds on some account: the cushion is not the maintenance requirement.
    expect(fields([...base, line('Initial Need Reg. T Basis', [450, 150, 420])])).toMatchObject({
      'Maint. Level Cushion': 'excess_liquidity identity',
      'House Min. Floor': 'maintenance_requirement identity',
    });
  });
});
