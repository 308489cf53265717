import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/cli/digest.command.ts';
import { loadConfig } from '../../src/config/config.ts';
import { cardToText } from '../../src/core/digest/card.text.ts';
import { collectDailyDigest, collectWeeklyDigest } from '../../src/core/digest/digest.data.ts';
import { createDigests } from '../../src/core/digest/digest.usecases.ts';
import type { HealthSource } from '../../src/core/ports/health.ports.ts';
import type { Repositories } from '../../src/core/ports/repositories.ports.ts';
import { renderChartPng } from '../../src/render/chart.png.ts';
import { renderDigestChart } from '../../src/render/digest.chart.ts';
import type { Db } from '../../src/store/db.ts';
import { createAnalyticsRepository } from '../../src/store/repositories/analytics.repository.ts';
import { createRepositories } from '../../src/store/repositories.ts';
import { recordingGateway, seedIngestion, seedReport, silentLogger } from './fixtures.ts';
import { DB_KINDS, openTestDb, type TestDb } from './test-db.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const health: HealthSource = {
  async check() {
    return {
      status: 'ok',
      checks: { database: { status: 'ok', latency_ms: 2 } },
      version: 'test',
      uptime_s: 3_600,
      platforms: ['slack'],
    };
  },
};
const queueDepth = async () => ({ queued: 2, active: 1, failed: 0, deadLettered: 1 });
const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

describe.each(DB_KINDS)('daily and weekly digest on %s', (kind) => {
  let t: TestDb;
  let db: Db;
  let repos: Repositories;
  // A minute ahead of the database clock, so rows stamped now() by the store fall inside the window.
  const NOW = new Date(Math.floor((Date.now() + 60_000) / 1000) * 1000);
  const today = NOW.toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
  const at = (msAgo: number) => new Date(NOW.getTime() - msAgo);
  const created: Date[] = [];
  const qualities: number[] = [];

  beforeAll(async () => {
    t = await openTestDb(kind, 'digest');
    db = t.db;
    repos = createRepositories(db);
    // The previous digest to every subscriber went out 20 hours ago.
    await db.query(
      `insert into analytics.audit_events (at, actor, action, entity_type, entity_id, context)
       values ($1, 'system', 'digest.sent', 'digest', 'daily:x', '{"scope":"subscribers"}')`,
      [at(20 * HOUR).toISOString()],
    );
    const thread = { platform: 'slack' as const, channelId: 'C0REPORTS', threadRef: '1700000000.000100' };
    const seeds = [
      // Before the window: an old approved report of A1 and the oldest pending one (a deficit).
      {
        account: 'A1',
        date: daysAgo(8),
        equity: 10_000,
        requirement: 1_000,
        excess: 500,
        createdAt: at(8 * DAY),
        status: 'approved' as const,
        decidedAt: at(8 * DAY - HOUR),
        quality: 0.5,
      },
      {
        account: 'B1',
        date: daysAgo(1),
        equity: 3_000,
        requirement: 1_000,
        excess: -100,
        createdAt: at(30 * HOUR),
        quality: 0.7,
        thread,
      },
      // In the window.
      {
        account: 'A1',
        date: daysAgo(1),
        equity: 12_000,
        requirement: 1_000,
        excess: 500,
        method: 'text' as const,
        confidence: 0.9,
        quality: 0.8,
        ms: 400,
        createdAt: at(10 * HOUR),
        thread,
      },
      {
        account: 'A2',
        date: daysAgo(1),
        equity: 20_000,
        requirement: 1_000,
        excess: 2_000,
        method: 'ocr' as const,
        confidence: 0.7,
        quality: 0.6,
        ms: 2_000,
        createdAt: at(9 * HOUR),
        status: 'approved' as const,
        decidedAt: at(2 * HOUR),
        by: 'slack:UANA',
      },
      {
        account: 'A3',
        date: daysAgo(1),
        equity: 7_000,
        requirement: 1_000,
        excess: 50,
        method: 'text' as const,
        confidence: 0.8,
        quality: 1,
        ms: 600,
        createdAt: at(8 * HOUR),
        status: 'rejected' as const,
        decidedAt: at(7 * HOUR),
      },
      {
        account: 'A4',
        date: daysAgo(1),
        equity: 5_000,
        requirement: 1_000,
        excess: 100,
        call: 5_000,
        method: 'mixed' as const,
        confidence: 1,
        quality: 0.9,
        ms: 1_000,
        createdAt: at(5 * HOUR),
        needsReview: true,
        by: 'slack:UANA',
      },
    ];
    for (const s of seeds) {
      await seedReport(db, repos, s);
      created.push(s.createdAt);
      qualities.push(s.quality);
    }
    await seedIngestion(db, repos, { status: 'failed', createdAt: at(3 * HOUR), error: 'The PDF is damaged.' });
    await seedIngestion(db, repos, { status: 'dead', createdAt: at(2 * HOUR), error: 'retries exhausted' });
    await seedIngestion(db, repos, {
      status: 'processed',
      createdAt: at(4 * HOUR),
      processedAt: at(4 * HOUR - 30_000),
    });
    await seedIngestion(db, repos, { status: 'failed', createdAt: at(40 * HOUR), error: 'old failure' });
  }, 120_000);
  afterAll(async () => t?.close());

  const deps = () => ({
    analytics: createAnalyticsRepository(db),
    reports: repos.reports,
    ingestions: repos.ingestions,
    health,
    queueDepth,
    tz: 'UTC',
    now: () => NOW,
  });

  it('counts the reports received since the last digest, by status, with their quality figures', async () => {
    const d = await collectDailyDigest(deps());
    expect(d.sinceLastDigest).toBe(true);
    expect(d.since).toBe(at(20 * HOUR).toISOString());
    expect(d.received.total).toBe(4);
    expect(d.received.byStatus).toEqual({ pending: 2, approved: 1, rejected: 1 });
    expect(d.received.avgConfidence).toBeCloseTo((0.9 + 0.7 + 0.8 + 1) / 4, 6);
    expect(d.received.avgQuality).toBeCloseTo((0.8 + 0.6 + 1 + 0.9) / 4, 6);
    expect(d.received.methods).toEqual({ text: 2, ocr: 1, mixed: 1 });
    // percentile_cont over 400, 600, 1000, 2000 ms.
    expect(d.received.p50Ms).toBeCloseTo(800, 6);
    expect(d.received.p95Ms).toBeCloseTo(1_850, 6);
  });

  it('lists pending approvals oldest first with their threads, and the accounts with calls or deficits', async () => {
    const d = await collectDailyDigest(deps());
    expect(d.pending.total).toBe(3);
    expect(d.pending.items.map((p) => p.accountNumber)).toEqual(['B1', 'A1', 'A4']);
    expect(d.pending.items[0]?.thread).toEqual({
      platform: 'slack',
      channelId: 'C0REPORTS',
      threadRef: '1700000000.000100',
      replyRef: null,
    });
    expect(d.pending.items[2]?.thread).toBeNull();
    expect(d.calls.map((c) => c.accountNumber).sort()).toEqual(['A4', 'B1']);
    expect(d.calls.find((c) => c.accountNumber === 'A4')?.marginCall).toBe(5_000);
  });

  it('ranks the thinnest cushions and compares totals week over week', async () => {
    const d = await collectDailyDigest(deps());
    // A3 was rejected, so it is not part of the book.
    expect(d.cushions.map((c) => [c.accountNumber, Number(c.ratio.toFixed(3))])).toEqual([
      ['B1', -0.1],
      ['A4', 0.1],
      ['A1', 0.5],
      ['A2', 2],
    ]);
    expect(d.weekOverWeek.previous).toBe(daysAgo(7));
    expect(d.weekOverWeek.rows).toEqual([
      {
        currency: 'USD',
        equityNow: 40_000,
        equityPrev: 10_000,
        requirementNow: 4_000,
        requirementPrev: 1_000,
        accountsNow: 4,
        accountsPrev: 1,
      },
    ]);
  });

  it('reports failures and dead-lettered uploads in the window, and the system health', async () => {
    const d = await collectDailyDigest(deps());
    expect(d.ingestions.failed).toBe(1);
    expect(d.ingestions.dead).toBe(1);
    expect(d.failures.map((f) => f.status).sort()).toEqual(['dead', 'failed']);
    expect(d.failures.find((f) => f.status === 'failed')?.reason).toBe('The PDF is damaged.');
    expect(d.health.report.status).toBe('ok');
    expect(d.health.queue).toEqual({ queued: 2, active: 1, failed: 0, deadLettered: 1 });
    expect(d.health.lastDigestAt).toBe(at(20 * HOUR).toISOString());
    expect(d.health.uptimeS).toBe(3_600);
  });

  it('charts the last 30 days from the rows: reports per day and their average quality', async () => {
    const d = await collectDailyDigest(deps());
    expect(d.series).toHaveLength(30);
    expect(d.series.at(-1)?.day).toBe(today);
    const expected = new Map<string, { n: number; q: number[] }>();
    created.forEach((c, i) => {
      const day = c.toISOString().slice(0, 10);
      const e = expected.get(day) ?? { n: 0, q: [] };
      e.n++;
      e.q.push(qualities[i]!);
      expected.set(day, e);
    });
    for (const p of d.series) {
      const e = expected.get(p.day);
      expect(p.reports).toBe(e?.n ?? 0);
      if (e) expect(p.avgQuality).toBeCloseTo(e.q.reduce((a, b) => a + b, 0) / e.q.length, 6);
      else expect(p.avgQuality).toBeNull();
    }
    const png = await renderDigestChart(d.series);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const img = await loadImage(Buffer.from(png));
    expect([img.width, img.height]).toEqual([1000, 420]);
  });

  it('renders the digest as a card that says the same numbers', async () => {
    const digests = createDigests({
      ...deps(),
      repos,
      gateways: {},
      renderChart: renderDigestChart,
      channels: [],
      logger: silentLogger,
    });
    const built = await digests.buildDaily({ chartUrl: 'https://example.test/chart.png' });
    const text = cardToText(built.card);
    expect(text).toContain('4 reports received since the last digest');
    expect(text).toContain('2 pending · 1 approved · 1 rejected');
    expect(text).toContain('Pending approvals (3, oldest first)');
    expect(text).toContain('slack channel C0REPORTS, thread 1700000000.000100');
    expect(text).toContain('A4 · ');
    expect(text).toContain('call 5,000.00 USD');
    expect(text).toContain('50% text · 25% OCR · 25% mixed');
    expect(text).toContain('Failures: 1 failed, 1 dead-lettered');
    expect(built.card.blocks.some((b) => b.type === 'image' && b.url === 'https://example.test/chart.png')).toBe(true);
    expect(built.card.tone).toBe('danger');
  });

  it('builds the weekly usage digest from the same rows', async () => {
    const w = await collectWeeklyDigest({ analytics: createAnalyticsRepository(db), tz: 'UTC', now: () => NOW });
    expect(w.totals.total).toBe(5);
    expect(w.perDay).toHaveLength(7);
    expect(w.perAccount.find((r) => r.key === 'A1')?.n).toBe(1);
    expect(w.perUploader).toEqual(
      expect.arrayContaining([
        { key: 'slack:UANA', n: 2 },
        { key: 'slack:UUPLOADER', n: 3 },
      ]),
    );
    // A2 waited 7 h, A3 1 h; A1's old decision is outside the week.
    expect(w.turnaround.decided).toBe(2);
    expect(w.turnaround.avgMs).toBeCloseTo(4 * HOUR, -2);
    expect(w.turnaround.p50Ms).toBeCloseTo(4 * HOUR, -2);
    expect(w.featureUse.find((f) => f.key === 'digest.sent')?.n).toBe(1);
  });

  it('posts to subscribers and DIGEST_CHANNELS once each with the native chart, no PNG, and moves the window', async () => {
    const slack = recordingGateway('slack');
    await repos.subscriptions.subscribe('slack', 'C0SUB', 'digest', 'slack:UADMIN');
    await repos.subscriptions.subscribe('slack', 'C0BOTH', 'digest', 'slack:UADMIN');
    const digests = createDigests({
      ...deps(),
      repos,
      gateways: { slack: slack.gateway },
      renderChart: renderDigestChart,
      renderChartPng,
      channels: ['slack:C0BOTH', 'teams:19:abc@thread.tacv2'],
      logger: silentLogger,
    });
    const targets = await digests.targets('digest');
    expect(targets.map((x) => `${x.platform}:${x.channelId}`)).toEqual([
      'slack:C0SUB',
      'slack:C0BOTH',
      'teams:19:abc@thread.tacv2',
    ]);
    const { delivery } = await digests.postDaily(targets, { scope: 'subscribers' });
    expect(delivery.posted).toHaveLength(2);
    expect(delivery.skipped.map((s) => s.platform)).toEqual(['teams']);
    expect(slack.posts.map((p) => p.to.channelId)).toEqual(['C0SUB', 'C0BOTH']);
    // Issue 17: excess by account drawn natively, deficits highlighted, every account in a sortable table.
    // C0BOTH is in DIGEST_CHANNELS: it sees the whole book (C0SUB only what was shared in it).
    const book = slack.posts.find((p) => p.to.channelId === 'C0BOTH')!;
    const chart = book.card.blocks.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.points.map((p) => [p.label, p.highlight ?? false])).toEqual([
      ['B1', true],
      ['A4', false],
      ['A1', false],
      ['A2', false],
    ]);
    expect(book.card.blocks.some((b) => b.type === 'table' && b.sortable)).toBe(true);
    expect(slack.uploads).toEqual([]);
    const last = await createAnalyticsRepository(db).lastDigestSent('subscribers');
    expect(last && NOW.getTime() - last.getTime()).toBeLessThan(5 * 60_000);
    await repos.subscriptions.unsubscribe('slack', 'C0SUB', 'digest');
    await repos.subscriptions.unsubscribe('slack', 'C0BOTH', 'digest');
  });

  it('uploads the chart as a PNG beside the digest only where the platform refused charts and tables', async () => {
    const slack = recordingGateway('slack', { fallback: 'fields' });
    const digests = createDigests({
      ...deps(),
      repos,
      gateways: { slack: slack.gateway },
      renderChart: renderDigestChart,
      renderChartPng,
      channels: ['slack:C0OLD'],
      logger: silentLogger,
    });
    await digests.postDaily([{ platform: 'slack', channelId: 'C0OLD' }], { scope: 'channel' });
    expect(slack.posts).toHaveLength(1);
    expect(slack.uploads.map((u) => u.name)).toEqual([`marginiq-digest-${today}.png`]);
    expect(Buffer.from(slack.uploads[0]!.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('marginiq digest --dry-run prints the digest and writes the chart to a file it names', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'marginiq-digest-'));
    try {
      const loaded = loadConfig({ DATA_DIR: dir, DIGEST_CHANNELS: 'slack:C0CLI' });
      if (!loaded.ok) throw new Error('config');
      const out = sink();
      const err = sink();
      const code = await runDigestCommand(['--dry-run'], {
        config: loaded.config,
        stdout: out.stream,
        stderr: err.stream,
        logger: silentLogger as never,
        db,
        health,
        queueDepth,
        now: () => NOW,
      });
      expect(code).toBe(0);
      expect(out.text()).toContain(`MarginIQ daily digest — ${today}`);
      const file = path.join(dir, `digest-${today}.png`);
      expect(out.text()).toContain(`chart: ${file}`);
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
      // Issue 15: the uptime printed is the service's, read from the health watcher's record, never this
      // CLI process's own few seconds.
      expect(out.text()).toMatch(
        /Service uptime: (no health state recorded in the last 7 days|\d+\.\d\d% over 7 days)/,
      );
      expect(out.text()).not.toContain('This process up');

      const err2 = sink();
      const code2 = await runDigestCommand([], {
        config: loaded.config,
        stdout: sink().stream,
        stderr: err2.stream,
        logger: silentLogger as never,
        db,
      });
      expect(code2).toBe(2);
      expect(err2.text()).toMatch(/^marginiq: digest: this command cannot post to slack on its own/);

      const err3 = sink();
      expect(
        await runDigestCommand(['--bogus'], {
          config: loaded.config,
          stdout: sink().stream,
          stderr: err3.stream,
          logger: silentLogger as never,
          db,
        }),
      ).toBe(2);
      expect(err3.text()).toContain('unknown argument --bogus');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
