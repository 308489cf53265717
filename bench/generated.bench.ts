/**
 * Generated statements (test/generator) through the product path: field recall, precision and F1
 * per layout, and the strict property the tests cannot assert yet: zero silent errors (a wrong,
 * missing or extra value with no review flag, no confidence below 0.8 and no issue naming it).
 * The silent errors are grouped by class (layout, field, kind of miss) to show where to look.
 *
 *   node bench/generated.bench.ts [--count 250] [--from 0] [--seed 20261206] [--scanned 4] [--scanned-from 10000]
 *                                 [--out generated] [--layout NAME] [--hidden]
 *
 * `--from N` starts at statement N of the seed (statements 50000–50299: `--from 50000 --count 300`).
 * `--scanned-from N` starts the scanned statements at statement N (default 10000), so scans nobody tuned to
 * can be measured: `--count 0 --scanned 40 --scanned-from 520000` scores only 40 fresh scans.
 * `--layout NAME` draws every statement in one layout, a named one too (`line-printer`, outside the random draw).
 * `--hidden` prints every statement in a nonsense language drawn for it (test/generator/hidden.ts): labels the
 * extractor has never seen, so only structure and the accounting identities read it.
 *
 * Writes bench/results/generated.json and generated.md (`--out NAME`: NAME.json and NAME.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createExtractor } from '../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../src/render/page.raster.module.ts';
import { type Measured, measureGenerated, summarise } from '../test/generator/measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const SEED = Number(arg('--seed', '20261206'));
const COUNT = Number(arg('--count', '250'));
const FROM = Number(arg('--from', '0'));
const OUT = arg('--out', 'generated');
const SCANNED = Number(arg('--scanned', '4'));
const SCANNED_FROM = Number(arg('--scanned-from', '10000'));
const LAYOUT = arg('--layout', '');
const only = { ...(LAYOUT ? { layout: LAYOUT } : {}), ...(args.includes('--hidden') ? { hidden: true } : {}) };

const extractor = createExtractor({
  pageRaster: PAGE_RASTER_MODULE,
  maxFileBytes: 25 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 300_000,
  ocrWorkers: 2,
});
let results: Measured[];
try {
  results = [
    ...(await measureGenerated(extractor, { seed: SEED, from: FROM, count: COUNT, kind: 'text', ...only })),
    ...(await measureGenerated(extractor, {
      seed: SEED,
      from: SCANNED_FROM,
      count: SCANNED,
      kind: 'scanned',
      ...only,
    })),
  ];
} finally {
  await extractor.close();
}

/** `account: field: missing (expected 1) [SILENT]` → `field missing`; whole reports → `report missing`. */
function silentClasses(r: Measured): string[] {
  return r.score.details
    .filter((d) => d.endsWith('[SILENT]'))
    .map((d) => {
      if (d.includes('report missing')) return `${r.layout}: report missing`;
      const m = /: (\w+): (missing|expected|extra)/.exec(d);
      return m ? `${r.layout}: ${m[1]} ${m[2] === 'expected' ? 'wrong' : m[2]}` : `${r.layout}: ${d}`;
    });
}

/** Each wrong, missing or extra value, and how it is flagged: `name: account: field: … [SILENT|flagged: how]`. */
const problems = (r: Measured) => r.score.details.map((d) => `${r.name}: ${d}`);

const groups = new Map<string, Measured[]>();
for (const r of results) {
  const key = `${r.kind} ${r.layout}`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}
const f3 = (x: number) => x.toFixed(3);
const lines = [
  '| layout | docs | recall | precision | F1 | silent errors | refused |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const [key, rs] of [...groups].sort()) {
  const s = summarise(rs);
  lines.push(
    `| ${key} | ${s.docs} | ${f3(s.recall)} | ${f3(s.precision)} | ${f3(s.f1)} | ${s.silent} | ${rs.filter((r) => r.error).length} |`,
  );
}
const all = summarise(results);
lines.push(
  `| **all** | ${all.docs} | ${f3(all.recall)} | ${f3(all.precision)} | ${f3(all.f1)} | ${all.silent} | ${results.filter((r) => r.error).length} |`,
);
const classes = new Map<string, number>();
for (const r of results) for (const c of silentClasses(r)) classes.set(c, (classes.get(c) ?? 0) + 1);
const classLines = [...classes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `- ${n} × ${c}`);
const evidence = results.flatMap((r) => r.evidenceProblems.map((p) => `${r.name}: ${p}`));
const missingEvidence = results.reduce((n, r) => n + r.missingEvidence.length, 0);
const verdict =
  all.silent === 0
    ? 'PASS: zero silent errors'
    : `FAIL: ${all.silent} silent errors (goal 0) in ${results.filter((r) => r.score.silent > 0).length} of ${results.length} documents`;

const table = lines.join('\n');
console.log(table);
console.log(verdict);
const stamp = new Date().toISOString();
const md = `# Generated statements\n\n${stamp}, seed ${SEED}, ${COUNT} text from statement ${FROM} + ${SCANNED} scanned from statement ${SCANNED_FROM}.\nCommand: \`node bench/generated.bench.ts${args.length ? ` ${args.join(' ')}` : ''}\`\n\n${table}\n\n**Strict property: ${verdict}.**\n\nEvidence: ${missingEvidence} present values without evidence; ${evidence.length} evidence boxes not over their printed value.\n\nSilent errors by class:\n\n${classLines.join('\n') || '- none'}\n`;
const outDir = path.join(ROOT, 'bench/results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, `${OUT}.json`),
  `${JSON.stringify({ at: stamp, seed: SEED, count: COUNT, scanned: SCANNED, scannedFrom: SCANNED_FROM, summary: all, silentClasses: Object.fromEntries(classes), missingEvidence, evidenceProblems: evidence.slice(0, 50), problems: results.flatMap(problems).slice(0, 400) }, null, 2)}\n`,
);
writeFileSync(path.join(outDir, `${OUT}.md`), md);
