import { describe, expect, it } from 'vitest';
import {
  type Card,
  type ChartBlock,
  card,
  chartTable as chartTableOf,
  type TableBlock,
} from '../../src/core/cards/card.model.ts';
import { summaryCard } from '../../src/core/cards/report.cards.ts';
import { editForm, rejectForm } from '../../src/core/cards/report.forms.ts';
import type { Ingestion } from '../../src/core/ingest/ingestion.model.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { renderCard as consoleCard } from '../../src/platforms/console/console.cards.ts';
import { renderCard as slackCard } from '../../src/platforms/slack/slack.cards.ts';
import { editModal } from '../../src/platforms/slack/slack.forms.ts';
import { homeView } from '../../src/platforms/slack/slack.home.ts';
import { SLACK_LEVELS } from '../../src/platforms/slack/slack.tables.ts';
import { renderCard as teamsCard } from '../../src/platforms/teams/teams.cards.ts';
import { TEAMS_LEVELS } from '../../src/platforms/teams/teams.tables.ts';
import { checkCard, sdkParseProblems } from '../support/adaptive-card.schema.ts';
import { checkMessage, modalBlocks } from '../support/block-kit.schema.ts';
import { sampleReport } from '../support/fakes.ts';

const stored = (d: MarginReport, over: Partial<Report> = {}): Report => ({
  id: `r-${d.account_number}-${d.report_date}`,
  accountNumber: d.account_number!,
  reportDate: d.report_date!,
  extracted: d,
  confidence: d.confidence.overall,
  qualityScore: d.data_quality_score,
  status: 'pending',
  createdBy: 'slack:U1',
  processingTimeMs: 10,
  sourceFileName: 'statement.pdf',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  needsReview: d.needs_review,
  version: 1,
  ingestionId: 'i1',
  ...over,
});
const ingestion = { id: 'i1', fileName: 'statement.pdf' } as Ingestion;

/** Every form a card takes on every platform: each must pass the published schema. */
function everyForm(c: Card) {
  for (const level of SLACK_LEVELS) {
    const msg = slackCard(c, { level });
    expect(checkMessage(msg), `slack ${level}`).toEqual([]);
  }
  for (const level of TEAMS_LEVELS) expect(checkCard(teamsCard(c, { level })), `teams ${level}`).toEqual([]);
}

const types = (c: Card, level?: (typeof SLACK_LEVELS)[number]) =>
  slackCard(c, level ? { level } : {}).blocks.map((b) => b.type as string);

describe('the summary card as a table (issue 17)', () => {
  const now = sampleReport({
    currency: 'EUR',
    fields: { total_equity: 900_000, maintenance_requirement: 400_000, excess_liquidity: 500_000, margin_call: 0 },
    confidence: { overall: 0.9, fields: { total_equity: 0.99, maintenance_requirement: 0.6 } },
  });
  const prior = stored(
    sampleReport({
      currency: 'EUR',
      report_date: '2026-11-20',
      fields: { total_equity: 1_000_000, maintenance_requirement: 400_000, excess_liquidity: 600_000 },
    }),
    { status: 'approved' },
  );
  const r = stored(now);
  const c = summaryCard(ingestion, [r], [], undefined, undefined, { priors: new Map([[r.id, prior]]) });

  it('renders a Slack table block with figures right-aligned, the prior value and the change', () => {
    const msg = slackCard(c);
    const table = msg.blocks.find((b) => b.type === 'table') as {
      rows: { text: string }[][];
      column_settings: { align: string }[];
    };
    expect(table).toBeDefined();
    expect(table.rows[0]?.map((x) => x.text)).toEqual([
      'Figure',
      'Value',
      'Prior (2026-11-20)',
      'Δ',
      'Confidence',
      'Review',
    ]);
    expect(table.column_settings.map((s) => s.align)).toEqual(['left', 'right', 'right', 'right', 'right', 'left']);
    const equity = table.rows.find((row) => row[0]?.text === 'Total equity')!;
    expect(equity.map((x) => x.text)).toEqual([
      'Total equity',
      '900,000.00 EUR',
      '1,000,000.00 EUR',
      '-100,000.00 EUR',
      '99%',
      '—',
    ]);
    const requirement = table.rows.find((row) => row[0]?.text === 'Maintenance requirement')!;
    expect(requirement[1]?.text).toBe('400,000.00 EUR ⚠️');
    expect(requirement[5]?.text).toContain('Needs review');
    everyForm(c);
  });

  it('renders a Teams Table with right-aligned figure columns and an HTML table in the console', () => {
    const teams = teamsCard(c);
    const table = teams.body.find((e) => e.type === 'Table') as {
      columns: { horizontalCellContentAlignment?: string }[];
      fallback?: { type: string };
    };
    expect(table.columns.map((x) => x.horizontalCellContentAlignment ?? 'Left')).toEqual([
      'Left',
      'Right',
      'Right',
      'Right',
      'Right',
      'Left',
    ]);
    // An older client draws the FactSet the Table names as its fallback.
    expect(table.fallback?.type).toBe('FactSet');
    const html = consoleCard(c);
    expect(html).toContain('<th scope="col" class="num">Value</th>');
    expect(html).toContain('<td class="num" data-value="900000">900,000.00 EUR</td>');
    expect(html).toMatch(/<td class="num flagged" data-value="400000">400,000.00 EUR <span class="flag"/);
  });

  it('steps down to section fields where tables are refused, keeping every figure', () => {
    const msg = slackCard(c, { level: 'fields' });
    expect(msg.blocks.some((b) => b.type === 'table')).toBe(false);
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain('Total equity');
    expect(text).toContain('Value: 900,000.00 EUR · Prior (2026-11-20): 1,000,000.00 EUR · Δ: -100,000.00 EUR');
  });

  it("keeps one table per Slack message: a second report's figures are text", () => {
    const two = summaryCard(ingestion, [r, stored(sampleReport({ account_number: 'U7654321' }))], []);
    expect(types(two).filter((t) => t === 'table')).toHaveLength(1);
    expect(JSON.stringify(slackCard(two).blocks)).toContain('U7654321');
    everyForm(two);
  });
});

const history = (n: number): ChartBlock => ({
  type: 'chart',
  kind: 'line',
  title: 'Excess liquidity, last 30 reports',
  series: 'Excess',
  xLabel: 'Report date',
  yLabel: 'USD',
  points: Array.from({ length: n }, (_, i) => {
    const value = (i % 7) * 10_000 - 20_000;
    return { label: `2026-10-${String(i + 1).padStart(2, '0')}`, value, text: `${value} USD`, highlight: value < 0 };
  }),
});

describe('charts and limits (issue 17, item 8)', () => {
  it('splits a 30-point line into two Slack charts of 15 (20 points a chart, two charts a message)', () => {
    const c = card('History', 'info', [history(30)]);
    const charts = slackCard(c).blocks.filter((b) => (b.type as string) === 'data_visualization') as unknown as {
      title: string;
      chart: { axis_config: { categories: string[] } };
    }[];
    expect(charts.map((x) => x.chart.axis_config.categories.length)).toEqual([15, 15]);
    expect(charts[0]?.title.length).toBeLessThanOrEqual(50);
    everyForm(c);
  });

  it('draws a third chart, or a chart beyond 40 points, as a table instead of breaking the message', () => {
    const c = card('Many', 'info', [history(50), history(10), history(5)]);
    const t = types(c);
    expect(t.filter((x) => x === 'data_visualization')).toHaveLength(2);
    everyForm(c);
  });

  it('colours deficits in a bar chart as a second series on Slack and in attention colour on Teams', () => {
    const bars: ChartBlock = { ...history(6), kind: 'bar', highlightSeries: 'Deficit' };
    const c = card('Bars', 'info', [bars]);
    const block = slackCard(c).blocks.find((b) => (b.type as string) === 'data_visualization') as unknown as {
      chart: { series: { name: string; data: { value: number }[] }[] };
    };
    expect(block.chart.series.map((s) => s.name)).toEqual(['Excess', 'Deficit']);
    const teams = teamsCard(c).body.find((e) => e.type === 'Chart.VerticalBar') as unknown as {
      data: { y: number; color: string }[];
      fallback: { type: string };
    };
    expect(teams.data.filter((d) => d.y < 0).every((d) => d.color === 'attention')).toBe(true);
    expect(teams.fallback.type).toBe('Table');
    expect(consoleCard(c)).toContain('<svg role="img"');
    everyForm(c);
  });

  it('pages a 250-row sortable table: 100 rows in the data_table, the rest as text, all within 50 blocks', () => {
    const big: TableBlock = {
      type: 'table',
      sortable: true,
      caption: 'History',
      columns: ['Date', { label: 'Excess', align: 'right' }],
      rows: Array.from({ length: 250 }, (_, i) => [`day ${i}`, { text: `${i}.00 USD`, value: i }]),
    };
    const c = card('Big', 'info', [big]);
    const msg = slackCard(c);
    const dt = msg.blocks.find((b) => b.type === 'data_table') as { rows: unknown[][]; page_size: number };
    expect(dt.rows).toHaveLength(101);
    expect(dt.rows[1]?.[1]).toEqual({ type: 'raw_number', value: 0, text: '0.00 USD' });
    expect(dt.page_size).toBe(10);
    expect(JSON.stringify(msg.blocks)).toContain('day 100');
    everyForm(c);
  });
});

describe('views (App Home, modals)', () => {
  it('keep the table family and charts out of views, where Slack allows them in messages only', () => {
    const c = card('Home', 'info', [history(30), { ...chartTableOf(history(3)), sortable: true }]);
    const blocks = slackCard(c, { surface: 'view' }).blocks.map((b) => b.type as string);
    expect(blocks).not.toContain('table');
    expect(blocks).not.toContain('data_table');
    expect(blocks).not.toContain('data_visualization');
    expect(JSON.stringify(slackCard(c, { surface: 'view' }).blocks)).toContain('2026-10-30');
  });
});

describe('the schemas themselves', () => {
  it('refuse what Slack refuses: two tables, a 21-point chart, an empty cell, 51 blocks', () => {
    const cellRow = [{ type: 'raw_text', text: 'a' }];
    const tableBlock = { type: 'table', rows: [cellRow] };
    expect(checkMessage({ text: 't', blocks: [tableBlock, tableBlock] })).not.toEqual([]);
    const cats = Array.from({ length: 21 }, (_, i) => `c${i}`);
    const chart = {
      type: 'data_visualization',
      title: 'x',
      chart: {
        type: 'line',
        series: [{ name: 's', data: cats.map((label) => ({ label, value: 1 })) }],
        axis_config: { categories: cats },
      },
    };
    expect(checkMessage({ text: 't', blocks: [chart] })).not.toEqual([]);
    expect(
      checkMessage({ text: 't', blocks: [{ type: 'table', rows: [[{ type: 'raw_text', text: '' }]] }] }),
    ).not.toEqual([]);
    expect(checkMessage({ text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).not.toEqual(
      [],
    );
  });

  it('refuse a Teams Table whose row has a cell too few, and an unknown element', () => {
    const cell = { type: 'TableCell', items: [{ type: 'TextBlock', text: 'a' }] };
    const base = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
    };
    const table = {
      type: 'Table',
      columns: [{ type: 'TableColumnDefinition' }, { type: 'TableColumnDefinition' }],
      rows: [{ type: 'TableRow', cells: [cell] }],
    };
    expect(checkCard({ ...base, body: [table] })).not.toEqual([]);
    expect(checkCard({ ...base, body: [{ type: 'Chart.Sparkle' }] })).not.toEqual([]);
  });

  it("Microsoft's Adaptive Cards SDK reads every card too: an invalid property value and an unknown element are its errors", () => {
    const base = { type: 'AdaptiveCard', version: '1.5' };
    expect(sdkParseProblems({ ...base, body: [{ type: 'TextBlock', text: 'a' }] })).toEqual([]);
    expect(sdkParseProblems({ ...base, body: [{ type: 'TextBlock', text: 'a', size: 'huge' }] })).toEqual([
      'adaptivecards: Invalid value "huge" for property "size".',
    ]);
    expect(sdkParseProblems({ ...base, body: [{ type: 'Bogus' }] }).join()).toMatch(/Unknown element type "Bogus"/);
    // Teams' chart elements are not in that SDK: the subset schema checks them instead.
    expect(sdkParseProblems({ ...base, body: [{ type: 'Chart.Line', data: [] }] })).toEqual([]);
  });
});

describe('forms and views', () => {
  it('the edit and reject modals and the App Home are valid view blocks', () => {
    const r = stored(sampleReport());
    for (const form of [editForm(r), rejectForm(r)]) {
      const view = editModal({ ...form, version: 1 }, { channel: 'C1', messageTs: '1.2' });
      expect(modalBlocks.safeParse(view.blocks).error?.issues ?? []).toEqual([]);
    }
    const home = homeView(summaryCard(ingestion, [r], []));
    expect(modalBlocks.safeParse(home.blocks).error?.issues ?? []).toEqual([]);
  });
});
