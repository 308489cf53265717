import {
  type Evidence,
  FIELD_LABELS,
  FIELD_NAMES,
  type MarginReport,
  type ReportReading,
  type Rival,
} from '../core/report/report.schema.ts';
import { statusText } from './report.status.ts';

/** The header values first, then the margin figures, as `--explain` lists them. */
const HEADER: [key: string, label: string][] = [
  ['account_number', 'Account'],
  ['report_date', 'Report date'],
  ['currency', 'Currency'],
];
const ROWS: [key: string, label: string][] = [
  ...HEADER,
  ...FIELD_NAMES.map((f): [string, string] => [f, FIELD_LABELS[f]]),
];

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const shown = (v: number | string | null | undefined) =>
  v === null || v === undefined ? '(not found)' : typeof v === 'number' ? money(v) : v;
const pt = (n: number) => n.toFixed(1);

/** Where a value sits: `page 1, box [412.3, 180.1, 470.0, 190.2]` (PDF points from the top-left corner). */
export function where(e: Evidence): string {
  return `page ${e.page}, box [${e.bbox.map(pt).join(', ')}]`;
}

function reportedValue(r: MarginReport, key: string): number | string | null | undefined {
  if (key === 'account_number' || key === 'report_date' || key === 'currency') return r[key];
  return r.fields[key as keyof MarginReport['fields']];
}

function rivalLine(r: Rival): string {
  const at = r.evidence ? ` (${JSON.stringify(r.evidence.text)}, ${where(r.evidence)})` : '';
  return `      rejected ${shown(r.value)}${at}: ${r.reason}`;
}

/**
 * `marginiq extract --explain`: per report and per field, the chosen value, the label that
 * governs it, its page and box, and each rival that lost with the reason. Fields the document did
 * not give are listed only when something was considered for them.
 */
export function explain(report: MarginReport, reading: Pick<ReportReading, 'rivals'>): string {
  const lines = [
    `${report.source_file_name}: account ${report.account_number ?? '(not found)'}, as of ${report.report_date ?? '(not found)'}, ${report.currency}`,
  ];
  const evidence = report.evidence ?? {};
  const rivals = reading.rivals ?? {};
  for (const [key, label] of ROWS) {
    const value = reportedValue(report, key);
    const lost = rivals[key] ?? [];
    if ((value === null || value === undefined) && lost.length === 0) continue;
    const c = report.confidence.fields[key];
    lines.push(
      `  ${label.padEnd(24)} ${shown(value).padStart(18)}${c !== undefined ? `  confidence ${c.toFixed(2)}` : ''}`,
    );
    const e = evidence[key];
    if (value !== null && value !== undefined) {
      lines.push(
        e
          ? `      read ${JSON.stringify(e.text)}${e.label ? ` under label ${JSON.stringify(e.label)}` : ' (no label)'}, ${where(e)}${e.source && e.source !== report.method ? ` [${e.source}]` : ''}`
          : '      (no evidence recorded)',
      );
    }
    for (const r of lost) lines.push(rivalLine(r));
  }
  lines.push(`  ${statusText(report)}`);
  for (const i of report.issues) lines.push(`  ${i.severity}: ${i.message}`);
  return `${lines.join('\n')}\n`;
}
