import { callLine } from '../core/cards/report.fields.ts';
import type { MarginReport } from '../core/report/report.schema.ts';

/** The summary card's order: by account number (the store's order), reports without one last. */
export function byAccount(a: MarginReport, b: MarginReport): number {
  const x = a.account_number;
  const y = b.account_number;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

/**
 * The status as the card gives it: a call or deficit first and in capitals (the card's red band), then
 * whether it needs review. "Ready for approval" alone only where nothing is owed.
 */
export function statusText(r: MarginReport): string {
  const owed = callLine(r);
  const review = r.needs_review ? 'NEEDS REVIEW' : 'Ready for approval';
  const head = owed ? `${owed.toUpperCase()} - ${r.needs_review ? review : 'ready for approval'}` : review;
  return `${head} - confidence ${r.confidence.overall.toFixed(2)}, data quality ${r.data_quality_score.toFixed(2)}`;
}
