/**
 * Load benchmark: signed Slack events (file shares, commands, button clicks) at rising concurrency
 * against a real `marginiq start` process and a loopback Slack double. Everything stays on 127.0.0.1.
 * Clicks approve real pending reports (read beforehand from their summary cards); a click counts as
 * delivered only when its summary then says "Approved by", and as an error when it does not or when
 * an error card ("Something went wrong", "no longer exists") reaches the clicker.
 *
 *   node bench/load.bench.ts [--levels 1,10,25,50] [--scanned 6] [--database-url postgres://…]
 *
 * With --database-url the run gets its own new database on that server, dropped at the end.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ACTION_IDS } from '../src/core/cards/card.model.ts';
import { buttonClick, fileShareMessage, slackSender, slashCommand } from '../test/slack/slack.requests.ts';
import { freePort, startCli } from '../test/support/cli.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { startSlackDouble } from '../test/support/slack-double.ts';

const { values: args } = parseArgs({
  options: {
    levels: { type: 'string', default: '1,10,25,50' },
    scanned: { type: 'string', default: '6' },
    'database-url': { type: 'string' },
  },
});
const LEVELS = args.levels.split(',').map(Number);
const SECRET = 'bench-signing-secret';
const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures/reports');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const kindOf = (f: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, f.replace(/\.pdf$/, '.json')), 'utf8')).kind as string | undefined;
const pdfs = readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf') && !f.startsWith('bad-'));
const textPdfs = pdfs.filter((f) => kindOf(f) === 'text');
const scannedPdfs = pdfs.filter((f) => kindOf(f) === 'scanned');

/** Appends a comment after %%EOF: same statement, different bytes, so the content-hash dedupe does not short-circuit it. */
const unique = (file: string, n: number) =>
  new Uint8Array(Buffer.concat([readFileSync(path.join(FIXTURES, file)), Buffer.from(`\n%bench-${n}\n`)]));

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main() {
  // Its own new database on that server, dropped afterwards: the Slack double numbers its files from
  // F0001 each run, and an old run's ingestions would (rightly) treat them as retries.
  const database = args['database-url'] ? await freshPostgres(args['database-url']) : null;
  const slack = await startSlackDouble();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'marginiq-bench-'));
  const svc = await startCli(
    'start',
    {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
      // The bench user approves uploads another person shared (four-eyes refuses an uploader's own
      // approval): its clicks are real decisions, not refusals.
      ADMINS: 'slack:UBENCH',
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      // The main thread's busy stretches, written at exit (bench/event-loop.monitor.ts).
      NODE_OPTIONS: `--import ${path.resolve(import.meta.dirname, 'event-loop.monitor.ts')}`,
    },
    { timeoutMs: 120_000 },
  );
  const sender = slackSender(svc.url, SECRET);
  const acks: { kind: string; ms: number; status: number }[] = [];
  const timed = async (kind: string, fn: () => Promise<{ status: number }>) => {
    const t = performance.now();
    const r = await fn().catch(() => ({ status: 0 }));
    acks.push({ kind, ms: performance.now() - t, status: r.status });
  };
  let n = 0;
  const share = (file: string, channel: string) => {
    n += 1;
    const ts = `${1_800_000_000 + n}.000100`;
    const f = slack.addFile({ name: `${path.basename(file, '.pdf')}-${n}.pdf`, bytes: unique(file, n), channel, ts });
    return { ts, send: () => sender.event(fileShareMessage({ channel, user: 'UUPLOADER', ts, files: [f] })) };
  };
  const threads: { channel: string; ts: string; kind: 'text' | 'scanned'; sentAt: number }[] = [];
  const settled = (th: (typeof threads)[number]) => {
    const msgs = slack.thread(th.channel, th.ts);
    return msgs.length >= 1 && msgs.every((m) => !m.text.includes('Reading '));
  };
  const waitAll = async (subset: typeof threads, ms: number) => {
    const end = Date.now() + ms;
    while (!subset.every(settled) && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
    return Date.now();
  };

  // Reports for the clicks to approve: uploaded and read before the measured levels start.
  const clickCount = LEVELS.reduce((sum, l) => sum + Math.ceil(l / 3), 0);
  const pool = Array.from({ length: clickCount }, (_, i) => share(textPdfs[i % textPdfs.length]!, 'CPOOL'));
  await Promise.all(pool.map((p) => p.send()));
  const poolThreads = pool.map((p) => ({ channel: 'CPOOL', ts: p.ts, kind: 'text' as const, sentAt: Date.now() }));
  await waitAll(poolThreads, 600_000);
  const pending: { reportId: string; channel: string; ts: string; messageTs: string }[] = [];
  for (const th of poolThreads) {
    for (const m of slack.thread(th.channel, th.ts)) {
      const elements = (m.blocks as { elements?: { action_id?: string; value?: string }[] }[]).flatMap(
        (b) => b.elements ?? [],
      );
      for (const e of elements)
        if (e.action_id === ACTION_IDS.approve && e.value)
          pending.push({ reportId: e.value, channel: th.channel, ts: th.ts, messageTs: m.ts });
    }
  }
  const clicked: (typeof pending)[number][] = [];
  const click = (kind: string) => {
    const target = pending.shift();
    if (!target) return timed(kind, async () => ({ status: 0 }));
    clicked.push(target);
    return timed(kind, () =>
      sender.interaction(
        buttonClick({
          user: 'UBENCH',
          channel: target.channel,
          messageTs: target.messageTs,
          threadTs: target.ts,
          actionId: ACTION_IDS.approve,
          value: target.reportId,
          responseUrl: slack.responseUrl(),
        }),
      ),
    );
  };

  const levelRows: Record<string, number | string>[] = [];
  for (const level of LEVELS) {
    const before = acks.length;
    const channel = `CL${level}`;
    const batch = Array.from({ length: level }, (_, i) => share(textPdfs[i % textPdfs.length]!, channel));
    const started = Date.now();
    // A third of the traffic besides uploads: commands and clicks, as a busy channel would send.
    await Promise.all([
      ...batch.map((b) => timed('file_share', b.send)),
      ...Array.from({ length: Math.ceil(level / 3) }, () =>
        timed('command', () =>
          sender.command(slashCommand({ user: 'UBENCH', channel, text: 'pending', responseUrl: slack.responseUrl() })),
        ),
      ),
      ...Array.from({ length: Math.ceil(level / 3) }, () => click('click')),
    ]);
    for (const b of batch) threads.push({ channel, ts: b.ts, kind: 'text', sentAt: started });
    const finished = await waitAll(
      threads.filter((t) => t.channel === channel),
      600_000,
    );
    const mine = acks.slice(before).map((a) => a.ms);
    const byKind = (k: string) =>
      acks
        .slice(before)
        .filter((a) => a.kind === k)
        .map((a) => a.ms);
    const errors = acks.slice(before).filter((a) => a.status !== 200).length;
    levelRows.push({
      concurrency: level,
      requests: mine.length,
      p50_ms: Math.round(pct(mine, 50)),
      p95_ms: Math.round(pct(mine, 95)),
      p99_ms: Math.round(pct(mine, 99)),
      max_ms: Math.round(Math.max(...mine)),
      p95_share_ms: Math.round(pct(byKind('file_share'), 95)),
      p95_command_ms: Math.round(pct(byKind('command'), 95)),
      p95_click_ms: Math.round(pct(byKind('click'), 95)),
      error_rate: `${((errors / mine.length) * 100).toFixed(2)}%`,
      text_reports_per_min: Math.round((level / ((finished - started) / 60_000)) * 10) / 10,
    });
  }

  const scannedCount = Number(args.scanned);
  let scannedPerMin = 0;
  let duringOcr: Record<string, number> | null = null;
  if (scannedCount > 0) {
    const batch = Array.from({ length: scannedCount }, (_, i) => share(scannedPdfs[i % scannedPdfs.length]!, 'CSCAN'));
    const started = Date.now();
    await Promise.all(batch.map((b) => timed('file_share', b.send)));
    for (const b of batch) threads.push({ channel: 'CSCAN', ts: b.ts, kind: 'scanned', sentAt: started });
    // While OCR keeps both cores busy, people keep typing commands and clicking: a command and a click
    // every 250 ms until the scans are done. Their acknowledgements show whether OCR starves the chat.
    const scanThreads = threads.filter((t) => t.channel === 'CSCAN');
    const busy: Promise<void>[] = [];
    while (!scanThreads.every(settled) && Date.now() - started < 900_000) {
      busy.push(
        timed('command_during_ocr', () =>
          sender.command(
            slashCommand({ user: 'UBENCH', channel: 'CSCAN', text: 'pending', responseUrl: slack.responseUrl() }),
          ),
        ),
        // Clicks during OCR use reports already decided: each is a real read of a real report ("already decided").
        timed('click_during_ocr', () => {
          const target = clicked[busy.length % Math.max(1, clicked.length)];
          return target
            ? sender.interaction(
                buttonClick({
                  user: 'UBENCH',
                  channel: target.channel,
                  messageTs: target.messageTs,
                  threadTs: target.ts,
                  actionId: ACTION_IDS.approve,
                  value: target.reportId,
                  responseUrl: slack.responseUrl(),
                }),
              )
            : Promise.resolve({ status: 0 });
        }),
      );
      await new Promise((r) => setTimeout(r, 250));
    }
    await Promise.all(busy);
    const finished = await waitAll(scanThreads, 1000);
    const during = acks.filter((a) => a.kind.endsWith('_during_ocr')).map((a) => a.ms);
    duringOcr = {
      requests: during.length,
      p50_ms: Math.round(pct(during, 50)),
      p95_ms: Math.round(pct(during, 95)),
      p99_ms: Math.round(pct(during, 99)),
      max_ms: Math.round(Math.max(0, ...during)),
    };
    scannedPerMin = Math.round((scannedCount / ((finished - started) / 60_000)) * 10) / 10;
  }

  // A click is delivered when its report's summary says who approved it; an error card or a summary
  // still pending is an error, whatever the HTTP status of the acknowledgement was.
  const decidedEnd = Date.now() + 60_000;
  const approved = (c: (typeof clicked)[number]) =>
    slack.thread(c.channel, c.ts).some((m) => m.ts === c.messageTs && m.text.includes('approved'));
  while (!clicked.every(approved) && Date.now() < decidedEnd) await new Promise((r) => setTimeout(r, 250));
  const errorCards = slack
    .callsTo('chat.postEphemeral')
    .filter((c) => /Something went wrong|no longer exists/.test(String(c.args.text ?? ''))).length;
  const clicksDelivered = clicked.filter(approved).length;
  const clicks = {
    sent: clicked.length,
    delivered: clicksDelivered,
    errors: clicked.length - clicksDelivered + errorCards,
  };

  // Exactly one summary per upload: one bot message in each thread, no longer "Reading…".
  const perThread = threads.map((t) => slack.thread(t.channel, t.ts));
  const lost = perThread.filter((m) => m.length === 0 || m.some((x) => x.text.includes('Reading '))).length;
  const duplicated = perThread.filter((m) => m.length > 1).length;
  const all = acks.map((a) => a.ms);
  const result = {
    at: new Date().toISOString(),
    database: args['database-url'] ? 'postgres' : 'pglite',
    levels: levelRows,
    overall: {
      requests: all.length,
      p50_ms: Math.round(pct(all, 50)),
      p95_ms: Math.round(pct(all, 95)),
      p99_ms: Math.round(pct(all, 99)),
      over_3s: all.filter((x) => x > 3000).length,
      error_rate: `${((acks.filter((a) => a.status !== 200).length / all.length) * 100).toFixed(2)}%`,
    },
    clicks,
    uploads: threads.length,
    uploads_lost: lost,
    uploads_with_more_than_one_summary: duplicated,
    scanned_reports_per_min: scannedPerMin,
    acks_while_ocr_busy: duringOcr,
    peak_rss_mb: peakRssMb(svc.child.pid!),
    main_thread: {} as Record<string, number>,
  };
  await svc.stop();
  const monitored = path.join(tmpdir(), `marginiq-event-loop-${svc.child.pid}.json`);
  result.main_thread = existsSync(monitored) ? JSON.parse(readFileSync(monitored, 'utf8')) : {};
  await slack.close();
  await database?.drop();
  console.table(levelRows);
  console.log(JSON.stringify({ ...result, levels: undefined }, null, 2));
  mkdirSync(path.resolve(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(path.resolve(import.meta.dirname, 'results/load.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (lost > 0 || duplicated > 0 || clicks.errors > 0) process.exitCode = 1;
}

await main();
