import { describe, expect, it } from 'vitest';
import { finishReport, recheckReport } from '../../src/core/report/report.finish.ts';
import { type ReportReading, reportSchema } from '../../src/core/report/report.schema.ts';

const now = new Date('2026-12-06T12:00:00Z');
const box = (text: string) => ({
  page: 1,
  bbox: [300, 100, 360, 110] as [number, number, number, number],
  label: 'L',
  text,
});

const reading = (): ReportReading => ({
  source_file_name: 's.pdf',
  account_number: 'A1',
  report_date: '2026-12-04',
  currency: 'USD',
  broker: null,
  // Excess misread: equity − requirement is 600, the reading says 60.
  fields: { total_equity: 1000, maintenance_requirement: 400, excess_liquidity: 60 },
  confidence: {
    account_number: 0.95,
    report_date: 0.95,
    currency: 0.9,
    total_equity: 0.9,
    maintenance_requirement: 0.9,
    excess_liquidity: 0.9,
  },
  evidence: {
    account_number: box('A1'),
    total_equity: box('1,000.00'),
    maintenance_requirement: box('400.00'),
    excess_liquidity: box('60.00'),
  },
  issues: [],
  method: 'text',
  pages: 1,
  processing_time_ms: 5,
});

describe('finishReport and recheckReport: the rules in one place', () => {
  it('flags the misread excess after extraction, with evidence in the report', () => {
    const r = finishReport(reading(), { now });
    expect(reportSchema.parse(r)).toBeTruthy();
    expect(r.needs_review).toBe(true);
    expect(r.issues.map((i) => i.code)).toContain('excess_mismatch');
    expect(r.evidence?.total_equity?.text).toBe('1,000.00');
  });

  it('re-runs the same rules after an edit: a corrected value clears the mismatch', () => {
    const before = finishReport(reading(), { now });
    const edited = recheckReport(
      before,
      {
        account_number: 'A1',
        report_date: '2026-12-04',
        currency: 'USD',
        fields: { ...before.fields, excess_liquidity: 600 },
      },
      { now },
    );
    expect(edited.issues.map((i) => i.code)).not.toContain('excess_mismatch');
    expect(edited.needs_review).toBe(false);
    expect(edited.confidence.fields.excess_liquidity).toBe(1);
    // The typed value has no place on the page; the values left as read keep theirs.
    expect(Object.keys(edited.evidence ?? {}).sort()).toEqual([
      'account_number',
      'maintenance_requirement',
      'total_equity',
    ]);
  });

  it('re-runs the same rules after an edit: a wrong typed value is flagged like a misread one', () => {
    const before = finishReport(reading(), { now });
    const edited = recheckReport(
      before,
      {
        account_number: 'A1',
        report_date: '2026-12-04',
        currency: 'USD',
        fields: { total_equity: 1000, maintenance_requirement: 400, excess_liquidity: 70 },
      },
      { now },
    );
    expect(edited.issues.map((i) => i.code)).toContain('excess_mismatch');
    expect(edited.needs_review).toBe(true);
  });
});

describe('the report schema', () => {
  it('takes ISO codes and market tickers as the currency, nothing else', () => {
    const r = finishReport(reading(), { now });
    expect(reportSchema.safeParse({ ...r, currency: 'USDT' }).success).toBe(true);
    expect(reportSchema.safeParse({ ...r, currency: 'EUR' }).success).toBe(true);
    expect(reportSchema.safeParse({ ...r, currency: 'usd' }).success).toBe(false);
    expect(reportSchema.safeParse({ ...r, currency: '$' }).success).toBe(false);
  });
});
