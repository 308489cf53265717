import { describe, expect, it } from 'vitest';
import { marginCallAlertCard, summaryCard } from '../../src/core/cards/report.cards.ts';
import type { Ingestion } from '../../src/core/ingest/ingestion.model.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { renderCard as consoleCard } from '../../src/platforms/console/console.cards.ts';
import { renderCard as slackCard } from '../../src/platforms/slack/slack.cards.ts';
import { renderCard as teamsCard } from '../../src/platforms/teams/teams.cards.ts';
import { sampleReport } from '../support/fakes.ts';

const stored = (d: MarginReport): Report => ({
  id: 'r1',
  accountNumber: d.account_number!,
  reportDate: d.report_date!,
  extracted: d,
  confidence: d.confidence.overall,
  qualityScore: d.data_quality_score,
  status: 'pending',
  createdBy: 'slack:U1',
  processingTimeMs: 100,
  sourceFileName: 'statement.pdf',
  createdAt: '2026-11-27T10:00:00Z',
  updatedAt: '2026-11-27T10:00:00Z',
  ingestionId: 'i1',
  needsReview: d.needs_review,
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  version: 1,
});
const ingestion = { id: 'i1', fileName: 'statement.pdf', createdAt: '2026-11-27T10:00:00Z' } as Ingestion;

/** The summary as each platform shows it, as one string per platform. */
const rendered = (d: MarginReport) => {
  const c = summaryCard(ingestion, [stored(d)], []);
  return { slack: JSON.stringify(slackCard(c)), teams: JSON.stringify(teamsCard(c)), console: consoleCard(c) };
};
/** The text between a field's label and the next field, on each platform. */
const around = (s: string, label: string) => s.slice(s.indexOf(label), s.indexOf(label) + 160);

/** The console's table row (issue 17: the summary's figures table) that holds a label. */
const consoleField = (html: string, label: string) => {
  const at = html.indexOf(`<td>${label}</td>`);
  expect(at, `a row for ${label}`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf('<tr>', at), html.indexOf('</tr>', at));
};

const deficit = sampleReport({
  fields: { total_equity: 100_000, maintenance_requirement: 101_816.28, excess_liquidity: -1_816.28 },
});

describe('calls and deficits on the cards', () => {
  it('says "Deficit of 1,816.28 USD", never a negative amount owed', () => {
    for (const [platform, text] of Object.entries(rendered(deficit))) {
      expect(text, platform).toContain('Deficit of 1,816.28 USD');
      expect(text, platform).not.toContain('Deficit of -');
    }
    const alert = marginCallAlertCard(stored(deficit));
    expect(alert.title).toBe('Margin deficit: account U1234567 — 1,816.28 USD');
    expect(JSON.stringify(slackCard(alert))).not.toContain('— -');
  });

  it('names a stated call by its amount', () => {
    const call = sampleReport({ fields: { total_equity: 10, excess_liquidity: -80_619.12, margin_call: 80_619.12 } });
    for (const text of Object.values(rendered({ ...call, currency: 'EUR' })))
      expect(text).toContain('Margin call of 80,619.12 EUR');
  });

  it('puts no warning mark on a margin call of 0.00 beside positive excess, even at low confidence', () => {
    const none = sampleReport({ confidence: { overall: 0.95, fields: { margin_call: 0.6 } } });
    const r = rendered(none);
    expect(around(r.slack, 'Margin call')).not.toContain('⚠️');
    expect(around(r.teams, 'Margin call')).not.toContain('⚠️');
    expect(consoleField(r.console, 'Margin call')).not.toContain('⚠️');
    expect(r.console).not.toContain('Deficit of');
  });

  it('still marks a call of 0.00 that a rule contradicts (a deficit with no call stated)', () => {
    const contradicted = sampleReport({
      fields: { total_equity: 100, maintenance_requirement: 200, excess_liquidity: -100, margin_call: 0 },
      issues: [{ code: 'call_mismatch', field: 'margin_call', severity: 'warning', message: 'no call stated' }],
    });
    const r = rendered(contradicted);
    expect(around(r.slack, 'Margin call')).toContain('⚠️');
    expect(around(r.teams, 'Margin call')).toContain('⚠️');
    expect(consoleField(r.console, 'Margin call')).toContain('⚠️');
  });
});
