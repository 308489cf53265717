import type { Evidence } from '../../contract/reading.ts';
import { doubtedGlyphs, liftLookalikeCap } from '../fields/account.glyphs.ts';
import type { ExtractedAccount } from '../fields/fields.extractor.ts';
import { PIXEL_TWINS } from '../vocabulary/ocr.glyphs.ts';
import { type GlyphBox, glyphRuns, likeness } from './glyph.likeness.ts';
import type { Gray } from './lost.marks.ts';
import { cutOut, type OcrPage } from './ocr.verify.ts';

/** Likeness at or above which two glyphs of one token are the same character printed twice. */
export const SAME_GLYPH = 0.9;
/** Likeness at or below which they are different characters. */
export const OTHER_GLYPH = 0.75;

/** What the pixels say of a scanned account's first glyph, and the likeness that says it (for the bench). */
export interface LeadVerdict {
  /** True: the glyph is what the scan read; false: it is not; null: nothing to compare it with. */
  settled: boolean | null;
  likeness: number | null;
}

/** A scanned token: its pixels and its text without spaces, one character per glyph. */
export interface Token {
  gray: Gray;
  text: string;
}

/** Glyphs of another token this much taller or shorter are another size or font: no reference. */
const HEIGHT_RATIO = 1.08;

/** The token's glyphs paired with its characters, or null where glyphs touch or break apart. */
function paired(t: Token): GlyphBox[] | null {
  const glyphs = glyphRuns(t.gray);
  return glyphs.length === t.text.length ? glyphs : null;
}

/**
 * Compares the glyph at `at` (the first by default) of a scanned token with prints of the digit it may be
 * (the digit it was read as, or the look-alike digit `twinDigit` of the letter it was read as). Prints in
 * the same token decide both ways: a digit read as a digit matches them, a letter read as a letter matches
 * none. Where the token prints the digit only there, prints of it in other tokens of the page, of the same
 * height, may confirm a digit read as a digit (never a letter: another token may be in another font).
 */
export function judgeLead(token: Token, twinDigit: string, others: Token[] = [], at = 0): LeadVerdict {
  const glyphs = paired(token);
  if (!glyphs || at >= glyphs.length) return { settled: null, likeness: null };
  const lead = glyphs[at]!;
  const readDigit = token.text[at] === twinDigit;
  const own = glyphs.filter((_, i) => i !== at && token.text[i] === twinDigit);
  if (own.length > 0) {
    const best = Math.max(...own.map((r) => likeness(token.gray, lead, token.gray, r)));
    const same = best >= SAME_GLYPH ? true : best <= OTHER_GLYPH ? false : null;
    return { settled: same === null ? null : readDigit ? same : !same, likeness: best };
  }
  if (!readDigit) return { settled: null, likeness: null };
  const h = lead.y1 - lead.y0;
  let best: number | null = null;
  for (const other of others) {
    const boxes = paired(other);
    for (const [i, r] of (boxes ?? []).entries()) {
      const ratio = (r.y1 - r.y0) / h;
      if (other.text[i] !== twinDigit || ratio > HEIGHT_RATIO || ratio < 1 / HEIGHT_RATIO) continue;
      best = Math.max(best ?? -1, likeness(token.gray, lead, other.gray, r));
    }
  }
  return { settled: best !== null && best >= SAME_GLYPH ? true : null, likeness: best };
}

/**
 * Scanned account numbers held below review because a glyph has a look-alike (fields/account.glyphs.ts):
 * where the page prints the digit in question again, the pixels decide, and an account whose every
 * doubted glyph is what the scan read gets its confidence back. Costs no OCR: the glyphs are cut from
 * the page images the scan was read from, in the boxes of the values read on the page.
 */
export function settleLookalikeLeads(accounts: ExtractedAccount[], pages: ReadonlyMap<number, OcrPage>): void {
  for (const a of accounts) {
    const read = a.account;
    const ev = read?.evidence;
    if (!read || read.uncapped === undefined || ev?.source !== 'ocr') continue;
    const page = pages.get(ev.page - 1);
    const doubts = doubtedGlyphs(read.value);
    if (!page || doubts.length === 0 || doubts.some((d) => !d.settles)) continue;
    const digits = doubts.map((d) => (/\d/.test(read.value[d.at]!) ? read.value[d.at]! : d.twin[d.at]!));
    if (digits.some((digit) => PIXEL_TWINS.some(([, d]) => d === digit))) continue;
    const gray = tokenPixels(page, ev.bbox);
    if (!gray) continue;
    const others = printedOn(accounts, ev.page)
      .filter((e) => e !== ev)
      .flatMap((e) => {
        const g = tokenPixels(page, e.bbox);
        return g ? [{ gray: g, text: e.text.replace(/\s+/g, '') }] : [];
      });
    const token = { gray, text: read.value };
    if (doubts.every((d, i) => judgeLead(token, digits[i]!, others, d.at).settled === true)) liftLookalikeCap(a);
  }
}

/** Values read by OCR on a page (1-based): every account's number and figures. */
function printedOn(accounts: ExtractedAccount[], page: number): Evidence[] {
  return accounts
    .flatMap((a) => [a.account?.evidence, ...Object.values(a.fields).map((f) => f.evidence)])
    .filter((e): e is Evidence => e?.source === 'ocr' && e.page === page);
}

/** The token's box with a little paper around it (not so much that a neighbour's glyph comes in). */
function tokenPixels(page: OcrPage, [x0, y0, x1, y1]: [number, number, number, number]): Gray | null {
  const h = y1 - y0;
  return cutOut(page, { x0: x0 - 0.1 * h, x1: x1 + 0.1 * h, y0: y0 - 0.15 * h, y1: y1 + 0.15 * h });
}
