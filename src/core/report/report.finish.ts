import { applyRules } from './report.rules.ts';
import type { MarginReport, ReportReading } from './report.schema.ts';

/**
 * The one place a reading becomes a report: the report rules run here, once, after extraction
 * (and `decide` runs the same rules after every edit).
 */
export function finishReport(reading: ReportReading, opts: { now: Date }): MarginReport {
  const rules = applyRules(
    {
      account_number: reading.account_number,
      report_date: reading.report_date,
      currency: reading.currency,
      fields: reading.fields,
      confidence: reading.confidence,
      issues: reading.issues,
    },
    { now: opts.now },
  );
  return {
    source_file_name: reading.source_file_name,
    account_number: reading.account_number,
    report_date: reading.report_date,
    currency: reading.currency,
    broker: reading.broker,
    fields: reading.fields,
    confidence: rules.confidence,
    data_quality_score: rules.data_quality_score,
    needs_review: rules.needs_review,
    issues: rules.issues,
    method: reading.method,
    pages: reading.pages,
    processing_time_ms: reading.processing_time_ms,
    evidence: reading.evidence,
    ...(reading.call_due_date ? { call_due_date: reading.call_due_date } : {}),
  };
}

/**
 * Whether a stored report needs review once the issues `kept` are all it has (the change flags of an
 * old predecessor dropped, issue 14): the same rules, over its figures, confidences and those issues.
 */
export function needsReviewWith(report: MarginReport, kept: MarginReport['issues'], opts: { now: Date }): boolean {
  return applyRules(
    {
      account_number: report.account_number,
      report_date: report.report_date,
      currency: report.currency,
      fields: report.fields,
      confidence: report.confidence.fields,
      issues: kept,
    },
    { now: opts.now },
  ).needs_review;
}

/** What an approver's edit sets: the header values and the full set of margin figures. */
export interface EditedValues {
  account_number: string;
  report_date: string;
  currency: string;
  fields: MarginReport['fields'];
}

/**
 * After an edit: the typed values replace the read ones and the same rules run again, through
 * `finishReport`. A typed value is the approver's, so its confidence is 1; the arithmetic is still
 * checked. Evidence stays only for values the edit left as they were read.
 */
export function recheckReport(before: MarginReport, edit: EditedValues, opts: { now: Date }): MarginReport {
  const keys = ['account_number', 'report_date', 'currency', ...Object.keys(edit.fields)];
  const was: Record<string, unknown> = { ...before.fields, ...header(before) };
  const now: Record<string, unknown> = { ...edit.fields, ...header(edit) };
  const evidence = Object.fromEntries(
    Object.entries(before.evidence ?? {}).filter(([k]) => k in now && now[k] === was[k]),
  );
  return finishReport(
    {
      source_file_name: before.source_file_name,
      account_number: edit.account_number,
      report_date: edit.report_date,
      currency: edit.currency,
      broker: before.broker,
      fields: edit.fields,
      confidence: Object.fromEntries(keys.map((k) => [k, 1])),
      evidence,
      issues: [],
      method: before.method,
      pages: before.pages,
      processing_time_ms: before.processing_time_ms,
    },
    opts,
  );
}

const header = (r: Pick<MarginReport, 'account_number' | 'report_date' | 'currency'>) => ({
  account_number: r.account_number,
  report_date: r.report_date,
  currency: r.currency,
});
