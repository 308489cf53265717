import type { Repositories } from '../src/core/ports/repositories.ports.ts';
import type { MarginReport } from '../src/core/report/report.schema.ts';

/** A fictitious book for the screenshots: the sample account's approved weekly history and a few other accounts. */
const WEEKS = 14;
const LAST = Date.parse('2026-11-20T00:00:00Z');
const day = (weeksBack: number) => new Date(LAST - weeksBack * 7 * 86_400_000).toISOString().slice(0, 10);

function report(account: string, date: string, equity: number, requirement: number): MarginReport {
  const excess = Math.round((equity - requirement) * 100) / 100;
  return {
    source_file_name: `${account}-${date}.pdf`,
    account_number: account,
    report_date: date,
    currency: 'USD',
    broker: 'Demo Securities',
    fields: {
      total_equity: equity,
      maintenance_requirement: requirement,
      excess_liquidity: excess,
      margin_call: excess < 0 ? -excess : 0,
    },
    confidence: { overall: 0.97, fields: { total_equity: 0.99, maintenance_requirement: 0.97 } },
    data_quality_score: 0.96,
    needs_review: false,
    issues: [],
    method: 'text',
    pages: 1,
    processing_time_ms: 400,
  } as MarginReport;
}

async function store(repos: Repositories, r: MarginReport, approve: boolean) {
  const { report: stored } = await repos.reports.insertOrGetExisting({
    report: { ...r, account_number: r.account_number!, report_date: r.report_date! },
    createdBy: 'console:analyst',
    ingestionId: null,
  });
  if (approve) await repos.reports.decide({ id: stored.id, status: 'approved', by: 'console:approver', reason: null });
}

export async function sampleSeed(repos: Repositories): Promise<void> {
  for (let w = WEEKS; w >= 1; w -= 1) {
    // A wave with a dip below the requirement in the middle of the period.
    const equity = 430_000 + Math.round(Math.sin(w / 2) * 38_000) - (w === 7 ? 45_000 : 0);
    await store(repos, report('DEMO-104217', day(w - 1), equity, 372_000 + (w % 3) * 4_000), true);
  }
  const others: [string, number, number][] = [
    ['DEMO-200311', 1_250_000, 910_000],
    ['DEMO-200480', 310_000, 326_500],
    ['DEMO-201077', 780_000, 702_000],
    ['DEMO-201552', 96_000, 61_000],
    ['DEMO-202019', 2_400_000, 2_455_000],
    ['DEMO-202764', 515_000, 398_000],
  ];
  for (const [account, equity, requirement] of others)
    await store(repos, report(account, day(0), equity, requirement), true);
}
