/**
 * Evidence benchmark (issue 14). Targets: showing evidence adds < 50 ms to a text PDF's summary; a
 * Show source crop is ready in < 1 s for a scanned page. CPU time (process.cpuUsage) per run, the
 * least and the median of the runs, so a loaded machine reads as it is.
 *
 *   node bench/evidence.bench.ts [--runs 7]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summaryCard } from '../src/core/cards/report.cards.ts';
import { cropRegion } from '../src/core/evidence/crop.region.ts';
import type { Ingestion } from '../src/core/ingest/ingestion.model.ts';
import type { Report } from '../src/core/report/report.model.ts';
import type { MarginReport } from '../src/core/report/report.schema.ts';
import { renderCard as renderSlack } from '../src/platforms/slack/slack.cards.ts';
import { renderCard as renderTeams } from '../src/platforms/teams/teams.cards.ts';
import { renderEvidenceCrop } from '../src/render/evidence.crop.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(args.runs);
const root = path.join(import.meta.dirname, '..');

const cpuMs = async (fn: () => Promise<unknown> | unknown) => {
  const start = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { least: s[0]!, median: s[Math.floor(s.length / 2)]! };
};
const fmt = (x: { least: number; median: number }) =>
  `least ${x.least.toFixed(2)} ms, median ${x.median.toFixed(2)} ms`;

// 1. A text PDF's summary with and without evidence: every field flagged and sourced (the worst case).
const sample = JSON.parse(readFileSync(path.join(root, 'samples/sample-margin-statement.json'), 'utf8')) as {
  reports: Partial<MarginReport>[];
};
const read = sample.reports[0]!;
const base = {
  source_file_name: 'sample-margin-statement.pdf',
  currency: 'USD',
  confidence: { overall: 0.9, fields: {} },
  data_quality_score: 0.9,
  needs_review: true,
  issues: [],
  method: 'text',
  pages: 1,
  processing_time_ms: 100,
  ...read,
} as MarginReport;
const flaggedEverywhere: MarginReport = {
  ...base,
  confidence: { overall: 0.5, fields: Object.fromEntries(Object.keys(base.fields).map((f) => [f, 0.5])) },
  evidence: Object.fromEntries(
    Object.keys(base.fields).map((f, i) => [
      f,
      {
        page: 1,
        bbox: [300, 100 + i * 14, 380, 110 + i * 14],
        label: `Label of ${f}`,
        text: String(base.fields[f as 'sma']),
      },
    ]),
  ),
};
const withoutEvidence: MarginReport = { ...flaggedEverywhere, evidence: {} };
const stored = (d: MarginReport): Report =>
  ({
    id: 'r1',
    accountNumber: d.account_number ?? 'U1',
    reportDate: d.report_date ?? '2026-11-27',
    extracted: d,
    status: 'pending',
    needsReview: true,
    createdAt: new Date().toISOString(),
  }) as Report;
const ingestion = { id: 'i1', fileName: 'sample.pdf', status: 'processed' } as Ingestion;
const summary = (d: MarginReport) => () => {
  for (let i = 0; i < 100; i++) {
    const c = summaryCard(ingestion, [stored(d)], []);
    renderSlack(c);
    renderTeams(c);
  }
};
const withEv: number[] = [];
const without: number[] = [];
for (let r = 0; r < RUNS; r++) {
  without.push((await cpuMs(summary(withoutEvidence))) / 100);
  withEv.push((await cpuMs(summary(flaggedEverywhere))) / 100);
}
const a = stats(withEv);
const b = stats(without);
console.log(`summary card (Slack + Teams render), every field flagged: with evidence ${fmt(a)}; without ${fmt(b)}`);
console.log(`evidence adds ${(a.median - b.median).toFixed(3)} ms CPU per summary (target < 50 ms)`);

// 2. A crop of a scanned page: the region around a figure in the middle of the page, rendered alone.
const scanned = new Uint8Array(readFileSync(path.join(root, 'test/fixtures/reports/scan-compact-summary-02.pdf')));
const value = { page: 1, bbox: [380, 300, 470, 314] as [number, number, number, number], label: null, text: '' };
const region = cropRegion(value, [], { width: 612, height: 792 });
const crops: number[] = [];
let size = '';
for (let r = 0; r < RUNS; r++) {
  crops.push(
    await cpuMs(async () => {
      const c = await renderEvidenceCrop({ pdf: scanned, page: 1, region, box: value.bbox });
      size = `${c.width}×${c.height} px, ${c.png.length} bytes`;
    }),
  );
}
console.log(`crop of a scanned page (${size}): ${fmt(stats(crops))} CPU (target < 1000 ms)`);
