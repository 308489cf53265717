import type { FieldName } from '../../contract/fields.ts';
import type { Candidate } from '../fields/candidates.ts';
import { identitiesBroken, identitiesHolding, shortOf, type Values } from './accounting.identities.ts';

/** Confidence of a figure the identities corrected by one glyph: likely right, but a person checks the scan. */
export const REPAIRED_CONF = 0.7;

/** True when two amounts differ in one printed glyph: one digit, or the sign alone. */
export function oneGlyphApart(a: number, b: number): boolean {
  const sa = Math.abs(a).toFixed(2);
  const sb = Math.abs(b).toFixed(2);
  if (sa === sb) return a !== b && a !== 0;
  if (Math.sign(a) !== Math.sign(b) || sa.length !== sb.length) return false;
  let diff = 0;
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) diff++;
  return diff === 1;
}

/**
 * Where the chosen values break an identity and exactly one of its OCR-read fields is one glyph
 * from the value the identity requires, that field takes the required value (in `values`). With
 * `shortZero` (the document prints no short value) equity = cash + long checks and repairs alike.
 */
export function repairMisreads(
  values: Values,
  candOf: (f: FieldName) => Candidate,
  shortZero = false,
): Map<FieldName, { value: number; read: number; identity: string }> {
  const out = new Map<FieldName, { value: number; read: number; identity: string }>();
  const v = values;
  const implied = (name: string): [FieldName, number][] => {
    const { total_equity: e, cash_balance: c, long_market_value: l } = v;
    const s = shortOf(v, shortZero);
    const { maintenance_requirement: m, excess_liquidity: x, margin_call: call } = v;
    if (
      name === 'equity = cash + long + short' &&
      e !== undefined &&
      c !== undefined &&
      l !== undefined &&
      s !== undefined
    )
      return [
        ['total_equity', c + l + s],
        ['cash_balance', e - l - s],
        ['long_market_value', e - c - s],
        ...(v.short_market_value === undefined ? [] : [['short_market_value', e - c - l] as [FieldName, number]]),
      ];
    if (name === 'excess = equity − requirement' && e !== undefined && m !== undefined && x !== undefined)
      return [
        ['total_equity', x + m],
        ['maintenance_requirement', e - x],
        ['excess_liquidity', e - m],
      ];
    if (name === 'call = deficit' && call !== undefined && x !== undefined && x < 0) return [['margin_call', -x]];
    return [];
  };
  for (const b of identitiesBroken(v, shortZero)) {
    // A field another identity confirms as read is not the misread one.
    const confirmed = new Set(identitiesHolding(v, shortZero).flatMap((h) => (h.confirms === false ? [] : h.fields)));
    const fixes = implied(b.name)
      .filter(([f, want]) => {
        const read = v[f];
        return (
          read !== undefined &&
          !confirmed.has(f) &&
          candOf(f).ocr < 1 &&
          oneGlyphApart(read, Math.round(want * 100) / 100)
        );
      })
      .sort((a, b) => candOf(a[0]).ocr - candOf(b[0]).ocr);
    // Several fields could be the misread one: only a clearly shakier OCR reading tells which.
    if (fixes.length === 0 || (fixes.length > 1 && candOf(fixes[1]![0]).ocr - candOf(fixes[0]![0]).ocr < 0.05))
      continue;
    const [f, want] = fixes[0]!;
    const value = Math.round(want * 100) / 100;
    out.set(f, { value, read: v[f]!, identity: b.name });
    v[f] = value;
  }
  return out;
}
