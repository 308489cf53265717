// A hidden vocabulary: the same statement with every word of the generator's own wording (labels,
// column titles, headings, titles, firm names, prose) replaced by a nonsense word of a language drawn
// for the document — one word for one word, so a label reads the same wherever it is printed, the way
// a language the extractor has never seen would. Values, dates, currency codes, account numbers and
// the words that print a call of nothing stay as they are. `vocabulary.test.ts` checks that no
// nonsense word is one of the extractor's words, so the statements are read by structure and the
// accounting identities alone.
import { seeded } from './random.ts';
import type { GeneratedStatement } from './statement.ts';
import * as W from './words.ts';

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

function collect(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    for (const w of value.toLowerCase().match(/\p{L}{2,}/gu) ?? []) into.add(w);
  } else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v, into);
}

/** Every word the generator's wording holds (two letters and more), lower case. */
export function generatorWords(): Set<string> {
  const out = new Set<string>();
  for (const v of Object.values(W)) if (typeof v !== 'function') collect(v, out);
  return out;
}

/** A nonsense word per generator word, drawn for one document: three or four syllables (shorter ones are words of
 * some language the extractor reads), never twice. */
export function hiddenLanguage(seed: string): Map<string, string> {
  const rng = seeded(`${seed}:hidden`);
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const word of [...generatorWords()].sort()) {
    let w = '';
    while (!w || used.has(w)) {
      w = '';
      const syllables = rng.int(3, 4);
      // The second syllable opens with an x, which hardly any word of a language the extractor reads does.
      for (let i = 0; i < syllables; i++)
        w += (i === 1 ? 'x' : CONSONANTS[rng.int(0, CONSONANTS.length - 1)]!) + VOWELS[rng.int(0, VOWELS.length - 1)]!;
      if (rng.chance(0.5)) w += CONSONANTS[rng.int(0, CONSONANTS.length - 1)]!;
    }
    used.add(w);
    out.set(word, w);
  }
  return out;
}

const cased = (like: string, w: string) =>
  like === like.toUpperCase()
    ? w.toUpperCase()
    : like[0] === like[0]!.toUpperCase()
      ? w[0]!.toUpperCase() + w.slice(1)
      : w;

/** The statement printed in the document's hidden language; the truth is unchanged. */
export function hideVocabulary(g: GeneratedStatement): GeneratedStatement {
  const language = hiddenLanguage(g.name);
  const translate = (text: string) =>
    text.replace(/\p{L}{2,}/gu, (word) => {
      const w = language.get(word.toLowerCase());
      return w ? cased(word, w) : word;
    });
  return {
    ...g,
    name: `${g.name}-hidden`,
    pages: g.pages.map((p) => ({ ...p, items: p.items.map((it) => ({ ...it, text: translate(it.text) })) })),
  };
}
