import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigests } from '../../src/core/digest/digest.usecases.ts';
import { renderChartPng } from '../../src/render/chart.png.ts';
import { renderDigestChart } from '../../src/render/digest.chart.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { checkMessage } from '../support/block-kit.schema.ts';
import { eventually } from '../support/slack-double.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { fileShareMessage, slashCommand } from './slack.requests.ts';

/** Issue 17: native tables and charts through the real Bolt app, and the fallback when Slack refuses them. */
const CHANNEL = 'C0NATIVE';
const ANALYST = 'UANALYST';
const ACCOUNT = 'U5000001';
const DATES = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
const EXCESS = [40_000, 15_000, -5_000, 25_000];

let svc: SlackService;
const summaries: { ts: string }[] = [];

beforeAll(async () => {
  svc = await startSlackService();
  for (const [i, date] of DATES.entries()) {
    const ts = svc.slack.nextTs();
    const bytes = await testPdf({
      account_number: ACCOUNT,
      report_date: date,
      fields: { total_equity: 500_000, maintenance_requirement: 500_000 - EXCESS[i]!, excess_liquidity: EXCESS[i]! },
    });
    const file = svc.slack.addFile({ name: `stmt-${date}.pdf`, bytes, channel: CHANNEL, ts });
    await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
    await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, `summary ${date}`);
    summaries.push({ ts });
  }
  await svc.idle();
});
afterAll(async () => {
  await svc?.stop();
});

async function margin(text: string) {
  const responseUrl = svc.slack.responseUrl();
  const id = responseUrl.split('/').pop();
  await svc.sender.command(slashCommand({ user: ANALYST, channel: CHANNEL, text, responseUrl }));
  const answer = await eventually(() => svc.slack.responses.find((r) => r.id === id), 20_000, `/margin ${text}`);
  return answer.body as { text: string; blocks: { type: string; [k: string]: unknown }[] };
}
const fallbackLogs = () => svc.logs.filter((l) => l.includes('Slack refused the'));

describe('native surfaces in Slack', () => {
  it('posts each summary with its figures in a table block that passes the Block Kit schema', () => {
    const msgs = [...svc.slack.messages.values()].filter((m) => m.channel === CHANNEL);
    expect(msgs.length).toBeGreaterThanOrEqual(DATES.length);
    for (const m of msgs) expect(checkMessage({ text: m.text, blocks: m.blocks })).toEqual([]);
    const summary = svc.slack.thread(CHANNEL, summaries[0]!.ts).find((m) => m.updates > 0)!;
    const table = summary.blocks.find((b) => (b as { type: string }).type === 'table') as {
      rows: { text: string }[][];
    };
    expect(table.rows.find((r) => r[0]?.text === 'Excess liquidity')?.[1]?.text).toBe('40,000.00 USD');
  });

  it('answers /margin report ACCT with a sortable data_table of the history and a line chart of excess', async () => {
    const answer = await margin(`report ${ACCOUNT}`);
    expect(checkMessage(answer)).toEqual([]);
    const table = answer.blocks.find((b) => b.type === 'data_table') as unknown as {
      caption: string;
      rows: { type: string; text: string; value?: number }[][];
    };
    expect(table.rows[0]?.map((c) => c.text)).toEqual(['Date', 'Equity', 'Requirement', 'Excess', 'Call', 'Status']);
    expect(table.rows.slice(1).map((r) => r[0]?.text)).toEqual([...DATES].reverse());
    expect(table.rows[1]?.[3]).toEqual({ type: 'raw_number', value: 25_000, text: '25,000.00 USD' });
    const chart = answer.blocks.find((b) => b.type === 'data_visualization') as unknown as {
      chart: { type: string; series: { data: { label: string; value: number }[] }[] };
    };
    expect(chart.chart.type).toBe('line');
    expect(chart.chart.series[0]?.data.map((p) => p.value)).toEqual(EXCESS);
    expect(fallbackLogs()).toEqual([]);
  });
});

describe('every answer is valid Block Kit (issue 17, item 8)', () => {
  it.each([
    'help',
    'recent 5',
    'pending',
    'calls',
    'stats 30d',
    'health',
    `report ${ACCOUNT}`,
    `report ${ACCOUNT} ${DATES[0]}`,
    'home',
  ])('/margin %s', async (text) => {
    expect(checkMessage(await margin(text))).toEqual([]);
  });

  it('posts the native digest (bar chart, sortable accounts) as valid Block Kit', async () => {
    const digests = createDigests({
      analytics: createAnalyticsRepository(svc.db),
      repos: svc.repos,
      health: { check: async () => ({ status: 'ok', checks: {}, version: 'test', uptime_s: 1, platforms: ['slack'] }) },
      queueDepth: async () => ({ queued: 0, active: 0, failed: 0, deadLettered: 0 }),
      gateways: svc.gateways,
      renderChart: renderDigestChart,
      renderChartPng,
      channels: ['slack:C0RISK'],
      tz: 'UTC',
      logger: { info() {}, warn() {} },
    });
    const before = svc.slack.uploads.length;
    await digests.postDaily([{ platform: 'slack', channelId: 'C0RISK' }], { scope: 'channel' });
    const digest = [...svc.slack.messages.values()].find((m) => m.channel === 'C0RISK')!;
    expect(checkMessage({ text: digest.text, blocks: digest.blocks })).toEqual([]);
    const types = digest.blocks.map((b) => (b as { type: string }).type);
    expect(types).toContain('data_visualization');
    expect(types).toContain('data_table');
    // Native: no PNG beside it.
    expect(svc.slack.uploads.length).toBe(before);
  });
});

describe('when the workspace refuses blocks (issue 17 fallback)', () => {
  it('answers with the table block when data_table and data_visualization are refused, and logs it once', async () => {
    svc.slack.settings.refuseBlocks = new Set(['data_table', 'data_visualization']);
    const answer = await margin(`report ${ACCOUNT}`);
    expect(checkMessage(answer)).toEqual([]);
    expect(answer.blocks.map((b) => b.type)).not.toContain('data_table');
    const table = answer.blocks.find((b) => b.type === 'table') as unknown as { rows: { text: string }[][] };
    expect(table.rows.map((r) => r[0]?.text)).toEqual(['Date', ...[...DATES].reverse()]);
    // The chart's points stay readable as text.
    expect(JSON.stringify(answer.blocks)).toContain('-5,000.00 USD');
    expect(fallbackLogs()).toHaveLength(1);
    // Remembered: the next answer starts at the table block, and nothing more is logged.
    expect(svc.slack.refusals.map((r) => r.method)).toEqual(['response_url']);
    await margin(`report ${ACCOUNT}`);
    expect(svc.slack.refusals).toHaveLength(1);
    expect(fallbackLogs()).toHaveLength(1);
  });

  it('posts the digest as fields plus the chart as a PNG when every table block is refused', async () => {
    svc.slack.settings.refuseBlocks = new Set(['data_table', 'data_visualization', 'table']);
    const digests = createDigests({
      analytics: createAnalyticsRepository(svc.db),
      repos: svc.repos,
      health: { check: async () => ({ status: 'ok', checks: {}, version: 'test', uptime_s: 1, platforms: ['slack'] }) },
      queueDepth: async () => ({ queued: 0, active: 0, failed: 0, deadLettered: 0 }),
      gateways: svc.gateways,
      renderChart: renderDigestChart,
      renderChartPng,
      channels: [`slack:${CHANNEL}`],
      tz: 'UTC',
      logger: { info() {}, warn() {} },
    });
    const before = svc.slack.uploads.length;
    const { delivery } = await digests.postDaily([{ platform: 'slack', channelId: CHANNEL }], { scope: 'channel' });
    expect(delivery.posted).toHaveLength(1);
    const digest = [...svc.slack.messages.values()].find(
      (m) => m.channel === CHANNEL && m.text.includes('daily digest'),
    )!;
    expect(checkMessage({ text: digest.text, blocks: digest.blocks })).toEqual([]);
    const types = digest.blocks.map((b) => (b as { type: string }).type);
    expect(types).not.toContain('table');
    expect(types).not.toContain('data_visualization');
    // The accounts are readable as section fields: the account and its excess.
    expect(JSON.stringify(digest.blocks)).toContain(`*${ACCOUNT}*`);
    expect(JSON.stringify(digest.blocks)).toContain('Excess: 25,000.00 USD');
    await eventually(() => svc.slack.uploads.length > before, 10_000, 'the chart PNG');
    expect(svc.slack.uploads.at(-1)?.bytes.subarray(0, 4).toString('hex')).toBe('89504e47');
    expect(fallbackLogs()).toHaveLength(2);
  });

  it('never drops a message: text alone when Slack refuses every block', async () => {
    svc.slack.settings.refuseBlocks = new Set(['data_table', 'data_visualization', 'table', 'section', 'header']);
    const answer = await margin(`report ${ACCOUNT}`);
    expect(answer.blocks ?? []).toEqual([]);
    expect(answer.text).toContain(ACCOUNT);
    svc.slack.settings.refuseBlocks = new Set();
  });
});
