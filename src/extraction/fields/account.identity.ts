import { matchLabel } from '../labels/label.matcher.ts';
import type { LabelTarget } from '../labels/labels.synonyms.ts';
import type { Segmented } from '../layout/segments.ts';
import { normalizeAccount, readAccountToken } from '../parse/account.parser.ts';
import { findDates } from '../parse/date.parser.ts';
import { namesHolder, namesNoAccount } from '../vocabulary/account.identifiers.ts';
import { namesOtherAccount } from '../vocabulary/context.match.ts';
import {
  ACCOUNT_NAME_SEPARATORS,
  ACCOUNT_TYPE_WORDS,
  ACCOUNT_WORD_PREFIXES,
  DOCUMENT_TITLE_WORDS,
  NUMBER_SIGNS,
  PHONE_WORDS,
  WEB_ADDRESS_MARKS,
} from '../vocabulary/document.words.ts';
import { alternation, containsStem, phraseRegExp, startsWithPrefix } from '../vocabulary/word.patterns.ts';
import { findAccounts, labelledAccounts } from './account.labels.ts';
import { ocrFactor } from './field.choice.ts';
import type { ExtractedAccount, Reading } from './fields.extractor.ts';

/** Digits as 9 and letters as A: `727-66233` → `999-99999`. */
const shapeOf = (account: string) => account.replace(/\d/g, '9').replace(/[A-Z]/gi, 'A');
/** Confidence of an account number a scan read in a shape its table's other accounts do not have. */
const ODD_ACCOUNT_CONF = 0.7;

/**
 * Account numbers a scan read: where the accounts of one document share a shape (`999-99999`) and
 * one alone differs (`9999-99999`: a digit OCR added), or one reads oddly (`oddGlyphs`), that one is
 * below review, with the reason.
 */
export function doubtOddAccounts(accounts: ExtractedAccount[]): void {
  const read = accounts.filter((a) => a.account?.evidence?.source === 'ocr');
  const shapes = new Map<string, number>();
  for (const a of accounts)
    if (a.account) shapes.set(shapeOf(a.account.value), (shapes.get(shapeOf(a.account.value)) ?? 0) + 1);
  const common = [...shapes.entries()].sort((x, y) => y[1] - x[1])[0];
  for (const a of read) {
    const value = a.account!.value;
    const odd =
      common && common[1] >= 2 && shapes.get(shapeOf(value)) === 1
        ? `its shape differs from the document's other account numbers (${common[1]} read as ${common[0]})`
        : oddGlyphs(value, a.account!.evidence!.text);
    if (!odd || a.account!.conf < 0.8) continue;
    a.account = { ...a.account!, conf: ODD_ACCOUNT_CONF };
    a.issues.push({
      code: 'odd_account',
      field: 'account_number',
      severity: 'warning',
      message: `The scan reads the account number as ${value}, but ${odd}: check it against the PDF.`,
    });
  }
}

/**
 * Why a scanned account number reads oddly, if it does: it starts with a lone mark a speck may be
 * (`*U0718377`, not a masked `***1234`), has one after its first glyph (`7.8434651`, a `Z` read as
 * `7.`), is printed after a lone bracket (`(G9655942`, which structure/account.cells.ts reads past), or
 * has letters among its digits (`24E43880`, `800563RB1`: digits a scan read as letters).
 */
function oddGlyphs(value: string, printed: string): string | null {
  if (/^[*#.'`]\w/.test(value) && !/^[*#]{2,}/.test(value))
    return `it starts with "${value[0]}", which may be a speck the scan read`;
  if (/^\w[.,'`]\w/.test(value))
    return `a "${value[1]}" follows its first character, which may be a speck or a piece of a glyph the scan read`;
  if (/^\s*[([{][^)\]}]*$/.test(printed))
    return `the scan reads a lone "${printed.trim()[0]}" before it, which may be a speck or a glyph`;
  const amid = /\d([A-Z]+)\d/.exec(value);
  return amid ? `"${amid[1]}" stands among its digits, where a scan may have read digits as letters` : null;
}

/** Confidence of an account number where another number of the head may as well be the account. */
const RIVAL_ACCOUNT_CONF = 0.7;

/**
 * A document's one account, where no account label names it (it stands under a holder's label such
 * as `Client ID`, or under none) and the page head prints another number that may as well be the
 * account: below review, with the reason. An account label's number is the account, whatever else is printed.
 */
export function doubtRivalAccounts(accounts: ExtractedAccount[], lines: Segmented[]): void {
  const a = accounts.length === 1 ? accounts[0]! : null;
  if (!a?.account) return;
  const value = a.account.value;
  if (labelledAccounts(lines).has(value)) return;
  const label = printedLabel(lines, value);
  const rivals = rivalAccounts(lines, value);
  if (rivals.length === 0) return;
  a.account = { ...a.account, conf: Math.min(a.account.conf, RIVAL_ACCOUNT_CONF) };
  const named =
    label && namesHolder(label)
      ? `under "${label}", which may name the client rather than the account`
      : 'without an account label';
  a.issues.push({
    code: 'unsure_account',
    field: 'account_number',
    severity: 'warning',
    message: `The account number ${value} is printed ${named}, and ${rivals.slice(0, 3).join(', ')} ${rivals.length === 1 ? 'is' : 'are'} printed too with no label saying which is the account: check the account number.`,
  });
}

// Account numbers printed without a label: `Y99-825068`, `PB-1234567`, `XXXX-1234`, `8488 3065`, `U1234567`.
const ACCOUNT_SHAPES = [
  /^[A-Z0-9]{1,6}(?:[-.][A-Z0-9]{2,10}){1,3}$/,
  /^[A-Z]{1,3}\d{5,12}$/,
  /^\d{3,5}(?: \d{2,5}){1,3}$/,
];

/**
 * A document with one account whose number has no label (a page header, the line under a client
 * name, a number over an `ACCOUNT` caption): a cell near the top that is nothing but an
 * account-shaped token. Certainty is kept below automatic approval.
 */
export function unlabelledAccount(lines: Segmented[]): Reading<string> | null {
  const firstPage = lines.length ? lines[0]!.page : 0;
  const head = lines.filter((l) => l.page === firstPage).slice(0, 12);
  const near = (line: Segmented, ci: number) => labelNear(head, line, ci);
  // A value whose label (left of it, or above it) has an account word and names no other account.
  for (const line of head) {
    for (let ci = 0; ci < line.cells.length; ci++) {
      const label = near(line, ci);
      if (
        !label ||
        !startsWithPrefix(label, ACCOUNT_WORD_PREFIXES) ||
        namesOtherAccount(label) ||
        namesNoAccount(label)
      )
        continue;
      const text = line.cells[ci]!.text.trim();
      // `Customer Service | 800-555-1212`: a telephone's number, unless an account label names it.
      if (PHONE_WORD.test(label) || (PHONE_SHAPE.test(text) && !accountLabel(label))) continue;
      const tok = readAccountToken(text);
      if (!tok || tok.value !== normalizeAccount(text) || findDates(text).length) continue;
      return { value: tok.value, conf: Math.min(0.75, 0.75 * ocrFactor(line.cells[ci]!.conf)) };
    }
  }
  for (const line of head) {
    for (const cell of line.cells) {
      const typed = typedAccount(cell.text);
      if (typed) return { value: typed, conf: Math.min(0.75, 0.75 * ocrFactor(cell.conf)) };
    }
  }
  for (const found of bareAccounts(head)) return found;
  return null;
}

/** Account-shaped numbers of the page head, in reading order, but those another account's, a telephone's or a non-account identifier's label names. */
function* bareAccounts(head: Segmented[]): Generator<Reading<string>> {
  for (const line of head) {
    if (containsStem(line.text, WEB_ADDRESS_MARKS)) continue;
    for (let ci = 0; ci < line.cells.length; ci++) {
      const cell = line.cells[ci]!;
      // A number printed as another account's (`Sweep Vehicle Ref | 12-3456-78`) is never the report's.
      const label = labelNear(head, line, ci);
      if (label && (namesOtherAccount(label) || PHONE_WORD.test(label) || namesNoAccount(label))) continue;
      const found = shapedAccount(cell.text, cell.conf);
      if (found) yield found;
    }
  }
}

/** A cell that is nothing but an account-shaped token (never a telephone number, a date, an amount). */
function shapedAccount(cellText: string, conf: number): Reading<string> | null {
  const text = cellText.trim().replace(NUMBER_SIGN, '');
  // A telephone number (`800-555-1212`, `1-800-555-1212`) has an account's shape too.
  if (!ACCOUNT_SHAPES.some((re) => re.test(text)) || PHONE_SHAPE.test(text)) return null;
  const digits = (text.match(/\d/g) ?? []).length;
  if (digits < 4 || /^\d{1,4}[-./]\d{1,2}[-./]\d{2,4}$/.test(text) || /^(?:19|20)\d{2}-\d{2}/.test(text)) return null;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(text) || /^\d+\.\d{1,2}$/.test(text)) return null;
  const tok = readAccountToken(text);
  if (!tok || tok.value !== normalizeAccount(text)) return null;
  return { value: tok.value, conf: Math.min(0.75, 0.75 * ocrFactor(conf)) };
}

/** `Words: TOKEN` in one cell: a label the vocabulary may not know, and its value. */
const KEYED = /^(\D{3,48}?):\s*(\S+)$/;

/**
 * The account of a statement whose labels the vocabulary does not know (read by the identities alone):
 * an account-shaped token after a label's colon in one cell of the page head (`Nambari ya akaunti:
 * SW-480213`), under a label that names no other account, no telephone and nothing that is no account.
 */
export function keyedAccount(lines: Segmented[]): Reading<string> | null {
  const firstPage = lines.length ? lines[0]!.page : 0;
  for (const line of lines.filter((l) => l.page === firstPage).slice(0, 12))
    for (const cell of line.cells) {
      const m = KEYED.exec(cell.text.trim());
      if (!m || namesOtherAccount(m[1]!) || PHONE_WORD.test(m[1]!) || namesNoAccount(m[1]!)) continue;
      const found = shapedAccount(m[2]!, cell.conf);
      if (found) return found;
    }
  return null;
}

/**
 * Other numbers of the page head that may as well be the account as `account`: account-shaped
 * numbers no account label names, and numbers under a holder's label (`Client ID`, `User ID`).
 */
export function rivalAccounts(lines: Segmented[], account: string): string[] {
  const firstPage = lines.length ? lines[0]!.page : 0;
  const head = lines.filter((l) => l.page === firstPage).slice(0, 12);
  const out = new Set<string>();
  for (const found of bareAccounts(head)) out.add(found.value);
  for (const line of head) for (const hit of findAccounts(line)) out.add(hit.value);
  return [...out].filter((v) => !v.includes(account) && !account.includes(v));
}

const SEPARATOR = `(?:${alternation(ACCOUNT_NAME_SEPARATORS)})`;
const TYPED = new RegExp(String.raw`^([^\d]{3,48}?)\s+${SEPARATOR}\s+(\S+)(?:\s+${SEPARATOR}\s.*)?$`);
const ACCOUNT_TYPE = phraseRegExp(ACCOUNT_TYPE_WORDS);
const PHONE_WORD = phraseRegExp(PHONE_WORDS);
const TITLE_WORD = phraseRegExp(DOCUMENT_TITLE_WORDS);
/** A telephone number's shape: `(800) 555-1212`, `800-555-1212`, `+44 20 7946 0958`. */
const PHONE_SHAPE = /^\+|^(?:1[-. ])?\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}$/;

const accountLabel = (text: string) => (matchLabel(text, ACCOUNT_ONLY)?.score ?? 0) >= 0.8;
const ACCOUNT_ONLY: ReadonlySet<LabelTarget> = new Set(['account']);

/**
 * An account named by its type instead of a label, the number after a separator in the same cell
 * (`Individual Brokerage · 6612-0938`, `Roth IRA | 7781-2201 | USD`): the type words must be an
 * account's, and never another account's (`Sweep · 12-3456`), a telephone's or a title's
 * (`Trading Statement · Q4-2026`).
 */
function typedAccount(text: string): string | null {
  const m = text.trim().match(TYPED);
  if (!m) return null;
  const [, lead, token] = m as unknown as [string, string, string];
  if (
    !ACCOUNT_TYPE.test(lead) ||
    namesOtherAccount(lead) ||
    namesNoAccount(lead) ||
    PHONE_WORD.test(lead) ||
    TITLE_WORD.test(lead)
  )
    return null;
  const bare = token.replace(/[,;]$/, '');
  if (!ACCOUNT_SHAPES.some((re) => re.test(bare)) || PHONE_SHAPE.test(bare) || findDates(bare).length) return null;
  // A year with its quarter or month (`Q4-2026`, `2026-12`) is a period, not a number.
  if (/(?<!\d)(?:19|20)\d{2}(?!\d)/.test(bare) && bare.replace(/\W/g, '').length <= 7) return null;
  if ((bare.match(/\d/g) ?? []).length < 4) return null;
  const tok = readAccountToken(bare);
  return tok && tok.value === normalizeAccount(bare) ? tok.value : null;
}

/** The label of the cell that prints an account number (left of it, or above it), if any. */
export function printedLabel(lines: Segmented[], account: string): string | null {
  for (const line of lines.slice(0, 40)) {
    const ci = line.cells.findIndex((c) => normalizeAccount(c.text).includes(account));
    if (ci < 0) continue;
    const cell = line.cells[ci]!;
    // The label may share the cell (`Sweep Acct 12-3456`).
    const inCell = cell.text.slice(0, Math.max(0, cell.text.toUpperCase().replace(/\s+/g, '').indexOf(account)));
    if (/\p{L}{3}/u.test(inCell)) return cell.text;
    return labelNear(lines, line, ci);
  }
  return null;
}

const NUMBER_SIGN = new RegExp(`^(?:${alternation(NUMBER_SIGNS)})\\s*`, 'i');

/** The text of the cell that labels a value cell: the one left of it, else the one right above it. */
function labelNear(head: Segmented[], line: Segmented, ci: number): string | null {
  const cell = line.cells[ci]!;
  if (ci > 0) {
    const left = line.cells[ci - 1]!.text.trim();
    if (/\p{L}{3}/u.test(left) && !/\d{3}/.test(left)) return left;
  }
  const at = head.indexOf(line);
  const above = at > 0 ? head[at - 1] : undefined;
  if (!above || line.top - above.bottom > line.height * 2.5) return null;
  const over = above.cells.find((c) => Math.min(c.x1, cell.x1) - Math.max(c.x0, cell.x0) > 0);
  return over ? over.text.trim() : null;
}
