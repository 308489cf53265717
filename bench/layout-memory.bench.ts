/**
 * Layout memory's learning curve (issue 16). Per layout of a corpus (the truth files' `layout`), its
 * statements in name order: the first two are taught (with their truth, as `marginiq teach --truth`
 * does), the rest are scored (F1 and silent errors, as ../shared/eval/score.mjs counts them) before
 * teaching, after teaching the first, and after teaching the second. After each teach, every
 * statement of every *other* layout is scored too: teaching must never make another layout worse.
 * Also the fingerprint's match rates: pairs of statements of one layout that match, pairs of
 * different layouts that (wrongly) do.
 *
 *   nice -n 10 node bench/layout-memory.bench.ts [--corpus fixtures|shared|holdout ...] [--pages-cache DIR]
 *     [--scale 1000,10000] [--exhaustive-sample 20] [--scale-only] [--no-write]
 *
 * A statement whose fingerprint matches no taught layout is extracted exactly as without memory
 * (memory gives nothing), so it is scored once, without memory, and that score stands for it.
 * Writes bench/results/layout-memory.json and layout-memory.md.
 *
 * Pages are read as `marginiq extract` reads them, with as many OCR threads as the configuration gives
 * it (OCR_WORKERS, else one per core); how a scan is cut into bands depends on the page alone, so the
 * readings do not depend on that count (they once did: holdout commodity-summary-scan-01 read its
 * excess -335,071.74 on one thread, -32,593.55 on two).
 * `--pages-cache DIR` keeps each statement's pages as read (OCR and the scan's bands included), so
 * a later run skips reading; delete it after changing anything in reading.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { finishReport } from '../src/core/report/report.finish.ts';
import { fingerprintSimilarity, SAME_LAYOUT } from '../src/extraction/memory/fingerprint.similarity.ts';
import { fingerprintOf, type LayoutFingerprint } from '../src/extraction/memory/layout.fingerprint.ts';
import { matchLayout, matchLayoutExhaustive } from '../src/extraction/memory/layout.match.ts';
import { planTeaching } from '../src/extraction/memory/layout.teach.ts';
import type { KnownLayout, LayoutMemory } from '../src/extraction/memory/memory.recall.ts';
import { createOcrPool } from '../src/extraction/ocr/ocr.pool.ts';
import { interpretPages, layoutLines } from '../src/extraction/pages.interpreter.ts';
import { type ReadPage, readPages } from '../src/extraction/pages.reader.ts';
import { closePdfReaders } from '../src/extraction/pdf/pdf-document.reader.ts';
import { PAGE_RASTER_MODULE } from '../src/render/page.raster.module.ts';
import type { GoodTruth } from '../test/fixtures/truth.ts';
import { type Score, scoreReports } from '../test/generator/score.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const CORPORA: Record<string, string> = {
  fixtures: path.join(ROOT, 'test/fixtures/reports'),
  // Beside the checkout (../shared), or beside the worktrees' parent for a checkout in a worktree.
  shared:
    [path.resolve(ROOT, '../shared/corpus/statements'), path.resolve(ROOT, '../../shared/corpus/statements')].find(
      (d) => existsSync(d),
    ) ?? '../shared/corpus/statements',
  holdout: path.join(ROOT, 'test/holdout/reports'),
};
const chosen = args.flatMap((a, i) => (args[i - 1] === '--corpus' ? [a] : []));
const corpora = chosen.length ? chosen : ['fixtures', 'shared'];
const cacheAt = args.flatMap((a, i) => (args[i - 1] === '--pages-cache' ? [a] : []))[0];

interface Doc {
  name: string;
  layout: string;
  truth: GoodTruth;
  pages: ReadPage[];
  lines: ReturnType<typeof layoutLines>['lines'];
  sizes: { width: number; height: number }[];
  fingerprint: LayoutFingerprint;
  /** A page of it was read by OCR. */
  scanned: boolean;
}

const config = loadConfig(process.env);
if (!config.ok) throw new Error(`configuration: ${config.problems.map((p) => `${p.setting}: ${p.reason}`).join('; ')}`);
/** The CLI's reading: as many OCR threads as it would start. */
const ocrWorkers = config.config.ocrWorkers;
const pool = createOcrPool({ size: ocrWorkers });
const signal = new AbortController().signal;

/** Pages as JSON: the scans' images (Uint8Array) as base64, so a cached page is the page as read. */
const BYTES = '$bytes';
const toJson = (pages: ReadPage[]) =>
  JSON.stringify(pages, (_k, v) => (v instanceof Uint8Array ? { [BYTES]: Buffer.from(v).toString('base64') } : v));
const fromJson = (text: string): ReadPage[] =>
  JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && typeof v[BYTES] === 'string' ? new Uint8Array(Buffer.from(v[BYTES], 'base64')) : v,
  );

async function load(corpus: string): Promise<Doc[]> {
  const dir = CORPORA[corpus]!;
  if (!existsSync(dir)) return [];
  const docs: Doc[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.pdf'))
    .sort()) {
    const truth = JSON.parse(readFileSync(path.join(dir, f.replace(/\.pdf$/, '.json')), 'utf8'));
    if (!Array.isArray(truth.reports)) continue;
    const cached = cacheAt
      ? path.join(cacheAt, `${corpus === 'shared' ? 'corpus' : corpus}__${f.replace(/\.pdf$/, '')}.json`)
      : null;
    const pages: ReadPage[] =
      cached && existsSync(cached)
        ? fromJson(readFileSync(cached, 'utf8'))
        : (
            await readPages(new Uint8Array(readFileSync(path.join(dir, f))), {
              raster: PAGE_RASTER_MODULE,
              maxPages: 50,
              dpi: 250,
              signal,
              ocrPool: () => pool,
            })
          ).pages;
    // A cache directory is filled on the first run: later runs skip reading and OCR.
    if (cached && !existsSync(cached)) {
      mkdirSync(cacheAt!, { recursive: true });
      writeFileSync(cached, toJson(pages));
    }
    const { lines } = layoutLines(pages);
    const sizes = pages.map((p) => ({ width: p.page.width, height: p.page.height }));
    docs.push({
      name: f,
      layout: truth.layout,
      truth,
      pages,
      lines,
      sizes,
      fingerprint: fingerprintOf(lines, sizes),
      scanned: pages.some((p) => p.ocr),
    });
  }
  return docs;
}

async function extract(doc: Doc, memory: LayoutMemory | undefined) {
  const outcome = await interpretPages(doc.pages, {
    fileName: doc.name,
    count: doc.pages.length,
    signal,
    started: performance.now(),
    ocrPool: () => pool,
    now: () => new Date('2026-12-06T12:00:00Z'),
    memory,
  }).catch(() => null);
  return outcome ? outcome.readings.map((r) => finishReport(r, { now: new Date('2026-12-06T12:00:00Z') })) : null;
}

const sum = (xs: Score[]) =>
  xs.reduce(
    (a, s) => ({ tp: a.tp + s.tp, nTruth: a.nTruth + s.nTruth, nPred: a.nPred + s.nPred, silent: a.silent + s.silent }),
    {
      tp: 0,
      nTruth: 0,
      nPred: 0,
      silent: 0,
    },
  );
/** What a person has to look at in one statement's reports, and what memory vouched for. */
interface Review {
  needsReview: boolean;
  unsure: number;
  learned: number;
}
type Finished = NonNullable<Awaited<ReturnType<typeof extract>>>;
function reviewOf(reports: Finished | null): Review {
  const rs = reports ?? [];
  return {
    needsReview: rs.some((r) => r.needs_review),
    unsure: rs.reduce((n, r) => n + Object.keys(r.fields).filter((f) => (r.confidence.fields[f] ?? 1) < 0.8).length, 0),
    learned: rs.reduce((n, r) => n + Object.values(r.evidence ?? {}).filter((e) => e?.source === 'learned').length, 0),
  };
}
const tally = (rs: Review[]) => ({
  needs_review: rs.filter((r) => r.needsReview).length,
  unsure_values: rs.reduce((n, r) => n + r.unsure, 0),
  learned_values: rs.reduce((n, r) => n + r.learned, 0),
});
const f1 = (s: { tp: number; nTruth: number; nPred: number }) => (s.tp === 0 ? 0 : (2 * s.tp) / (s.nTruth + s.nPred));

function memoryOf(layouts: KnownLayout[]): LayoutMemory {
  return { layouts: async () => layouts };
}

/** Teaches one statement into an in-memory copy of the memory, as `marginiq teach --truth` does into the database. */
function teach(
  layouts: KnownLayout[],
  doc: Doc,
  n: number,
): { layouts: KnownLayout[]; learned: number; missed: string[] } {
  const plan = planTeaching(
    { lines: doc.lines, pages: doc.sizes },
    doc.truth.reports.map((r) => ({ account: r.account_number, fields: r.fields })),
    layouts,
  );
  const stamp = {
    reportId: null,
    fileName: doc.name,
    taughtBy: 'bench',
    taughtAt: new Date(2026, 11, 6, 12, n).toISOString(),
  };
  const rules = plan.rules.map((r) => ({ ...r, ...stamp }));
  const missed = plan.outcomes.flatMap((o) => (o.rule ? [] : [`${o.field}: ${o.reason}`]));
  const existing = layouts.find((l) => l.id === plan.layoutId);
  const next = existing
    ? layouts.map((l) => (l === existing ? { ...l, rules: [...rules, ...l.rules] } : l))
    : [...layouts, { id: plan.layoutId, fingerprint: plan.fingerprint, rules }];
  return { layouts: next, learned: rules.length, missed };
}

const results: Record<string, unknown> = {};
/** Every statement read, its layout named with its corpus (for the matching-at-scale measurement). */
const everyDoc: Doc[] = [];
const scales = (args.flatMap((a, i) => (args[i - 1] === '--scale' ? [a] : []))[0] ?? '1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const scaleOnly = args.includes('--scale-only');
const md: string[] = [
  '# Layout memory: learning curve',
  '',
  `Run ${new Date().toISOString()}; same-layout threshold ${SAME_LAYOUT}.`,
  '',
];
for (const corpus of corpora) {
  const t0 = performance.now();
  const docs = await load(corpus);
  if (docs.length === 0) continue;
  everyDoc.push(...docs.map((d) => ({ ...d, layout: `${corpus}:${d.layout}` })));
  if (scaleOnly) continue;
  console.log(`\n${corpus}: ${docs.length} statements read in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Fingerprint match rates over all pairs; also with whole labels only (no label found word by
  // word), as fingerprints compared before, and the pairs of a scan and a text statement apart.
  let same = 0;
  let sameHit = 0;
  let diff = 0;
  let diffHit = 0;
  let sameWhole = 0;
  let diffWhole = 0;
  let scanText = 0;
  let scanTextHit = 0;
  let scanTextWhole = 0;
  let closest = 0;
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      const [a, b] = [docs[i]!, docs[j]!];
      const similarity = fingerprintSimilarity(a.fingerprint, b.fingerprint);
      const hit = similarity >= SAME_LAYOUT;
      const whole = fingerprintSimilarity(a.fingerprint, b.fingerprint, { pieces: false }) >= SAME_LAYOUT;
      if (a.layout === b.layout) {
        same++;
        if (hit) sameHit++;
        if (whole) sameWhole++;
        if (a.scanned !== b.scanned) {
          scanText++;
          if (hit) scanTextHit++;
          if (whole) scanTextWhole++;
        }
      } else {
        diff++;
        if (hit) diffHit++;
        if (whole) diffWhole++;
        closest = Math.max(closest, similarity);
      }
    }
  const baseline = new Map<string, Score>();
  const baseReview = new Map<string, Review>();
  for (const d of docs) {
    const reports = await extract(d, undefined);
    baseline.set(d.name, scoreReports(d.truth, reports));
    baseReview.set(d.name, reviewOf(reports));
  }
  const byLayout = new Map<string, Doc[]>();
  for (const d of docs) byLayout.set(d.layout, [...(byLayout.get(d.layout) ?? []), d]);
  const rows: Record<string, unknown>[] = [];
  let regressions = 0;
  const all = { before: [] as Score[], one: [] as Score[], two: [] as Score[] };
  const review = { before: [] as Review[], one: [] as Review[], two: [] as Review[] };
  for (const [layout, members] of byLayout) {
    if (members.length < 3) continue;
    const [first, second, ...rest] = members as [Doc, Doc, ...Doc[]];
    const before = rest.map((d) => baseline.get(d.name)!);
    const curve: Score[][] = [];
    const reviewed: Review[][] = [];
    const taught: { learned: number; missed: string[] }[] = [];
    const failures: string[] = [];
    let known: KnownLayout[] = [];
    for (const [n, t] of [first, second].entries()) {
      const step = teach(known, t, n);
      known = step.layouts;
      taught.push({ learned: step.learned, missed: step.missed });
      const memory = memoryOf(known);
      const scored: Score[] = [];
      const looked: Review[] = [];
      for (const d of rest) {
        const reports = await extract(d, memory);
        const s = scoreReports(d.truth, reports);
        scored.push(s);
        looked.push(reviewOf(reports));
        for (const line of s.details) failures.push(`after ${n + 1}: ${d.name} ${line}`);
      }
      curve.push(scored);
      reviewed.push(looked);
      // Every other layout's statements, with this memory: no regression allowed.
      for (const d of docs) {
        if (d.layout === layout) continue;
        const matches = known.some((k) => fingerprintSimilarity(d.fingerprint, k.fingerprint) >= SAME_LAYOUT);
        if (!matches) continue;
        const s = scoreReports(d.truth, await extract(d, memory));
        const b = baseline.get(d.name)!;
        if (s.tp < b.tp || s.silent > b.silent || s.nPred - s.tp > b.nPred - b.tp) {
          regressions++;
          failures.push(
            `REGRESSION after ${n + 1}: ${d.name} (${d.layout}) tp ${b.tp}→${s.tp}, silent ${b.silent}→${s.silent}`,
          );
        }
      }
    }
    all.before.push(...before);
    all.one.push(...curve[0]!);
    all.two.push(...curve[1]!);
    review.before.push(...rest.map((d) => baseReview.get(d.name)!));
    review.one.push(...reviewed[0]!);
    review.two.push(...reviewed[1]!);
    const row = {
      layout,
      scored: rest.length,
      f1_before: f1(sum(before)),
      f1_after_1: f1(sum(curve[0]!)),
      f1_after_2: f1(sum(curve[1]!)),
      silent_before: sum(before).silent,
      silent_after_1: sum(curve[0]!).silent,
      silent_after_2: sum(curve[1]!).silent,
      rules: taught.map((t) => t.learned),
      not_learned: taught.map((t) => t.missed),
      failures,
    };
    rows.push(row);
    console.log(
      `${layout.padEnd(28)} n=${String(rest.length).padStart(2)}  F1 ${row.f1_before.toFixed(3)} → ${row.f1_after_1.toFixed(3)} → ${row.f1_after_2.toFixed(3)}  silent ${row.silent_before} → ${row.silent_after_1} → ${row.silent_after_2}  rules ${row.rules.join('+')}`,
    );
    for (const f of failures.slice(0, 8)) console.log(`    ${f}`);
  }
  const total = {
    f1_before: f1(sum(all.before)),
    f1_after_1: f1(sum(all.one)),
    f1_after_2: f1(sum(all.two)),
    silent_before: sum(all.before).silent,
    silent_after_1: sum(all.one).silent,
    silent_after_2: sum(all.two).silent,
    other_layout_regressions: regressions,
    review: { before: tally(review.before), after_1: tally(review.one), after_2: tally(review.two) },
    fingerprint: {
      same_layout_pairs: same,
      matched: sameHit,
      different_layout_pairs: diff,
      false_matches: diffHit,
      scan_text_pairs: scanText,
      scan_text_matched: scanTextHit,
      closest_different_layout: Math.round(closest * 1000) / 1000,
      whole_labels_only: { matched: sameWhole, scan_text_matched: scanTextWhole, false_matches: diffWhole },
    },
  };
  console.log(
    `${corpus} overall: F1 ${total.f1_before.toFixed(3)} → ${total.f1_after_1.toFixed(3)} → ${total.f1_after_2.toFixed(3)}, silent ${total.silent_before} → ${total.silent_after_1} → ${total.silent_after_2}, other-layout regressions ${regressions}`,
  );
  console.log(
    `${corpus} review (scored statements): ${[review.before, review.one, review.two].map((r) => tally(r).needs_review).join(' → ')} of ${review.before.length} need review; values below 0.8 ${[review.before, review.one, review.two].map((r) => tally(r).unsure_values).join(' → ')}; values found or confirmed by a learned rule ${[review.one, review.two].map((r) => tally(r).learned_values).join(' → ')}`,
  );
  console.log(
    `${corpus} fingerprint: same-layout pairs matched ${sameHit}/${same} (${((100 * sameHit) / Math.max(1, same)).toFixed(1)} %; whole labels only ${sameWhole}), scan with text ${scanTextHit}/${scanText} (whole labels only ${scanTextWhole}), different-layout pairs matched ${diffHit}/${diff} (whole labels only ${diffWhole}), closest different-layout similarity ${closest.toFixed(3)}`,
  );
  results[corpus] = { ...total, layouts: rows };
  md.push(
    `## ${corpus}`,
    '',
    '| layout | scored | F1 before | after 1 | after 2 | silent before | after 1 | after 2 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of rows as { [k: string]: number | string }[])
    md.push(
      `| ${r.layout} | ${r.scored} | ${(r.f1_before as number).toFixed(3)} | ${(r.f1_after_1 as number).toFixed(3)} | ${(r.f1_after_2 as number).toFixed(3)} | ${r.silent_before} | ${r.silent_after_1} | ${r.silent_after_2} |`,
    );
  md.push(
    `| **all** | | ${total.f1_before.toFixed(3)} | ${total.f1_after_1.toFixed(3)} | ${total.f1_after_2.toFixed(3)} | ${total.silent_before} | ${total.silent_after_1} | ${total.silent_after_2} |`,
    '',
    `Review of the scored statements (before → after 1 → after 2): ${[review.before, review.one, review.two].map((r) => tally(r).needs_review).join(' → ')} of ${review.before.length} need review, ${[review.before, review.one, review.two].map((r) => tally(r).unsure_values).join(' → ')} values below 0.8; ${[review.one, review.two].map((r) => tally(r).learned_values).join(' → ')} values found or confirmed by a learned rule.`,
    '',
    `Other layouts scored after each teach: ${regressions} regressions. Fingerprint: ${sameHit}/${same} same-layout pairs match (${sameWhole} with whole labels only), of them a scan with a text statement ${scanTextHit}/${scanText} (${scanTextWhole}); ${diffHit}/${diff} different-layout pairs match (${diffWhole}), the closest at ${closest.toFixed(3)}.`,
    '',
  );
}
if (everyDoc.length > 0) {
  const scale = matchingAtScale(everyDoc, scales);
  results.matching_at_scale = scale.rows;
  md.push(...scale.md);
}
await pool.close();
await closePdfReaders();
if (!args.includes('--no-write')) {
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/layout-memory.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, 'bench/results/layout-memory.md'), `${md.join('\n')}\n`);
}

/**
 * Matching cost with a workspace that knows many layouts: the corpus's layouts (the first statement
 * of each) among synthetic ones made of the corpus's own label phrases, at random places, on Letter,
 * A4 or landscape paper. Every statement is matched through the index (`matchLayout`); a sample of
 * them also against every layout phrase by phrase (`matchLayoutExhaustive`), which must agree. CPU
 * time (process.cpuUsage, user + system), so a loaded machine does not inflate it.
 */
function matchingAtScale(docs: Doc[], sizes: number[]) {
  const real = [...new Map(docs.map((d) => [d.layout, d])).values()].map((d) => ({
    id: d.layout,
    fingerprint: d.fingerprint,
  }));
  const vocabulary = [...new Set(docs.flatMap((d) => d.fingerprint.phrases.map((p) => p.key)))];
  const headerWords = [...new Set(docs.flatMap((d) => d.fingerprint.headers))];
  let seed = 0x2f6e2b1;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const synthetic = (n: number) => {
    const r = rand();
    const page =
      r < 0.8 ? { width: 612, height: 792 } : r < 0.95 ? { width: 595, height: 842 } : { width: 792, height: 612 };
    const count = 40 + Math.floor(rand() * 121);
    const phrases = Array.from({ length: count }, () => ({
      key: pick(vocabulary),
      x: Math.round(rand() * 1000) / 1000,
      y: Math.round(rand() * 1000) / 1000,
      page: rand() < 0.8 ? 0 : 1,
    }));
    const fingerprint: LayoutFingerprint = {
      page,
      pages: 1 + Math.floor(rand() * 3),
      issuer: phrases[0]!.key,
      phrases,
      headers: Array.from({ length: Math.floor(rand() * 4) }, () => pick(headerWords)),
    };
    return { id: `synthetic-${n}`, fingerprint };
  };
  const cpu = (f: () => void) => {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };
  const want = Number(args.flatMap((a, i) => (args[i - 1] === '--exhaustive-sample' ? [a] : []))[0] ?? 20);
  const sample = docs.filter((_, i) => i % Math.ceil(docs.length / want) === 0);
  const rows: Record<string, unknown>[] = [];
  const md = [
    '## Matching at scale',
    '',
    `${docs.length} statements matched against the corpus's ${real.length} layouts among synthetic ones; exhaustive on a sample of ${sample.length}. CPU ms.`,
    '',
    '| stored layouts | index build | per statement, indexed | per statement, exhaustive | indexed = exhaustive | own layout found (indexed) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const size of sizes) {
    const stored = [...real];
    for (let n = 0; stored.length < size; n++) stored.splice(Math.floor(rand() * (stored.length + 1)), 0, synthetic(n));
    // The index is built on the first match against this list and kept for the next ones.
    const build = cpu(() => matchLayout(docs[0]!.fingerprint, stored));
    const found: (string | null)[] = [];
    const indexed = cpu(() => {
      for (const d of docs) found.push(matchLayout(d.fingerprint, stored)?.layout.id ?? null);
    });
    const exhaustive: (string | null)[] = [];
    const slow = cpu(() => {
      for (const d of sample) exhaustive.push(matchLayoutExhaustive(d.fingerprint, stored)?.layout.id ?? null);
    });
    const agree = sample.filter((d, i) => found[docs.indexOf(d)] === exhaustive[i]).length;
    const own = docs.filter((d, i) => found[i] === d.layout).length;
    const row = {
      stored: size,
      index_build_ms: build,
      indexed_ms_per_statement: indexed / docs.length,
      exhaustive_ms_per_statement: slow / sample.length,
      agree: `${agree}/${sample.length}`,
      own_layout_found: `${own}/${docs.length}`,
    };
    rows.push(row);
    console.log(
      `matching with ${size} stored layouts: index build ${build.toFixed(0)} ms, indexed ${row.indexed_ms_per_statement.toFixed(2)} ms/statement, exhaustive ${row.exhaustive_ms_per_statement.toFixed(1)} ms/statement (CPU); indexed = exhaustive on ${row.agree}; own layout found ${row.own_layout_found}`,
    );
    md.push(
      `| ${size} | ${build.toFixed(0)} | ${row.indexed_ms_per_statement.toFixed(2)} | ${row.exhaustive_ms_per_statement.toFixed(1)} | ${row.agree} | ${row.own_layout_found} |`,
    );
  }
  md.push('');
  return { rows, md };
}
