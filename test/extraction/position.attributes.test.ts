import { describe, expect, it } from 'vitest';
import { type Placed, rows } from './support/pdf.builder.ts';
import { statementRunner } from './support/statement.runner.ts';

const run = statementRunner();

describe('a table of positions under titles stacked over two lines', () => {
  it("reads the side of a position (its key's cell wrapped over lines) as the row's attribute, not a field's label", async () => {
    const reports = await run([
      [
        ['Perpetual futures account 40917723', 50, 40, 12],
        ['Snapshot 2026-10-02 00:00 UTC  Settlement asset: USDT', 50, 58],
        ...rows(
          80,
          14,
          [50, 200, 350],
          [
            ['Margin balance', 'Initial margin', 'Maintenance margin'],
            ['52,400.0000', '18,900.0000', '7,560.0000'],
          ],
        ),
        ...rows(
          140,
          8,
          [50, 120, 170, 220, 290, 360, 430],
          [
            [null, null, null, 'Entry', 'Mark', 'Liq.', 'Position'],
            ['Symbol', 'Side', 'Qty', null, null, null, null],
            [null, null, null, 'price', 'price', 'price', 'margin'],
          ],
        ),
        ['ADAUSDT-', 50, 170],
        ...rows(
          176,
          12,
          [120, 170, 220, 290, 360, 430],
          [['Long', '9,000', '612.40', '618.85', '540.10', '1,100.0000']],
        ),
        ['PERP', 50, 182],
        ['XRPUSDT-', 50, 200],
        ...rows(
          206,
          12,
          [120, 170, 220, 290, 360, 430],
          [['Short', '4,000', '702.15', '699.30', '781.20', '900.0000']],
        ),
        ['PERP', 50, 212],
      ],
    ]);
    const r = reports[0]!;
    expect(r.fields.long_market_value).toBeUndefined();
    expect(r.fields.short_market_value).toBeUndefined();
    expect(r.fields.maintenance_requirement).toBe(7_560);
  });
});
