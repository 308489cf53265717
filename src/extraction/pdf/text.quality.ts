import { assembleWords, type Piece } from './glyph.words.ts';
import { type Box, mergeBoxes } from './page.regions.ts';

/**
 * Whether a font's text is usable. A font without a usable Unicode map (a Type 3 font with made-up
 * glyph names, a subset with a scrambled ToUnicode) yields control characters, private-use code
 * points, or printable nonsense: its text must be read from the picture instead.
 */

/** C0/C1 controls, private use, the replacement character: never text a statement prints. */
function bad(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd;
}
const VOWEL = /[aeiouyäöüàáâãåæéèêëíìîïóòôõøúùûœ]/i;
const EDGE = /^[("'`$€£¥₹#*[<{]+|[)"'`.,:;%*\]>}!?]+$/gu;

/** A token a statement could print: a word, a number or date, an identifier, or an abbreviation. */
export function plausibleToken(raw: string): boolean | null {
  const t = raw.replace(EDGE, '');
  if (t.length < 2) return null; // punctuation, a lone letter: says nothing
  if (/^[+-]?\d[\d.,'/:-]*$/.test(t)) return true;
  if (/^\p{L}+$/u.test(t)) {
    if (/[^\p{Script=Latin}]/u.test(t)) return true; // other scripts are not judged by Latin vowels
    if (t.length <= 4 && t === t.toUpperCase()) return true; // USD, LLC, NAV
    return VOWEL.test(t) && !/[^aeiouy\d]{6}/i.test(t);
  }
  return /^[\p{L}\d]+(?:[/&'.\-#@_][\p{L}\d]+)*$/u.test(t);
}

export interface FontVerdict {
  chars: number;
  usable: boolean;
}

/** Judges each font's pieces together: one garbled glyph is noise, a garbled font is a lie. */
export function judgeFonts(pieces: Piece[]): Map<string, FontVerdict> {
  const byFont = new Map<string, Piece[]>();
  for (const p of pieces) byFont.set(p.font, [...(byFont.get(p.font) ?? []), p]);
  const out = new Map<string, FontVerdict>();
  for (const [font, ps] of byFont) {
    let chars = 0;
    let badChars = 0;
    let judged = 0;
    let plausible = 0;
    let noisy = 0;
    for (const p of ps) {
      for (const ch of p.text) {
        if (ch === ' ') continue;
        chars++;
        if (bad(ch)) badChars++;
      }
    }
    // Tokens of whole words: a font drawn glyph by glyph is judged on what its glyphs spell together.
    for (const w of assembleWords(ps)) {
      for (const tok of w.text.split(/\s+/)) {
        const v = plausibleToken(tok);
        if (v === null) continue;
        judged++;
        if (v) plausible++;
        else if (symbolsInside(tok) >= 2) noisy++;
      }
    }
    const garbled = chars >= 4 && badChars / chars > 0.2;
    // A font that prints only a few tokens (the figures of one box) is judged on them too when none is
    // plausible and most are strewn with symbols: an abbreviation without vowels has none inside.
    const nonsense = judged >= 6 ? plausible / judged < 0.5 : judged >= 3 && plausible === 0 && noisy * 2 >= judged;
    out.set(font, { chars, usable: !garbled && !nonsense });
  }
  return out;
}

/** Symbols (neither letter, digit nor space) between a token's first and last letter or digit. */
function symbolsInside(tok: string): number {
  const core = tok.replace(EDGE, '');
  return (core.match(/[^\p{L}\p{N}]/gu) ?? []).length;
}

/**
 * Where fonts judged unusable drew, as regions to read from the picture. A lying font lies about its
 * spaces too (a code that extracts as a space may draw a digit), so its pieces on one baseline join
 * across gaps up to a few em, and reach an em past their ends (a first or last glyph that extracts as
 * a space is not in the text at all). Trustworthy words in that reach are erased before OCR anyway.
 */
export function lyingRegions(pieces: Piece[], verdicts: Map<string, FontVerdict>): Box[] {
  const lies = pieces.filter((p) => verdicts.get(p.font)?.usable === false).sort((a, b) => a.x0 - b.x0);
  const rows: Piece[][] = [];
  for (const p of lies) {
    const row = rows.find((r) => r[0]!.font === p.font && Math.abs(r[0]!.base - p.base) < 0.3 * p.size);
    if (row) row.push(p);
    else rows.push([p]);
  }
  const boxes: Box[] = [];
  for (const row of rows) {
    const em = row[0]!.size;
    let cur: Box | null = null;
    for (const p of row) {
      if (cur && p.x0 - cur.x1 <= 3 * em) {
        cur = { x0: cur.x0, y0: Math.min(cur.y0, p.y0), x1: Math.max(cur.x1, p.x1), y1: Math.max(cur.y1, p.y1) };
        continue;
      }
      if (cur) boxes.push({ ...cur, x0: cur.x0 - em, x1: cur.x1 + em });
      cur = { x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1 };
    }
    if (cur) boxes.push({ ...cur, x0: cur.x0 - em, x1: cur.x1 + em });
  }
  return mergeBoxes(boxes);
}
