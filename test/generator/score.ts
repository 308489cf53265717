// The scorer's definition (/work/shared/eval/score.mjs), in process: reports paired with the truth
// by account (then by agreeing values), a value counted right within 0.005, and a silent error a
// wrong, missing or extra value whose report has neither needs_review, nor a field confidence below
// 0.8, nor an issue naming the field.
import { FIELD_NAMES } from '../../src/contract/fields.ts';
import type { GoodTruth } from '../fixtures/truth.ts';

const HEADER = ['account_number', 'report_date', 'currency'] as const;
const FIELDS = FIELD_NAMES;
const KEYS: readonly string[] = [...HEADER, ...FIELDS];

/** What the scorer reads of a report (a `MarginReport` fits). */
export interface ScoredReport {
  account_number: string | null;
  report_date: string | null;
  currency: string;
  fields: Partial<Record<string, number>>;
  confidence: { fields: Record<string, number> };
  needs_review: boolean;
  issues: unknown[];
}

export interface Score {
  tp: number;
  nTruth: number;
  nPred: number;
  silent: number;
  /** One line per wrong, missing or extra value: `account: what [SILENT|flagged: how]` (how: conf 0.70, issue at 0.95, review only at 0.95). */
  details: string[];
}

type TruthRep = GoodTruth['reports'][number];
const norm = (s: string | null | undefined) => (s == null ? undefined : s.toUpperCase().replace(/\s+/g, ''));

function pred(r: ScoredReport, k: string): string | number | undefined {
  if (k === 'account_number') return norm(r.account_number);
  if (k === 'report_date') return r.report_date ?? undefined;
  if (k === 'currency') return r.currency?.toUpperCase();
  return r.fields[k] ?? undefined;
}
function truth(t: TruthRep, k: string): string | number | undefined {
  if (k === 'account_number') return norm(t.account_number);
  if (k === 'report_date' || k === 'currency') return t[k];
  return t.fields[k as keyof TruthRep['fields']];
}
const same = (k: string, t: string | number, p: string | number) =>
  (HEADER as readonly string[]).includes(k)
    ? t === p
    : typeof p === 'number' && Math.abs(p - Number(t)) <= 0.005 + 1e-9;

export function flagged(r: ScoredReport, k: string): boolean {
  return (
    r.needs_review === true ||
    (r.confidence.fields[k] ?? 1) < 0.8 ||
    r.issues.some((i) => (typeof i === 'string' ? i : JSON.stringify(i)).includes(k))
  );
}

/** How a wrong value is flagged: `conf 0.70` (below review), else `issue` or `review only` with its confidence (>= 0.8). */
function flaggedBy(r: ScoredReport, k: string): string {
  const c = r.confidence.fields[k];
  if (c !== undefined && c < 0.8) return `conf ${c.toFixed(2)}`;
  const at = c === undefined ? '' : ` at ${c.toFixed(2)}`;
  return r.issues.some((i) => (typeof i === 'string' ? i : JSON.stringify(i)).includes(k))
    ? `issue${at}`
    : `review only${at}`;
}

/** The scorer's pairing: by account number first, then greedily by agreeing values. */
function pair(
  t: GoodTruth,
  reports: ScoredReport[],
): { pairs: [number, number][]; usedT: Set<number>; usedP: Set<number> } {
  const pairs: [number, number][] = [];
  const usedT = new Set<number>();
  const usedP = new Set<number>();
  t.reports.forEach((tr, ti) => {
    const pi = reports.findIndex((p, j) => !usedP.has(j) && norm(p.account_number) === norm(tr.account_number));
    if (pi >= 0) {
      pairs.push([ti, pi]);
      usedT.add(ti);
      usedP.add(pi);
    }
  });
  const agree = (tr: TruthRep, p: ScoredReport) =>
    KEYS.filter((k) => {
      const tv = truth(tr, k);
      const pv = pred(p, k);
      return tv !== undefined && pv !== undefined && same(k, tv, pv);
    }).length;
  for (;;) {
    let best: [number, number, number] | null = null;
    for (const [ti, tr] of t.reports.entries()) {
      if (usedT.has(ti)) continue;
      for (const [pi, p] of reports.entries()) {
        if (usedP.has(pi)) continue;
        const a = agree(tr, p);
        if (!best || a > best[2]) best = [ti, pi, a];
      }
    }
    if (!best) break;
    const [bt, bp, ba] = best;
    const lonely = t.reports.length - usedT.size === 1 && reports.length - usedP.size === 1;
    if (ba < 2 && !lonely) break;
    pairs.push([bt, bp]);
    usedT.add(bt);
    usedP.add(bp);
  }
  return { pairs, usedT, usedP };
}

/** `null` for a run that gave no reports (a refusal): like the scorer, nothing to pair, no silent error. */
export function scoreReports(t: GoodTruth, reports: ScoredReport[] | null): Score {
  const s: Score = { tp: 0, nTruth: 0, nPred: 0, silent: 0, details: [] };
  for (const tr of t.reports) for (const k of KEYS) if (truth(tr, k) !== undefined) s.nTruth++;
  if (reports === null) {
    s.details.push('no reports: the document was refused');
    return s;
  }
  const { pairs, usedT, usedP } = pair(t, reports);
  for (const [ti, pi] of pairs) {
    const tr = t.reports[ti]!;
    const p = reports[pi]!;
    for (const k of KEYS) {
      const tv = truth(tr, k);
      const pv = pred(p, k);
      if (pv !== undefined) s.nPred++;
      if (tv === undefined && pv === undefined) continue;
      let bad: string | null = null;
      if (tv !== undefined && pv !== undefined) {
        if (same(k, tv, pv)) s.tp++;
        else bad = `${k}: expected ${JSON.stringify(tv)} got ${JSON.stringify(pv)}`;
      } else if (tv !== undefined) bad = `${k}: missing (expected ${JSON.stringify(tv)})`;
      else bad = `${k}: extra value ${JSON.stringify(pv)}`;
      if (bad) {
        const fl = flagged(p, k);
        if (!fl) s.silent++;
        s.details.push(`${tr.account_number}: ${bad} [${fl ? `flagged: ${flaggedBy(p, k)}` : 'SILENT'}]`);
      }
    }
  }
  t.reports.forEach((tr, ti) => {
    if (usedT.has(ti)) return;
    const n = KEYS.filter((k) => truth(tr, k) !== undefined).length;
    s.silent += n;
    s.details.push(`${tr.account_number}: report missing (${n} values) [SILENT]`);
  });
  reports.forEach((p, pi) => {
    if (usedP.has(pi)) return;
    for (const k of KEYS) {
      if (pred(p, k) === undefined) continue;
      s.nPred++;
      if (!flagged(p, k)) s.silent++;
    }
    s.details.push(`extra report for account ${JSON.stringify(p.account_number)}`);
  });
  return s;
}

/** One predicted value and whether it is right: what calibration counts. */
export interface Verdict {
  key: string;
  right: boolean;
  /** The report's confidence for the value; 1 when the report gives none (nothing warns a reader). */
  confidence: number;
  /** Flagged as the scorer sees it: review, a low confidence or an issue naming the field. */
  flagged: boolean;
}

/** Every value the reports give, judged against the truth (values of unpaired reports are wrong). */
export function judgeValues(t: GoodTruth, reports: ScoredReport[]): Verdict[] {
  const { pairs, usedP } = pair(t, reports);
  const out: Verdict[] = [];
  const conf = (p: ScoredReport, k: string) => p.confidence.fields[k] ?? 1;
  for (const [ti, pi] of pairs) {
    const tr = t.reports[ti]!;
    const p = reports[pi]!;
    for (const k of KEYS) {
      const pv = pred(p, k);
      if (pv === undefined) continue;
      const tv = truth(tr, k);
      out.push({ key: k, right: tv !== undefined && same(k, tv, pv), confidence: conf(p, k), flagged: flagged(p, k) });
    }
  }
  reports.forEach((p, pi) => {
    if (usedP.has(pi)) return;
    for (const k of KEYS)
      if (pred(p, k) !== undefined) out.push({ key: k, right: false, confidence: conf(p, k), flagged: flagged(p, k) });
  });
  return out;
}
