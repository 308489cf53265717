/**
 * OCR like for like (issue 20): the same page bands at the same dpi, the same model file, the same
 * parameters, read by tesseract.js and by the `tesseract` CLI, in interleaved rounds, medians reported.
 *
 * Per round and per width (1 worker against 1 process, a pool of n against n processes in parallel):
 *  - cli:  `tesseract` processes, each reading its share of the bands as a list (OMP_THREAD_LIMIT=1), writing
 *          words with their boxes and confidences (TSV), as our workers hand back words with boxes;
 *  - cold: a fresh Node process (bench/ocr-once.ts) starting a pool and reading the same shares: whole
 *          process against whole process, starting costs on both sides;
 *  - warm: a pool of this process that has already read every page once (V8 has compiled tesseract's
 *          WebAssembly hot paths): what a running service pays per page.
 * All three read recognition only (no second readings: the CLI makes none); `warmChecked` is our warm path
 * with the figure checks and second readings the extractor runs, for what they add. A page counts only when
 * its words show a figure of its truth (the same test on both sides); CPU seconds (user+sys, every thread)
 * per checked page beside wall seconds. Ratios are taken within each round (both sides under the same load)
 * and their median reported. Warm ratios are over the CLI's CPU less what its processes paid to start
 * (`cliNet`: the start measured below, once per process): a warm pool has paid its start long before. Fresh
 * ratios keep the start on both sides. Every process and thread of both sides runs at the nice value of our
 * OCR threads (this thread lowers itself first; the CLI processes and ocr-once inherit it).
 * The engines differ: tesseract.js-core's WebAssembly (tesseract 5.1, relaxed-SIMD LSTM) against the
 * system's native `tesseract` (AVX2/AVX-512).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOcrPool, type OcrPool } from '../src/extraction/ocr/ocr.pool.ts';
import type { PageImage } from '../src/extraction/pdf/page.types.ts';
import { lowerThreadPriority } from '../src/extraction/thread.priority.ts';

export interface OcrPage {
  doc: string;
  page: number;
  figures: string[];
  images: PageImage[];
}

export const median = (xs: number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** A page's text is checked when it shows one of its document's figures (digits only, as OCR prints them). */
export const checked = (text: string, figures: string[]) => {
  const tokens = new Set(text.split(/\s+/).map((t) => t.replace(/\D/g, '')));
  return figures.some((f) => tokens.has(f) || tokens.has(f.replace(/00$/, '')));
};
/** CPU seconds of this process's threads. */
export const cpuSelf = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** CPU seconds of this process's finished children (Linux: /proc/self/stat cutime + cstime, 1/100 s ticks). */
export const cpuChildren = () => {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
};

interface Run {
  wall: number;
  cpu: number;
  checked: number;
  /** Processes started (CLI runs): each paid the start once. */
  procs?: number;
}
type Share = { page: number; file: string }[];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

/** Processes in parallel, one per share; texts by page; wall and children's CPU seconds. */
async function processes(shares: Share[], start: (share: Share, k: number) => Promise<Map<number, string>>) {
  const t0 = performance.now();
  const c0 = cpuChildren();
  const maps = await Promise.all(shares.map((s, k) => (s.length ? start(s, k) : Promise.resolve(new Map()))));
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuChildren() - c0;
  const byPage = new Map<number, string>();
  for (const m of maps) for (const [p, t] of m) byPage.set(p, `${byPage.get(p) ?? ''} ${t}`);
  return { wall, cpu, byPage };
}

export async function likeForLike(opts: {
  pages: OcrPage[];
  widths: number[];
  rounds: number;
  work: string;
  tessdata: string;
  root: string;
}) {
  const { pages, work, tessdata } = opts;
  // Our OCR threads run at EXTRACTION_NICE; so does everything else here, the CLI processes included.
  lowerThreadPriority();
  const files: Share = [];
  pages.forEach((p, i) => {
    p.images.forEach((img, j) => {
      const file = path.join(work, `p${i}-b${j}.pgm`);
      writeFileSync(file, img.pgm);
      files.push({ page: i, file });
    });
  });
  // Whole pages to each process, round robin, as the pool takes pages.
  const sharesOf = (n: number) => Array.from({ length: n }, (_, k) => files.filter((f) => f.page % n === k));
  const count = (byPage: Map<number, string>) => pages.filter((p, i) => checked(byPage.get(i) ?? '', p.figures)).length;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  // The CLI reads what the pool reads: LSTM only, sparse text, 300 dpi declared, no inverted second pass;
  // and writes words with boxes and confidences (TSV) where our workers hand back words with boxes.
  const cliArgs = ['-', '--tessdata-dir', tessdata, '--oem', '1', '--psm', '11', '--dpi', '300'];
  const tsv = ['-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=0'];

  const cli = async (n: number): Promise<Run> => {
    const r = await processes(sharesOf(n), async (share, k) => {
      const list = path.join(work, `list-${n}-${k}.txt`);
      writeFileSync(list, `${share.map((f) => f.file).join('\n')}\n`);
      const out = await run('tesseract', [list, ...cliArgs, '-c', 'tessedit_do_invert=0', ...tsv], env);
      // TSV rows of level 5 are words; page_num counts the images of the list from 1.
      const m = new Map<number, string>();
      for (const row of out.split('\n')) {
        const c = row.split('\t');
        const f = share[Number(c[1]) - 1];
        if (c[0] !== '5' || !f || !c[11]?.trim()) continue;
        m.set(f.page, `${m.get(f.page) ?? ''} ${c[11].trim()}`);
      }
      return m;
    });
    const procs = sharesOf(n).filter((s) => s.length > 0).length;
    return { wall: r.wall, cpu: r.cpu, checked: count(r.byPage), procs };
  };
  const once = path.join(opts.root, 'bench/ocr-once.ts');
  // The fresh process starts as `marginiq` does (bin/marginiq.js turns the compile cache on in its first line,
  // before any TypeScript loads): with the cache in its environment from the start, Node loads no type
  // stripper for ocr-once.ts itself, whose stripping cost 0.2-0.3 CPU s per process that `marginiq` never pays.
  const onceEnv = {
    ...process.env,
    NODE_COMPILE_CACHE:
      process.env.NODE_COMPILE_CACHE ?? module.getCompileCacheDir?.() ?? path.join(tmpdir(), 'node-compile-cache'),
  };
  const cold = async (n: number): Promise<Run> => {
    const list = path.join(work, `once-${n}.json`);
    writeFileSync(list, JSON.stringify(files));
    const r = await processes([files], async () => {
      const out = JSON.parse(await run(process.execPath, [once, list, String(n)], onceEnv)) as Record<string, string>;
      return new Map(Object.entries(out).map(([p, t]) => [Number(p), t]));
    });
    return { wall: r.wall, cpu: r.cpu, checked: count(r.byPage) };
  };
  const pass = async (pool: OcrPool): Promise<Run> => {
    const t0 = performance.now();
    const c0 = cpuSelf();
    const texts = await Promise.all(
      pages.map(async (p) => {
        const parts = await Promise.all(p.images.map((img) => pool.recognize(img)));
        return parts.flatMap((r) => r.words.map((w) => w.text)).join(' ');
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSelf() - c0;
    return { wall, cpu, checked: pages.filter((p, i) => checked(texts[i]!, p.figures)).length };
  };

  // What a fresh process pays before its first page, each side: its start, the model, one worker (ours) and
  // one blank image read (no text), least CPU of 3 after one unmeasured run. The cold figures below carry it
  // once per process, spread over that process's pages.
  const blank = path.join(work, 'blank.pgm');
  writeFileSync(blank, Buffer.concat([Buffer.from('P5\n64 32\n255\n'), Buffer.alloc(64 * 32, 255)]));
  const blankList = path.join(work, 'blank.json');
  writeFileSync(blankList, JSON.stringify([{ page: 0, file: blank }]));
  const startCost = { ours: [] as number[], cli: [] as number[] };
  for (let i = 0; i < 4; i++) {
    let c0 = cpuChildren();
    await run('tesseract', [blank, ...cliArgs, '-c', 'tessedit_do_invert=0', ...tsv], env);
    if (i > 0) startCost.cli.push(cpuChildren() - c0);
    c0 = cpuChildren();
    await run(process.execPath, [once, blankList, '1'], onceEnv);
    if (i > 0) startCost.ours.push(cpuChildren() - c0);
  }
  const start = { ours: Math.min(...startCost.ours), cli: Math.min(...startCost.cli) };

  // One unmeasured run of each kind first: page cache, compile cache, and each warm pool's first pass.
  const pools = new Map<number, { plain: OcrPool; full: OcrPool }>();
  for (const n of opts.widths) {
    await cli(n);
    await cold(n);
    const plain = createOcrPool({ size: n, figureChecks: false });
    const full = createOcrPool({ size: n });
    await pass(plain);
    await pass(full);
    pools.set(n, { plain, full });
  }
  const rounds: Record<number, Round[]> = {};
  for (let r = 0; r < opts.rounds; r++) {
    for (const n of opts.widths) {
      const { plain, full } = pools.get(n)!;
      // Alternate the order so neither side always runs first in a round.
      const steps = [() => cli(n), () => cold(n), () => pass(plain), () => pass(full)];
      if (r % 2) steps.reverse();
      const out: Run[] = [];
      for (const s of steps) out.push(await s());
      const [a, b, c, d] = r % 2 ? out.reverse() : out;
      rounds[n] = [...(rounds[n] ?? []), { cli: a!, cold: b!, warm: c!, warmChecked: d! }];
    }
  }
  for (const { plain, full } of pools.values()) await Promise.all([plain.close(), full.close()]);
  return { start, widths: summarise(rounds, pages.length, start.cli) };
}

const perPage = (r: Run, key: 'cpu' | 'wall') => (r.checked > 0 ? r[key] / r.checked : Number.NaN);
const KINDS = ['cli', 'cliNet', 'cold', 'warm', 'warmChecked'] as const;
type Kind = (typeof KINDS)[number];
type Round = Record<Exclude<Kind, 'cliNet'>, Run>;
export interface Spread {
  median: number;
  min: number;
  max: number;
}
export interface WidthSummary {
  /** 1: one worker against one process; n: a pool of n against n processes in parallel. */
  width: number;
  rounds: number;
  pages: number;
  /** Median CPU and wall seconds per checked page, and the fewest pages checked in any round. */
  perPage: Record<Kind, { cpu: number; wall: number; checked: number }>;
  /** Ours over the CLI's, per round (same load on both sides), CPU and wall; warm ones over `cliNet`'s CPU. */
  ratio: Record<Exclude<Kind, 'cli' | 'cliNet'>, { cpu: Spread; wall: Spread }>;
  raw: Round[];
}

function summarise(rounds: Record<number, Round[]>, pages: number, cliStart: number): WidthSummary[] {
  return Object.entries(rounds).map(([n, raw]) => {
    // The CLI's runs less their processes' start (CPU only: the wall of parallel starts overlaps the pages).
    const rs = raw.map((r) => ({ ...r, cliNet: { ...r.cli, cpu: r.cli.cpu - (r.cli.procs ?? 1) * cliStart } }));
    const spread = (xs: number[]): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
    const ratio = (k: Kind, key: 'cpu' | 'wall', base: 'cli' | 'cliNet' = 'cli') =>
      spread(rs.map((r) => perPage(r[k], key) / perPage(r[base], key)));
    const per = (k: Kind) => ({
      cpu: median(rs.map((r) => perPage(r[k], 'cpu'))),
      wall: median(rs.map((r) => perPage(r[k], 'wall'))),
      checked: Math.min(...rs.map((r) => r[k].checked)),
    });
    return {
      width: Number(n),
      rounds: rs.length,
      pages,
      perPage: {
        cli: per('cli'),
        cliNet: per('cliNet'),
        cold: per('cold'),
        warm: per('warm'),
        warmChecked: per('warmChecked'),
      },
      ratio: {
        cold: { cpu: ratio('cold', 'cpu'), wall: ratio('cold', 'wall') },
        warm: { cpu: ratio('warm', 'cpu', 'cliNet'), wall: ratio('warm', 'wall') },
        warmChecked: { cpu: ratio('warmChecked', 'cpu', 'cliNet'), wall: ratio('warmChecked', 'wall') },
      },
      raw,
    };
  });
}
