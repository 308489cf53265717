import type { FieldName } from '../../contract/fields.ts';
import type { Candidate } from '../fields/candidates.ts';
import { TICK_DIGITS } from '../vocabulary/ocr.glyphs.ts';

/** Fewest integer digits of a figure that may hold a group mark read as a digit: `1'000` read `17000`. */
const MIN_DIGITS = 5;
const FIGURE = /^[^\d]*(\d+)[.,](\d{2})[^\d]*$/;

/**
 * Other readings of a scanned figure printed with apostrophe group marks that OCR read as digits
 * (`1'636'369.70` read `17636369.70`, `409'600.00` read `4097600.00`): each digit that looks like a
 * tick and stands where a group mark would (a multiple of three digits after it) taken out. Only a
 * figure that kept no group mark of its own is read again; the identities decide whether a reading
 * is the figure (`report.solver.ts` offers these below the figure as read).
 */
export function tickDigitReadings(text: string, value: number): number[] {
  const m = FIGURE.exec(text.trim());
  if (!m || m[1]!.length < MIN_DIGITS) return [];
  const digits = m[1]!;
  const out: number[] = [];
  for (let k = 1; k < digits.length - 3; k++) {
    if (!TICK_DIGITS.includes(digits[k]!) || (digits.length - 1 - k) % 3 !== 0) continue;
    const read = Number(`${digits.slice(0, k)}${digits.slice(k + 1)}.${m[2]}`);
    const signed = value < 0 ? -read : read;
    if (!out.includes(signed)) out.push(signed);
  }
  return out;
}

/** Rank of a scanned figure read again with a digit taken for a group mark, against the figure as read. */
const TICK_READING = 0.85;

/**
 * A scanned figure that may hold a group mark OCR read as a digit is offered as read and, below it, as
 * it reads without that digit (appended to the field's options): the identities take the second only
 * where it makes one hold; the solver then keeps it below review (the labels chose otherwise).
 */
export function offerTickReadings(options: Map<FieldName, { cand: Candidate; rank: number; tick?: boolean }[]>): void {
  for (const opts of options.values()) {
    for (const o of opts.slice(0, 2)) {
      if (o.cand.ocr >= 1 || !o.cand.text || o.tick) continue;
      for (const value of tickDigitReadings(o.cand.text, o.cand.value as number)) {
        if (opts.some((x) => x.cand.value === value)) continue;
        const cand = { ...o.cand, value, demoted: 'a group mark the scan may read as a digit' };
        opts.push({ cand, rank: o.rank * TICK_READING, tick: true });
      }
    }
  }
}
