import type { Candidate } from './candidates.ts';

/** OCR word confidence → certainty factor: clean scans (≥ 0.93) cost nothing, a shaky word drops below review. */
export function ocrFactor(c: number): number {
  return Math.max(0, Math.min(1, 0.35 + 0.7 * c));
}

export const confOf = (c: Candidate) => Math.min(1, c.score * ocrFactor(c.ocr));

/** Label and layout rank of a reading; a figure in another currency than the document's ranks lower. */
export function rankIn(baseCurrency: string | null) {
  return (c: Candidate) => {
    let r = confOf(c) * Math.max(1, c.weight) * (c.weight < 1 ? 0.9 + 0.1 * c.weight : 1);
    if (c.currency && baseCurrency && c.currency !== baseCurrency) r *= 0.7;
    return r;
  };
}

/**
 * Chooses one value per field: the best label wins; a close rival with a different value lowers
 * confidence below review (unless the labels rank differently, as house over exchange).
 */
export function choose(
  cands: Candidate[],
  baseCurrency: string | null,
): { pick: Candidate; conf: number; rival: Candidate | null } | null {
  if (cands.length === 0) return null;
  const rank = rankIn(baseCurrency);
  const sorted = [...cands].sort((a, b) => rank(b) - rank(a) || a.line - b.line);
  const pick = sorted[0]!;
  let conf = confOf(pick);
  const same = sorted.filter((c) => c !== pick && c.value === pick.value);
  if (same.length > 0) conf = Math.min(1, conf + 0.03);
  const rival =
    sorted.find(
      (c) =>
        c !== pick &&
        c.value !== pick.value &&
        rank(c) >= rank(pick) * 0.93 &&
        Math.abs(c.weight - pick.weight) < 0.02 &&
        c.line !== pick.line,
    ) ?? null;
  if (rival) conf = Math.min(conf, 0.7);
  return { pick, conf, rival };
}
