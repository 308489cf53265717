import { matchLabel } from '../labels/label.matcher.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segmented } from '../layout/segments.ts';
import { readAccountToken } from '../parse/account.parser.ts';
import { wholeAccount } from '../structure/account.cells.ts';
import { namesHolder, namesPartAccount } from '../vocabulary/account.identifiers.ts';
import { namesOtherAccount } from '../vocabulary/context.match.ts';
import {
  ACCOUNT_WORD_PREFIXES,
  NUMBER_SIGNS,
  NUMBER_WORDS,
  SUBACCOUNT_PREFIXES,
} from '../vocabulary/document.words.ts';
import { alternation, startsWithPrefix } from '../vocabulary/word.patterns.ts';

export interface AccountHit {
  value: string;
  score: number;
  ocr: number;
  x: number;
  /** The label names the holder or a login (`Client ID`, `User ID`), not an account. */
  holder: boolean;
  /** The label or the words beside the number make it a part of another account (`Sub-account`, `(included below)`). */
  part: boolean;
}

/** Every account label plus number in a line, one per cell (side-by-side accounts give several). */
export function findAccounts(line: Segmented): AccountHit[] {
  const out: AccountHit[] = [];
  for (let ci = 0; ci < line.cells.length; ci++) {
    const hit = accountInCell(line, ci);
    if (hit && !out.some((o) => o.value === hit.value)) out.push(hit);
  }
  return out;
}

/**
 * Which account hits name the document's reports. A number under a holder's label (`Client ID`,
 * `User ID`) does only where no account label prints a number of its own; a part of another account
 * (`Futures sub-account`, `F-40218-3 (included below)`) only where no account label names a whole one.
 */
export function reportAccounts(lines: Segmented[], skip: (at: number) => boolean): (hit: AccountHit) => boolean {
  const hits = lines.flatMap((line, at) => (skip(at) ? [] : findAccounts(line)));
  const holders = !hits.some((a) => !a.holder);
  const parts = !hits.some((a) => !a.holder && !a.part);
  return (a) => (holders || !a.holder) && (parts || !a.part);
}

/**
 * The one answer to "is this number printed under an account label": the account numbers the
 * document labels as accounts (`Account 8812-40017`, `Acct # U123`), and the numbers printed on the
 * same line as such a label (the other titles of a table captioned `Account`), compared bare.
 */
export function labelledAccounts(lines: readonly Segmented[]): LabelledAccounts {
  const out = new Set<string>();
  for (const line of lines) {
    // A holder's label (`Client ID`) names the client, not an account.
    const hits = findAccounts(line).filter((h) => !h.holder);
    if (hits.length === 0) continue;
    for (const h of hits) out.add(bareAccount(h.value));
    for (const cell of line.cells) {
      const whole = wholeAccount(cell.text);
      if (whole) out.add(bareAccount(whole.value));
    }
  }
  return { size: out.size, has: (account) => out.has(bareAccount(account)) };
}

export interface LabelledAccounts {
  /** How many distinct numbers account labels name. */
  size: number;
  /** Whether an account number (in any spacing or punctuation) is one of them. */
  has(account: string): boolean;
}

const bareAccount = (value: string) => value.replace(/[^A-Z0-9]/gi, '').toUpperCase();

/** Account label plus number anywhere in a line: `Account: U 1234567`, `Acct # 7700 4412 93`. */
export function findAccount(line: Segmented): AccountHit | null {
  return findAccounts(line)[0] ?? null;
}

function accountInCell(line: Segmented, ci: number): AccountHit | null {
  const cell = line.cells[ci]!;
  // `Settlement account | SGD current account 0-118-44210-9`: the value of a row label that names another account.
  if (ci > 0 && underOtherAccount(line.cells[ci - 1]!.text)) return null;
  {
    // `Acct No./Account # 12 3456 78`: a bilingual label glued at its slash is two labels, as if spaced.
    const words = cell.text.replace(GLUED_HALVES, '$1 / ').split(' ');
    for (let i = 0; i < words.length; i++) {
      // A label ends before the first word with a digit: `Konto-Nr. / Account: 0044 7781 23` is an
      // account label by its first half alone, and taking `0044` into the label cut the number to 778123.
      const digitAt = words.findIndex((w, j) => j >= i && /\d/.test(w));
      const longest = Math.min(4, (digitAt < 0 ? words.length : digitAt) - i);
      for (let k = longest; k >= 1; k--) {
        const label = words.slice(i, i + k).join(' ');
        if (!startsWithPrefix(label, ACCOUNT_LABEL_PREFIXES)) continue;
        const m = matchLabel(label, ACCOUNT_ONLY);
        if (!m || m.score < 0.8) continue;
        // `Master Account F0630759`, `Sweep acct`: another account printed beside the report's, never its own.
        if (namesOtherAccount(words.slice(0, i + k).join(' '))) break;
        const rest = words.slice(i + k).join(' ');
        const printed = rest.trim() ? rest : ci + 1 < line.cells.length ? line.cells[ci + 1]!.text : '';
        // `rekening efek marjin Bapak nomor 0231-44871`: words of the sentence between the label and its number word.
        const direct = printed ? readAccountToken(printed) : null;
        const after = direct || !rest.trim() ? null : numberAfterWords(rest);
        const tok = direct ?? after?.tok;
        if (tok) {
          const named = [...words.slice(0, i + k), ...(after ? [after.between] : [])].join(' ');
          const holder = namesHolder(named);
          const part = namesPartAccount(named) || namesPartAccount(printed);
          const score = m.score * tok.quality * (after ? 0.9 : 1);
          return { value: tok.value, score, ocr: cell.conf, x: cell.x0, holder, part };
        }
        if (rest.trim()) break;
      }
    }
  }
  return null;
}

/** A row label (words, no number) naming an account other than the report's (`Settlement account`, `Linked account`). */
function underOtherAccount(text: string): boolean {
  if (/\d/.test(text) || !namesOtherAccount(text)) return false;
  return text.split(/\s+/).some((w) => (matchLabel(w, ACCOUNT_ONLY)?.score ?? 0) >= 0.8);
}

/** A slash right after a label's closing mark and before a letter (`No./Account`), not inside `A/C`. */
const GLUED_HALVES = /([.:#])\/(?=\p{L})/gu;
const ACCOUNT_ONLY: ReadonlySet<LabelTarget> = new Set(['account']);
const ACCOUNT_LABEL_PREFIXES = [...ACCOUNT_WORD_PREFIXES, ...SUBACCOUNT_PREFIXES];

/** Most words a sentence puts between an account label and the word for its number. */
const BETWEEN_WORDS = 3;
const NUMBER_WORD = new RegExp(`^(?:${alternation([...NUMBER_SIGNS, ...NUMBER_WORDS])})$`, 'i');

/**
 * The number after a few plain words and a number word (`marjin Bapak nomor 0231-44871`, `margin
 * account of Mr Smith, number …` is not: a comma ends the label): the words between name the account.
 */
function numberAfterWords(rest: string): { tok: { value: string; quality: number }; between: string } | null {
  const words = rest.trim().split(/\s+/);
  for (let j = 1; j <= BETWEEN_WORDS && j < words.length; j++) {
    if (!/^\p{L}+$/u.test(words[j - 1]!)) return null;
    if (!NUMBER_WORD.test(words[j]!)) continue;
    const tok = readAccountToken(words.slice(j).join(' '));
    return tok ? { tok, between: words.slice(0, j).join(' ') } : null;
  }
  return null;
}
