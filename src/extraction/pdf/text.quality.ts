import { assembleWords, type Piece } from './glyph.words.ts';

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
      }
    }
    const garbled = chars >= 4 && badChars / chars > 0.2;
    const nonsense = judged >= 6 && plausible / judged < 0.5;
    out.set(font, { chars, usable: !garbled && !nonsense });
  }
  return out;
}
