import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 20: vocabulary is data, in one place. A logic file under src/extraction builds its patterns
 * from the word lists of `vocabulary/` (and the label synonyms of `labels/`); it spells no keyword
 * inside a regular expression of its own. This test reads every regular expression a logic file
 * writes (literals, and the literal parts of `new RegExp(…)` / `RegExp(…)` arguments) and fails
 * on any run of two or more letters that is not a regex escape, a character class or a group name.
 */

const EXTRACTION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/extraction');

/** Data files, which hold the words: everything under vocabulary/, and the label vocabulary. */
const DATA = [/^vocabulary\//, /^labels\/labels\.(synonyms|vocabulary)\.ts$/];

/**
 * Letters that are not language: names of PDF syntax a prescan reads (`/Filter`, `/Subtype /Image`)
 * and the family name of monospaced fonts in pdf.js's style table. Per file, so a word planted
 * anywhere else, or another word in these files, still fails.
 */
const NOT_LANGUAGE: Record<string, readonly string[]> = {
  'pdf/pdf.prescan.ts': ['Filter', 'EarlyChange', 'Subtype', 'Image'],
  'pdf/pdf.worker.ts': ['mono'],
};

/** Runs of two or more letters in a pattern, outside escapes, character classes and group names. */
function patternWords(pattern: string): string[] {
  let s = pattern;
  s = s.replace(/\\[pP]\{[^}]*\}/g, ' '); // \p{L}, \p{Sc}
  s = s.replace(/\\u\{[0-9a-fA-F]+\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\c[A-Za-z]/g, ' ');
  s = s.replace(/\\k<[^>]*>/g, ' '); // named back-reference
  s = s.replace(/\\./g, ' '); // \d \b \s \. \\ …
  s = s.replace(/\[(?:[^\]\\]|\\.)*\]/g, ' '); // character classes (escapes already gone)
  s = s.replace(/\(\?<(?![=!])[^>]*>/g, '('); // named groups
  return s.match(/\p{L}{2,}/gu) ?? [];
}

/** The static text of a string or template literal (`String.raw` too); substitutions count as nothing. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isTaggedTemplateExpression(node)) {
    const t = node.template;
    return ts.isNoSubstitutionTemplateLiteral(t)
      ? (t.rawText ?? t.text)
      : [t.head.rawText ?? t.head.text, ...t.templateSpans.map((s) => s.literal.rawText ?? s.literal.text)].join(' ');
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [literalText(node.left), literalText(node.right)].filter((x) => x !== null).join(' ');
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

/** Every pattern a source file writes, with its line: regex literals and `RegExp` constructor arguments. */
function patternsIn(source: string, file = 'file.ts'): { line: number; text: string; pattern: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string; pattern: string }[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      out.push({ line: at(node), text, pattern: text.slice(1, text.lastIndexOf('/')) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp' &&
      node.arguments?.[0]
    ) {
      const pattern = literalText(node.arguments[0]);
      if (pattern !== null) out.push({ line: at(node), text: node.getText().slice(0, 120), pattern });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('vocabulary as data (issue 20)', () => {
  it('finds the words of a pattern, and nothing of its structure', () => {
    expect(patternWords(String.raw`^(none|nil|n\/a)\b`)).toEqual(['none', 'nil']);
    expect(patternWords(String.raw`\s*(?:DR|CR|[A-Z]{3}|[)\p{Sc}])+$`)).toEqual(['DR', 'CR']);
    expect(patternWords(String.raw`^[A-Z]{1,3}\d{5,12}$`)).toEqual([]);
    expect(patternWords(String.raw`(?<year>(?:19|20)\d{2})(?<sep>[/.-])\d\k<sep>`)).toEqual([]);
    expect(patternWords(String.raw`(?<![\p{L}])\p{L}{3}\u00e9\x41\cM[aeiou]`)).toEqual([]);
    expect(patternWords(String.raw`\bpage\s+\d+`)).toEqual(['page']);
    expect(patternWords(String.raw`[\]abc]total`)).toEqual(['total']);
  });

  it('reads regex literals and the literal parts of RegExp arguments, not their substitutions', () => {
    const sub = (e: string) => `$\{${e}}`; // `${e}` inside the source text of a template literal
    const src = [
      'const A = /\\bno calls?\\b/i;',
      `const B = new RegExp(\`^(?:${sub('alt(WORDS)')})\\\\s+total\`, "i");`,
      'const C = RegExp(String.raw`\\b(?:amounts?)\\b` + "[^.]{0,60}");',
      `const D = new RegExp(\`^(?:${sub('alt(WORDS)')})\\\\s*$\`);`,
      "const E = 'no regex here: none, nil';",
    ].join('\n');
    const found = patternsIn(src).map((p) => ({ line: p.line, words: patternWords(p.pattern) }));
    expect(found).toEqual([
      { line: 1, words: ['no', 'calls'] },
      { line: 2, words: ['total'] },
      { line: 3, words: ['amounts'] },
      { line: 4, words: [] },
    ]);
  });

  it('no logic file under src/extraction writes a keyword into a regular expression', () => {
    const offenders: string[] = [];
    for (const file of sources(EXTRACTION)) {
      const rel = path.relative(EXTRACTION, file).split(path.sep).join('/');
      if (DATA.some((re) => re.test(rel))) continue;
      const allowed = new Set(NOT_LANGUAGE[rel] ?? []);
      for (const p of patternsIn(readFileSync(file, 'utf8'), file)) {
        const words = patternWords(p.pattern).filter((w) => !allowed.has(w));
        if (words.length > 0) offenders.push(`${rel}:${p.line} ${p.text} (${words.join(', ')})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
