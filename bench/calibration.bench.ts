/**
 * Calibration of confidence: of the values given at confidence ≥ 0.8, the share that is right
 * (goal ≥ 99.5 %); of the wrong values, the share given below 0.8 (goal 100 %). Per source: the
 * fixture corpus, the holdout corpus, the shared development corpus beside the repo
 * (`../shared/corpus/statements`) when present, the statements from other PDF producers (test/producers, each set),
 * and generated statements (test/generator).
 * Values are judged as the scorer judges them; a value with no field confidence counts as 1.
 *
 *   node bench/calibration.bench.ts [--generated 150] [--text-only] [--corpus DIR]
 *
 * Prints a table and writes bench/results/calibration.json and calibration.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { finishReport } from '../src/core/report/report.finish.ts';
import type { MarginReport } from '../src/core/report/report.schema.ts';
import { createExtractor } from '../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../src/render/page.raster.module.ts';
import type { GoodTruth } from '../test/fixtures/truth.ts';
import { renderStatement } from '../test/generator/render.ts';
import { judgeValues, type Verdict } from '../test/generator/score.ts';
import { generateStatement } from '../test/generator/statement.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const TEXT_ONLY = args.includes('--text-only');
const GENERATED = Number(arg('--generated', '150'));
const GENERATED_SEED = 20261206;
const THRESHOLD = 0.8;
const now = new Date();

interface Doc {
  name: string;
  bytes: () => Promise<Uint8Array>;
  truth: GoodTruth;
}

function folder(dir: string): Doc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .flatMap((f) => {
      const truthFile = path.join(dir, f.replace(/\.pdf$/, '.json'));
      if (!existsSync(truthFile)) return [];
      const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
      if (!Array.isArray(truth.reports)) return [];
      if (TEXT_ONLY && truth.kind !== 'text') return [];
      return [{ name: f, truth, bytes: async () => new Uint8Array(readFileSync(path.join(dir, f))) }];
    });
}

function generated(count: number): Doc[] {
  return Array.from({ length: count }, (_, i) => {
    // Every tenth generated statement is rasterised (no text layer), unless text only.
    const g = generateStatement(GENERATED_SEED, 50_000 + i, { kind: !TEXT_ONLY && i % 10 === 9 ? 'scanned' : 'text' });
    return { name: g.name, truth: g.truth, bytes: async () => (await renderStatement(g)).bytes };
  });
}

const corpusDir = [
  arg('--corpus', ''),
  path.join(ROOT, '../shared/corpus/statements'),
  path.join(ROOT, '../../shared/corpus/statements'),
]
  .filter(Boolean)
  .find((d) => existsSync(d));

const sources: [string, Doc[]][] = [
  ['fixtures', folder(path.join(ROOT, 'test/fixtures/reports'))],
  ['holdout', folder(path.join(ROOT, 'test/holdout/reports'))],
  ...(corpusDir ? ([['shared corpus', folder(corpusDir)]] as [string, Doc[]][]) : []),
  ['producers', folder(path.join(ROOT, 'test/producers/statements'))],
  ...['3', '4', '5', '6', '7', '8', '9']
    .map((n) => [`producers set ${n}`, path.join(ROOT, `test/producers/set${n}/statements`)] as const)
    .filter(([, dir]) => existsSync(dir))
    .map(([name, dir]) => [name, folder(dir)] as [string, Doc[]]),
  ['generated', generated(GENERATED)],
];

interface Row {
  source: string;
  docs: number;
  refused: number;
  values: number;
  high: number;
  highRight: number;
  wrong: number;
  wrongLow: number;
  /** Wrong values with no flag at all (no review, no low confidence, no issue naming them): silent. */
  wrongSilent: number;
  /** Share of high-confidence values that are right (goal ≥ 0.995). */
  precisionAtHigh: number | null;
  /** Share of wrong values given below the threshold (goal 1). */
  wrongFlagged: number | null;
  /** Wrong values given at high confidence, for finding their causes. */
  confidentWrong: string[];
}

const extractor = createExtractor({
  pageRaster: PAGE_RASTER_MODULE,
  maxFileBytes: 25 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 300_000,
  ocrWorkers: 2,
});
const rows: Row[] = [];
try {
  for (const [source, docs] of sources) {
    const verdicts: (Verdict & { doc: string })[] = [];
    let refused = 0;
    for (const d of docs) {
      let reports: MarginReport[] = [];
      try {
        const out = await extractor.extract({ bytes: await d.bytes(), fileName: d.name });
        reports = out.readings.map((r) => finishReport(r, { now }));
      } catch {
        refused++;
      }
      verdicts.push(...judgeValues(d.truth, reports).map((v) => ({ ...v, doc: d.name })));
    }
    const high = verdicts.filter((v) => v.confidence >= THRESHOLD);
    const wrong = verdicts.filter((v) => !v.right);
    rows.push({
      source,
      docs: docs.length,
      refused,
      values: verdicts.length,
      high: high.length,
      highRight: high.filter((v) => v.right).length,
      wrong: wrong.length,
      wrongLow: wrong.filter((v) => v.confidence < THRESHOLD).length,
      wrongSilent: wrong.filter((v) => !v.flagged).length,
      precisionAtHigh: high.length ? high.filter((v) => v.right).length / high.length : null,
      wrongFlagged: wrong.length ? wrong.filter((v) => v.confidence < THRESHOLD).length / wrong.length : null,
      confidentWrong: wrong
        .filter((v) => v.confidence >= THRESHOLD)
        .map((v) => `${v.doc} ${v.key} (${v.confidence.toFixed(2)})`),
    });
    console.error(`calibration: ${source} done (${docs.length} docs)`);
  }
} finally {
  await extractor.close();
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const head =
  '| source | docs | refused | values | at ≥ 0.8 | right at ≥ 0.8 (goal ≥ 99.5 %) | wrong | wrong below 0.8 (goal 100 %) | wrong and not flagged at all |';
const table = [
  head,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.source} | ${r.docs} | ${r.refused} | ${r.values} | ${r.high} | ${pct(r.precisionAtHigh)} (${r.highRight}/${r.high}) | ${r.wrong} | ${pct(r.wrongFlagged)} (${r.wrongLow}/${r.wrong}) | ${r.wrongSilent} |`,
  ),
].join('\n');
console.log(table);
const stamp = now.toISOString();
const md = `# Confidence calibration\n\n${stamp}, ${TEXT_ONLY ? 'text documents only' : 'text and scanned documents'}, generated seed ${GENERATED_SEED}.\nCommand: \`node bench/calibration.bench.ts${args.length ? ` ${args.join(' ')}` : ''}\`\n\n${table}\n\nWrong values given at confidence ≥ 0.8 (first 40 per source):\n\n${rows.map((r) => `- ${r.source}: ${r.confidentWrong.length ? r.confidentWrong.slice(0, 40).join('; ') : 'none'}`).join('\n')}\n`;
const outDir = path.join(ROOT, 'bench/results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'calibration.json'),
  `${JSON.stringify({ at: stamp, textOnly: TEXT_ONLY, threshold: THRESHOLD, rows }, null, 2)}\n`,
);
writeFileSync(path.join(outDir, 'calibration.md'), md);
