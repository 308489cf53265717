import type { PageWord } from './page.types.ts';

/**
 * One pdf.js text item may hold several table cells separated by runs of spaces (some generators
 * pad columns with blanks): split them so each cell keeps an estimated x-range.
 */
export function splitItem(
  str: string,
  x0: number,
  top: number,
  bottom: number,
  width: number,
  fontH: number,
): PageWord[] {
  const text = str.replace(/\s+$/, '');
  const chars = str.length || 1;
  const charW = width > 0 ? width / chars : fontH * 0.5;
  const out: PageWord[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({
      text: m[0],
      x0: x0 + m.index * charW,
      x1: x0 + (m.index + m[0].length) * charW,
      y0: top,
      y1: bottom,
      conf: 1,
    });
  }
  return out;
}

/**
 * CJK fonts often map their glyphs to the Kangxi radical code points (`⽉` U+2F49, `⽇` U+2F47) that
 * look like the ideographs (`月`, `日`) they stand for: a date `2026年12⽉4⽇` or a label `⾦额` is then
 * no date or label to a reader. Each radical is its ideograph under compatibility normalisation.
 */
const RADICAL = /[\u2e80-\u2fdf]/gu;
export function ideographsOfRadicals(str: string): string {
  return str.replace(RADICAL, (ch) => ch.normalize('NFKC'));
}

// Plain text: Latin letters (accented ones and their combining marks too: Czech, Turkish, Vietnamese),
// Greek and Cyrillic, digits and the marks of figures, and the scripts of Chinese, Japanese and Korean
// statements with their punctuation and full-width forms (a bilingual Hong Kong or Tokyo statement is not
// garbled). A font without a Unicode map yields control, private-use or Latin nonsense, never whole CJK
// words: those fonts are judged one by one in text.quality.ts.
const PLAIN =
  /[A-Za-z0-9 .,:;$€£¥₹₺₽₫%()/\-#&'"*+△▲▼\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uffee]/u;

/** A page needs OCR when its text layer is absent, tiny, or garbled (fonts without a Unicode map). */
export function needsOcr(words: PageWord[]): boolean {
  let alnum = 0;
  let plain = 0;
  let total = 0;
  for (const w of words) {
    for (const ch of w.text) {
      total++;
      if (/[A-Za-z0-9]/.test(ch)) alnum++;
      if (PLAIN.test(ch)) plain++;
    }
  }
  if (alnum < 60) return true;
  return plain / total < 0.85;
}
