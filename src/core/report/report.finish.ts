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
  };
}
