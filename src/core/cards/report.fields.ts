import { formatMoney, formatPercent } from '../format.ts';
import {
  type Evidence,
  FIELD_LABELS,
  FIELD_NAMES,
  type FieldName,
  type MarginReport,
} from '../report/report.schema.ts';
import type { CardField } from './card.model.ts';
import type { FigureRow } from './figures.table.ts';

// A report's figures as every surface shows them: what it owes, which figures need review and why.

const REVIEW_THRESHOLD = 0.8;

const KEY_FIELDS: FieldName[] = [
  'total_equity',
  'maintenance_requirement',
  'initial_requirement',
  'excess_liquidity',
  'margin_call',
  'buying_power',
  'cash_balance',
];

export const hasCall = (r: MarginReport) =>
  (r.fields.margin_call ?? 0) > 0 || (r.fields.excess_liquidity !== undefined && r.fields.excess_liquidity < 0);

/** What a report owes, as every surface says it: "Margin call of 80,619.12 EUR", "Deficit of 1,816.28 USD". */
export function callLine(r: MarginReport): string | null {
  if (!hasCall(r)) return null;
  const call = r.fields.margin_call ?? 0;
  return call > 0
    ? `Margin call of ${formatMoney(call, r.currency)}`
    : `Deficit of ${formatMoney(Math.abs(r.fields.excess_liquidity!), r.currency)}`;
}

/**
 * A stated call of 0.00 beside non-negative excess says "no call", and the identity confirms it: no warning
 * mark, whatever the reading's own confidence. A rule that objects to it (an issue) still marks it.
 */
const noCallConfirmed = (r: MarginReport, f: FieldName) =>
  f === 'margin_call' &&
  r.fields.margin_call === 0 &&
  (r.fields.excess_liquidity ?? -1) >= 0 &&
  !r.issues.some((i) => i.field === f && i.severity !== 'info');

/** Whether a figure gets the card's warning mark (and the command line's). */
export function fieldFlagged(r: MarginReport, f: FieldName): boolean {
  if (noCallConfirmed(r, f)) return false;
  const conf = r.confidence.fields[f];
  return (
    r.issues.some((i) => i.field === f) || (conf !== undefined && conf < REVIEW_THRESHOLD) || r.fields[f] === undefined
  );
}

/** The figures a card shows: the key ones, any other the document states; equity and requirement always. */
const shownFields = (r: MarginReport) =>
  FIELD_NAMES.filter((f) => KEY_FIELDS.includes(f) || r.fields[f] !== undefined).filter(
    (f) => r.fields[f] !== undefined || KEY_FIELDS.slice(0, 2).includes(f),
  );

/** Issue 17: the summary's figures as table rows, with the same review marks and sources as the fields. */
export function figureRows(r: MarginReport): FigureRow[] {
  return shownFields(r).map((f) => {
    const flagged = fieldFlagged(r, f);
    const ev = flagged ? r.evidence?.[f] : undefined;
    return { field: f, flagged, source: ev ? evidenceText(ev) : undefined };
  });
}

/** The figures as card fields, with their review marks and, when flagged, where each was read. */
export function fieldsOf(r: MarginReport): CardField[] {
  return shownFields(r).map((f) => {
    const conf = r.confidence.fields[f];
    const flagged = fieldFlagged(r, f);
    const confText =
      flagged && conf !== undefined && conf < REVIEW_THRESHOLD ? ` (confidence ${formatPercent(conf)})` : '';
    // Issue 14: a value that needs review shows where it was read, without a click.
    const ev = flagged ? r.evidence?.[f] : undefined;
    const source = ev ? evidenceText(ev) : undefined;
    return {
      label: FIELD_LABELS[f],
      value: `${formatMoney(r.fields[f], r.currency)}${confText}`,
      flagged,
      ...(source ? { source } : {}),
    };
  });
}

/** "p. 2 · Net Liquidation Value · “1,234,567.89”" (with OCR or learned-rule notes when there are). */
export function evidenceText(ev: Evidence): string {
  const how = ev.source === 'ocr' ? ' · OCR' : ev.source === 'learned' ? ' · learned rule' : '';
  const label = ev.label ? ` · ${ev.label}` : '';
  const text = ev.text.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `p. ${ev.page}${label} · “${text}”${how}`;
}
