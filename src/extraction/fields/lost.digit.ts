import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import type { Candidate } from './candidates.ts';

/** Confidence of a scanned figure whose first digit group is a lone zero. */
const LOST_DIGIT_CONF = 0.75;

/** A figure whose first group of digits is a lone `0` before a group mark (`€0.253,36`, `0,412.50`). */
const ZERO_GROUP = /^[^\d]*0[.,'’\u00a0\u202f ]\d{3}(?!\d)/;

/**
 * No figure is printed with a lone zero before its first group mark: where a scan reads one
 * (`€0.253,36` for `€20.253,36`, a digit the currency sign swallowed), a leading digit is lost, so the
 * figure goes to review, with the reason.
 */
export function doubtLostDigit(fields: Map<FieldName, { pick: Candidate; conf: number }>, issues: ReportIssue[]): void {
  for (const [f, r] of fields) {
    const text = r.pick.text;
    if (r.pick.ocr >= 1 || !text || typeof r.pick.value !== 'number' || !ZERO_GROUP.test(text) || r.conf < 0.8)
      continue;
    r.conf = LOST_DIGIT_CONF;
    issues.push({
      code: 'lost_digit',
      field: f,
      severity: 'warning',
      message: `${f}: the scan reads "${text}", a figure with a lone zero before its first group mark; a leading digit may be lost: check the printed figure.`,
    });
  }
}
