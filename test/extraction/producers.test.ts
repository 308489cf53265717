import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';

/**
 * Statements written by other PDF producers (Chromium, a Chromium printout, LibreOffice Writer and Calc;
 * test/producers/README.md), scored the way ../shared/eval/score.mjs scores: header fields and margin
 * figures, values within 0.005, a wrong, missing or extra value silent unless its report is flagged.
 * No silent error is allowed, and field F1 may not fall below the floor measured when the corpus landed.
 */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../producers/statements');
// Text statements only: the scanned ones (kind "scanned") take minutes of OCR each and are left to the scorer.
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf'))
  .filter((f) => JSON.parse(readFileSync(path.join(DIR, f.replace(/\.pdf$/, '.json')), 'utf8')).kind === 'text')
  .sort();
// Measured here on the committed text PDFs: 0.947 by the scorer on main c9c1541 over the first 11 (0 silent);
// 0.915 over the 19 text statements after the second set landed (2026-12-07, 0 silent, canada-combined refused).
// 0.983 by the scorer over the same 19 at the end of that session (0 silent). The floor guards that level.
const F1_FLOOR = 0.97;

interface TruthReport {
  account_number: string;
  report_date: string;
  currency: string;
  fields: Record<string, number>;
}

const norm = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/\s+/g, '');
const flagged = (r: MarginReport, key: string) =>
  r.needs_review || (r.confidence.fields[key] ?? 1) < 0.8 || r.issues.some((i) => JSON.stringify(i).includes(key));
const readingOf = (r: MarginReport | TruthReport, key: string): unknown =>
  key === 'account_number'
    ? norm(r.account_number)
    : key === 'report_date' || key === 'currency'
      ? r[key]
      : (r.fields as Record<string, unknown>)[key];
const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 0.005 : a === b;

const extractor = createExtractor({ maxFileBytes: 25 * 1024 * 1024, maxPages: 50, timeoutMs: 120_000, ocrWorkers: 1 });
afterAll(() => extractor.close());

const tally = { correct: 0, truth: 0, predicted: 0 };
const silent: string[] = [];
const refused: string[] = [];

describe('statements from other PDF producers', { timeout: 240_000 }, () => {
  for (const file of files) {
    it(`reads ${file} with every wrong, missing or extra value flagged`, async () => {
      const truth = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.pdf$/, '.json')), 'utf8')) as {
        reports: TruthReport[];
      };
      const out = await extractor
        .extract({ bytes: new Uint8Array(readFileSync(path.join(DIR, file))), fileName: file })
        .catch((e: unknown) => {
          // A refusal ("No margin figures were found") is loud, as the scorer counts it: every value missed, none silent.
          if ((e as { code?: string }).code !== 'extraction.no_margin_data') throw e;
          refused.push(file);
          return { reports: [] as MarginReport[] };
        });
      if (refused.includes(file)) {
        for (const t of truth.reports) tally.truth += 3 + Object.keys(t.fields).length;
        return;
      }
      const used = new Set<MarginReport>();
      for (const t of truth.reports) {
        // Paired by account number first, then (as the scorer does) by the most agreeing figures.
        const agreeing = (p: MarginReport) =>
          Object.keys(t.fields).filter((k) => same(p.fields[k as never], t.fields[k])).length;
        const r =
          out.reports.find((p) => !used.has(p) && norm(p.account_number) === norm(t.account_number)) ??
          out.reports.filter((p) => !used.has(p) && agreeing(p) > 0).sort((a, b) => agreeing(b) - agreeing(a))[0];
        const keys = ['account_number', 'report_date', 'currency', ...Object.keys(t.fields)];
        tally.truth += keys.length;
        if (!r) {
          silent.push(`${file}: no report for ${t.account_number}`);
          continue;
        }
        used.add(r);
        const extra = Object.keys(r.fields).filter(
          (k) => r.fields[k as keyof typeof r.fields] != null && !(k in t.fields),
        );
        tally.predicted += keys.filter((k) => readingOf(r, k) != null && readingOf(r, k) !== '').length + extra.length;
        for (const k of keys) {
          const ok = same(readingOf(r, k), readingOf(t, k));
          if (ok) tally.correct++;
          else if (!flagged(r, k))
            silent.push(`${file}: ${k} ${JSON.stringify(readingOf(r, k))} for ${readingOf(t, k)}`);
        }
        for (const k of extra) if (!flagged(r, k)) silent.push(`${file}: extra ${k}`);
      }
      // Reports for accounts the truth does not have (a TOTAL row, a household column) are extra values too.
      for (const p of out.reports.filter((p) => !used.has(p))) {
        tally.predicted += Object.keys(p.fields).length;
        if (!p.needs_review) silent.push(`${file}: extra report ${p.account_number}`);
      }
      expect(silent.filter((s) => s.startsWith(`${file}:`))).toEqual([]);
    });
  }

  it(`keeps field F1 at or above ${F1_FLOOR} over the corpus`, () => {
    const precision = tally.correct / Math.max(1, tally.predicted);
    const recall = tally.correct / Math.max(1, tally.truth);
    const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
    expect(f1).toBeGreaterThanOrEqual(F1_FLOOR);
  });
});
