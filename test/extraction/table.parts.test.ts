import { describe, expect, it } from 'vitest';
import type { Evidence, ReportIssue } from '../../src/contract/reading.ts';
import { settlePartsByTable } from '../../src/extraction/solver/table.parts.ts';

/**
 * A table with one row per account, whose requirement and excess titles the vocabulary cannot tell
 * apart: one row with a deficit (and its call) settles which column is which, and the rows that
 * read the two the other way round take the table's reading, below review.
 */
const at = (x0: number, x1: number, y: number, label: string, text: string): Evidence => ({
  page: 1,
  bbox: [x0, y, x1, y + 9],
  label,
  text,
});
const REQ = 'Hold Level';
const EXC = 'Spare Room';
const open = (field: string): ReportIssue => ({ code: 'interchangeable_parts', field, severity: 'info', message: '' });

function table() {
  return [
    {
      account: { value: 'AB-1001' },
      // Read the wrong way round: the requirement taken from the excess column and back.
      fields: {
        maintenance_requirement: { value: 64_000, conf: 0.55, evidence: at(330, 380, 100, EXC, '64,000.00') },
        excess_liquidity: { value: 21_000, conf: 0.55, evidence: at(250, 300, 100, REQ, '21,000.00') },
      },
      issues: [open('maintenance_requirement'), open('excess_liquidity')],
    },
    {
      account: { value: 'AB-1002' },
      fields: {
        maintenance_requirement: { value: 90_000, conf: 0.7, evidence: at(250, 300, 115, REQ, '90,000.00') },
        excess_liquidity: { value: -5_000, conf: 0.7, evidence: at(335, 380, 115, EXC, '-5,000.00') },
      },
      issues: [] as ReportIssue[],
    },
  ];
}

describe('interchangeable parts in a table of accounts', () => {
  it('reads each column as the field a settled row of the same table shows it to be', () => {
    const t = table();
    settlePartsByTable(t);
    expect(t[0]!.fields.maintenance_requirement.value).toBe(21_000);
    expect(t[0]!.fields.excess_liquidity.value).toBe(64_000);
    expect(t[0]!.fields.maintenance_requirement.conf).toBeLessThan(0.8);
    expect(t[0]!.issues.filter((i) => i.field === 'excess_liquidity').map((i) => i.message)).toEqual([
      expect.stringContaining('AB-1002'),
    ]);
    expect(t[1]!.fields.maintenance_requirement.value).toBe(90_000);
  });

  it('leaves the rows alone when another settled row reads the columns as they were read', () => {
    const t = table();
    t.push({
      account: { value: 'AB-1003' },
      fields: {
        maintenance_requirement: { value: 40_000, conf: 0.9, evidence: at(330, 380, 130, EXC, '40,000.00') },
        excess_liquidity: { value: 9_000, conf: 0.9, evidence: at(250, 300, 130, REQ, '9,000.00') },
      },
      issues: [],
    });
    settlePartsByTable(t);
    expect(t[0]!.fields.maintenance_requirement.value).toBe(64_000);
  });

  it('needs a settled row: two open rows decide nothing', () => {
    const t = table();
    t[1]!.issues.push(open('maintenance_requirement'), open('excess_liquidity'));
    settlePartsByTable(t);
    expect(t[0]!.fields.maintenance_requirement.value).toBe(64_000);
  });
});
