// Runs generated statements through the product path (extraction, then core's rules) and checks
// each report: the scorer's numbers, the report schema, and whether each evidence box lies on its
// page over the printed value. Shared by the property tests and `bench/generated.bench.ts`.
import { finishReport } from '../../src/core/report/report.finish.ts';
import { type MarginReport, reportSchema } from '../../src/core/report/report.schema.ts';
import type { Extractor } from '../../src/extraction/extractor.ts';
import { PAGE_H, PAGE_W } from './page.ts';
import { type DrawnBox, renderStatement } from './render.ts';
import { type Score, scoreReports } from './score.ts';
import { generateStatement, type Kind } from './statement.ts';

export interface Measured {
  name: string;
  layout: string;
  kind: Kind;
  score: Score;
  reports: MarginReport[];
  /** A refusal or internal error instead of reports. */
  error: string | null;
  schemaErrors: string[];
  evidenceProblems: string[];
  /** Fields present in a report without evidence. */
  missingEvidence: string[];
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const overlaps = (a: readonly number[], b: readonly number[], tol: number) =>
  a[0]! <= b[2]! + tol && b[0]! <= a[2]! + tol && a[1]! <= b[3]! + tol && b[1]! <= a[3]! + tol;

/** Evidence must sit on a real page, inside it, over a printed string that holds its text. */
export function checkEvidence(report: MarginReport, boxes: DrawnBox[], pages: number, textLayer: boolean): string[] {
  const problems: string[] = [];
  for (const [field, ev] of Object.entries(report.evidence ?? {})) {
    const [x0, y0, x1, y1] = ev.bbox;
    if (ev.page < 1 || ev.page > pages) problems.push(`${field}: page ${ev.page} of ${pages}`);
    else if (x0 < -1 || y0 < -1 || x1 > PAGE_W + 1 || y1 > PAGE_H + 1 || x0 > x1 || y0 > y1)
      problems.push(`${field}: box ${JSON.stringify(ev.bbox)} off the page`);
    // OCR text may differ by a glyph; its box is still checked against the printed string's box.
    else if (
      !boxes.some(
        (b) =>
          b.page === ev.page &&
          overlaps(b.bbox, ev.bbox, 2) &&
          (!textLayer || squash(b.text).includes(squash(ev.text)) || squash(ev.text).includes(squash(b.text))),
      )
    )
      problems.push(
        `${field}: no printed ${JSON.stringify(ev.text)} under box ${JSON.stringify(ev.bbox)} on page ${ev.page}`,
      );
  }
  return problems;
}

export async function measureGenerated(
  extractor: Pick<Extractor, 'extract'>,
  opts: { seed: number; from?: number; count: number; kind: Kind; now?: Date; layout?: string; hidden?: boolean },
): Promise<Measured[]> {
  const out: Measured[] = [];
  const now = opts.now ?? new Date('2028-01-01T00:00:00Z');
  for (let i = opts.from ?? 0; i < (opts.from ?? 0) + opts.count; i++) {
    const g = generateStatement(opts.seed, i, {
      kind: opts.kind,
      ...(opts.layout ? { layout: opts.layout } : {}),
      ...(opts.hidden ? { hidden: true } : {}),
    });
    const { bytes, boxes } = await renderStatement(g);
    let reports: MarginReport[] = [];
    let error: string | null = null;
    try {
      const outcome = await extractor.extract({ bytes, fileName: `${g.name}.pdf` });
      reports = outcome.readings.map((r) => finishReport(r, { now }));
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const schemaErrors = reports.flatMap((r) => {
      const parsed = reportSchema.safeParse(r);
      return parsed.success ? [] : [`${r.account_number}: ${parsed.error.message.slice(0, 200)}`];
    });
    const missingEvidence = reports.flatMap((r) =>
      Object.keys(r.fields)
        .filter((f) => !r.evidence?.[f])
        .map((f) => `${r.account_number}: ${f}`),
    );
    out.push({
      name: g.name,
      layout: g.layout,
      kind: g.kind,
      score: scoreReports(g.truth, error === null ? reports : null),
      reports,
      error,
      schemaErrors,
      evidenceProblems: reports.flatMap((r) => checkEvidence(r, boxes, g.pages.length, g.kind === 'text')),
      missingEvidence,
    });
  }
  return out;
}

/** Field precision, recall and F1 and the silent-error count over many documents. */
export function summarise(results: Measured[]) {
  const t = results.reduce(
    (a, r) => ({
      tp: a.tp + r.score.tp,
      nTruth: a.nTruth + r.score.nTruth,
      nPred: a.nPred + r.score.nPred,
      silent: a.silent + r.score.silent,
    }),
    { tp: 0, nTruth: 0, nPred: 0, silent: 0 },
  );
  const precision = t.nPred ? t.tp / t.nPred : 0;
  const recall = t.nTruth ? t.tp / t.nTruth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { docs: results.length, ...t, precision, recall, f1 };
}
