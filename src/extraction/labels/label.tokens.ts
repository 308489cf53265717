import { foldText } from '../vocabulary/word.patterns.ts';
import { ABBREVIATIONS } from './labels.vocabulary.ts';

interface Token {
  text: string;
  abbreviated: boolean;
}

/** Lower-case words with abbreviations spelled out: `Maint. Req.` → maintenance requirement. */
export function tokenize(label: string): Token[] {
  // Accents fold to their letters (`Überdeckung`, `Excédent`), so a scan that drops one still matches.
  // Cyrillic and Greek words stay in their script; other scripts' letters separate words as before.
  const s = foldText(label)
    .replace(/\ba\/c\b/g, 'ac ')
    .replace(/&/g, ' and ')
    .replace(/\bp\s*&\s*l\b/g, 'pnl')
    .replace(/[’']s\b/g, 's')
    .replace(/[^a-z0-9#%\u0370-\u03ff\u0400-\u04ff]+/g, ' ')
    .trim();
  if (!s) return [];
  const out: Token[] = [];
  for (const w of s.split(' ')) {
    if (w === 'ac') {
      out.push({ text: 'account', abbreviated: true });
      continue;
    }
    const exp = ABBREVIATIONS[w];
    if (exp && exp !== w) for (const e of exp.split(' ')) out.push({ text: e, abbreviated: true });
    else out.push({ text: w, abbreviated: false });
  }
  return out;
}
