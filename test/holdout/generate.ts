// Builds the held-out corpus in test/holdout/reports/: PDFs and the scorer's truth JSON beside each.
//
//   node test/holdout/generate.ts
//
// Deterministic: every document derives from a fixed seed, so re-running reproduces the same bytes.
// This corpus is for MEASURING generalisation only. Do not tune label tables or heuristics against it.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { balancesTable } from './layouts/balances-table.ts';
import { callEmail } from './layouts/call-email.ts';
import { callNotice } from './layouts/call-notice.ts';
import { commoditySummary } from './layouts/commodity-summary.ts';
import { deStatement } from './layouts/de-statement.ts';
import { fcmDaily } from './layouts/fcm-daily.ts';
import { marginDetailsBox } from './layouts/margin-details-box.ts';
import { pmRiskMatrix } from './layouts/pm-risk-matrix.ts';
import { positionsHeavy } from './layouts/positions-heavy.ts';
import { primeSummary } from './layouts/prime-summary.ts';
import { priorFirst } from './layouts/prior-first.ts';
import { regtRetail } from './layouts/regt-retail.ts';
import { segmentTotals } from './layouts/segment-totals.ts';
import { twoColumnPanel } from './layouts/two-column-panel.ts';
import { ukStatement } from './layouts/uk-statement.ts';
import { valueFirst } from './layouts/value-first.ts';
import { wrappedLabels } from './layouts/wrapped-labels.ts';
import { bomGarbage, htmlSavedAsPdf, scannedLetter } from './lib/bad.ts';
import { Rng } from './lib/prng.ts';
import { randomScan, scanPdf } from './lib/scan.ts';
import type { BadTruth, GoodTruth, Kind, Layout } from './lib/types.ts';

export const LAYOUTS: Layout[] = [
  marginDetailsBox,
  balancesTable,
  twoColumnPanel,
  primeSummary,
  fcmDaily,
  ukStatement,
  deStatement,
  callEmail,
  valueFirst,
  wrappedLabels,
  positionsHeavy,
  pmRiskMatrix,
  priorFirst,
  // added 2026-11-29, written without reading the extractor
  commoditySummary,
  regtRetail,
  callNotice,
  segmentTotals,
];

/** scanned documents: a fresh document of the layout (own seed), every page an image; optional minimum dpi */
const SCANNED: [Layout, number, number?][] = [
  [marginDetailsBox, 1],
  [balancesTable, 2],
  [twoColumnPanel, 1],
  [fcmDaily, 0],
  [ukStatement, 2],
  [deStatement, 1],
  [callEmail, 0],
  [valueFirst, 0],
  [commoditySummary, 1, 200],
  [regtRetail, 0, 200],
  [callNotice, 1, 200],
  [segmentTotals, 0, 200],
];

/** mixed documents: some pages keep their text layer, the listed pages are scanned */
const MIXED: [Layout, number, number[]][] = [
  [positionsHeavy, 0, [2]],
  [twoColumnPanel, 2, [0]],
];

const SEED = 'marginiq-holdout-2026';
const here = path.dirname(fileURLToPath(import.meta.url));
export const OUT = path.join(here, 'reports');

const nn = (n: number) => String(n).padStart(2, '0');

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

function write(name: string, pdf: Uint8Array, truth: GoodTruth | BadTruth): void {
  fs.writeFileSync(path.join(OUT, `${name}.pdf`), pdf);
  fs.writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify(truth, null, 2)}\n`);
}

async function good(
  name: string,
  layout: Layout,
  kind: Kind,
  pdf: Uint8Array,
  built: Awaited<ReturnType<Layout['build']>>,
  extra = '',
) {
  write(name, pdf, {
    reports: built.reports,
    kind,
    layout: layout.name,
    pages: await pageCount(pdf),
    notes: [built.notes, extra].filter(Boolean).join('; '),
  });
}

export async function generate(): Promise<string[]> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const names: string[] = [];
  for (const layout of LAYOUTS) {
    for (let v = 0; v < layout.variants; v++) {
      const built = await layout.build(new Rng(`${SEED}:${layout.name}:${v}`), v);
      const name = `${layout.name}-${nn(v + 1)}`;
      await good(name, layout, 'text', built.pdf, built);
      names.push(name);
    }
  }
  const scanCount = new Map<string, number>();
  for (const [layout, v, minDpi] of SCANNED) {
    const rng = new Rng(`${SEED}:${layout.name}:scan:${v}`);
    const built = await layout.build(rng, v);
    const opts = randomScan(rng, new Date(Date.UTC(2026, 10, 28)));
    if (minDpi && opts.dpi < minDpi) opts.dpi = minDpi;
    const pdf = await scanPdf(built.pdf, rng, opts);
    const k = (scanCount.get(layout.name) ?? 0) + 1;
    scanCount.set(layout.name, k);
    const name = `${layout.name}-scan-${nn(k)}`;
    await good(
      name,
      layout,
      'scanned',
      pdf,
      built,
      `scanned at ${opts.dpi} dpi, ${opts.angle} deg, JPEG q${opts.quality}, no text layer`,
    );
    names.push(name);
  }
  for (const [layout, v, pages] of MIXED) {
    const rng = new Rng(`${SEED}:${layout.name}:mixed:${v}`);
    const built = await layout.build(rng, v);
    const opts = { ...randomScan(rng, new Date(Date.UTC(2026, 10, 28))), dpi: 200 };
    const pdf = await scanPdf(built.pdf, rng, opts, pages);
    const name = `${layout.name}-mixed-01`;
    await good(
      name,
      layout,
      'mixed',
      pdf,
      built,
      `page(s) ${pages.map((p) => p + 1).join(', ')} scanned (${opts.dpi} dpi, ${opts.angle} deg), the rest keep their text layer`,
    );
    names.push(name);
  }
  const bad: [string, Uint8Array, string][] = [
    ['bad-html-saved-as-pdf', htmlSavedAsPdf(), 'an HTML page (session-expired login page) saved with a .pdf name'],
    [
      'bad-bom-garbage',
      await bomGarbage(new Rng(`${SEED}:bom`)),
      'UTF-8 BOM and random bytes before a PDF header; the body is cut off before any page, xref or trailer',
    ],
    [
      'bad-scanned-letter',
      await scannedLetter(new Rng(`${SEED}:letter`)),
      'scanned community-garden letter: dates, fees and a member number, no margin figures',
    ],
  ];
  for (const [name, pdf, reason] of bad) {
    write(name, pdf, { expect: 'error', reason });
    names.push(name);
  }
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const names = await generate();
  const bytes = fs.readdirSync(OUT).reduce((a, f) => a + fs.statSync(path.join(OUT, f)).size, 0);
  console.log(
    `wrote ${names.length} documents to ${path.relative(process.cwd(), OUT)} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
