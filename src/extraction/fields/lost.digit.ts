import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import { SIGN_OVER_DIGIT } from '../vocabulary/ocr.glyphs.ts';
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

/** The sign a scanned figure prints against its first digit and that digit, when the pair is one SIGN_OVER_DIGIT doubts. */
function signOverDigit(text: string): string | null {
  for (const [sign, digits] of SIGN_OVER_DIGIT) {
    const at = text.indexOf(sign);
    const digit = text[at + sign.length];
    if (at >= 0 && /^[^\d]*$/.test(text.slice(0, at)) && digit !== undefined && digits.includes(digit))
      return `${sign}${digit}`;
  }
  return null;
}

/**
 * A currency sign printed against a figure's first digit may reach into it, and a scan then reads another
 * digit (`€101.210,44` for `€401.210,44`): such a figure goes to review, with the reason, unless an
 * identity confirms it that no other figure read with the same doubt takes part in (two figures misread
 * alike, a call and the deficit it repeats, can keep an identity holding).
 */
export function doubtSignOverDigit(
  fields: Map<FieldName, { pick: Candidate; conf: number; confirmedBy?: string | null }>,
  issues: ReportIssue[],
): void {
  const doubted = [...fields].filter(
    ([, r]) => r.pick.ocr < 1 && typeof r.pick.value === 'number' && r.pick.text && signOverDigit(r.pick.text),
  );
  for (const [f, r] of doubted) {
    const alone = r.confirmedBy && !doubted.some(([g, o]) => g !== f && o.confirmedBy === r.confirmedBy);
    if (alone || r.conf < 0.8) continue;
    r.conf = LOST_DIGIT_CONF;
    issues.push({
      code: 'sign_over_digit',
      field: f,
      severity: 'warning',
      message: `${f}: the scan reads "${r.pick.text}", whose first digit is printed against its currency sign ("${signOverDigit(r.pick.text!)}"); the sign may reach into the digit and a scan misread it: check the printed figure.`,
    });
  }
}
